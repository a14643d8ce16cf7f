import Foundation

/// How the methodologist settles a tie across the quota's boundary: everyone with the boundary's total gets the
/// status (the quota is exceeded) or nobody does.
public enum TieChoice: String, CaseIterable, Sendable {
    case includeAll, excludeAll

    public var title: String {
        switch self {
        case .includeAll: "признать всех (квота превышена)"
        case .excludeAll: "не признавать никого из них"
        }
    }
}

/// A participant's status in a grade's rating.
public enum OlympiadStatus: String, Sendable, Equatable {
    case winner, prizeWinner, participant
    /// On the quota's boundary with an equal total, waiting for the methodologist's decision.
    case tieUndecided

    /// The achievement it becomes (an undecided tie: none yet).
    public var result: AchievementResult? {
        switch self {
        case .winner: .winner
        case .prizeWinner: .prizeWinner
        case .participant: .participant
        case .tieUndecided: nil
        }
    }
}

/// One grade's rating table of a municipal stage (issue 21, item 3): ranked by total, equal totals together and then
/// alphabetically; winners and prize-winners within the quota and above the minimum shares; a tie across the quota's
/// boundary left to the methodologist's recorded decision.
public enum OlympiadRating {
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        /// The participant's name as sorted (`TextKey.sort`).
        public var sortKey: String
        public var total: Double
        public init(id: UUID, sortKey: String, total: Double) {
            self.id = id
            self.sortKey = sortKey
            self.total = total
        }
    }

    public struct Row: Sendable, Equatable {
        public var entry: Entry
        /// «1», or «2–3» for equal totals.
        public var place: String
        public var status: OlympiadStatus
    }

    /// Participants with the boundary's total who cannot all fit in the quota.
    public struct Tie: Sendable, Equatable {
        public var total: Double
        /// How many share the total.
        public var count: Int
        /// Places of the quota left for them.
        public var seats: Int
        /// The decision recorded for this total, if any (one recorded for another total no longer applies).
        public var decided: TieChoice?
        public init(total: Double, count: Int, seats: Int, decided: TieChoice?) {
            self.total = total
            self.count = count
            self.seats = seats
            self.decided = decided
        }
    }

    public struct Table: Sendable, Equatable {
        public var rows: [Row]
        public var quota: Int
        public var tie: Tie?
        /// A decision recorded for a total that is no longer the boundary's (an appeal moved it).
        public var staleDecision: Bool
    }

    /// The table of one grade. `decision` is the methodologist's recorded choice and the total it was made for.
    public static func table(
        _ entries: [Entry], maximum: Double, rules: OlympiadRules, decision: (total: Double, choice: TieChoice)?
    ) -> Table {
        let sorted = entries.sorted {
            ($0.total, $1.sortKey, $1.id.uuidString) > ($1.total, $0.sortKey, $0.id.uuidString)
        }
        let quota = rules.quota(of: sorted.count)
        let top = sorted.first?.total ?? 0
        let isWinnerGrade = { (total: Double) in
            total == top && OlympiadRules.exceeds(total, percent: rules.winnerMinPercent, of: maximum)
        }
        // Those who may be awarded at all form a prefix of the ranked list.
        let eligible = sorted.prefix {
            OlympiadRules.exceeds($0.total, percent: rules.prizeMinPercent, of: maximum) || isWinnerGrade($0.total)
        }
        var awarded = Set<UUID>()
        var undecided = Set<UUID>()
        var tie: Tie?
        var stale = decision != nil
        if eligible.count <= quota {
            awarded = Set(eligible.map(\.id))
        } else if quota > 0 {
            let boundary = eligible[quota - 1].total
            let above = eligible.filter { $0.total > boundary }
            let group = eligible.filter { $0.total == boundary }
            if eligible[quota].total == boundary {
                let choice = decision.flatMap { $0.total == boundary ? $0.choice : nil }
                stale = decision != nil && choice == nil
                tie = Tie(total: boundary, count: group.count, seats: quota - above.count, decided: choice)
                awarded = Set(above.map(\.id))
                switch choice {
                case .includeAll: awarded.formUnion(group.map(\.id))
                case .excludeAll: break
                case nil: undecided = Set(group.map(\.id))
                }
            } else {
                awarded = Set(eligible.prefix(quota).map(\.id))
            }
        }
        if tie == nil, decision != nil { stale = true }
        let rows = sorted.map { entry in
            let status: OlympiadStatus =
                awarded.contains(entry.id)
                ? (isWinnerGrade(entry.total) ? .winner : .prizeWinner)
                : undecided.contains(entry.id) ? .tieUndecided : .participant
            return Row(entry: entry, place: place(of: entry.total, in: sorted), status: status)
        }
        return Table(rows: rows, quota: quota, tie: tie, staleDecision: stale)
    }

    /// «3», or «3–5» when three participants share the total.
    static func place(of total: Double, in sorted: [Entry]) -> String {
        let first = (sorted.firstIndex { $0.total == total } ?? 0) + 1
        let last = (sorted.lastIndex { $0.total == total } ?? 0) + 1
        return first == last ? String(first) : "\(first)–\(last)"
    }
}

/// Who is invited to the municipal stage (issue 21, item 3): this year's school-stage participants of the subject at
/// or above their grade's passing score, and last year's municipal winners and prize-winners still at school — each
/// only with the guardian's consent to the processing of personal data in force (item 7); those without it are
/// named apart so their school can ask for it.
public enum OlympiadInvitation {
    public enum Reason: String, Sendable, CaseIterable {
        case schoolStage, lastYear

        public var title: String {
            switch self {
            case .schoolStage: "прошёл по баллу школьного этапа"
            case .lastYear: "победитель или призёр прошлого года"
            }
        }
    }

    /// A school-stage result: the student, the grade competed for and the score.
    public struct SchoolResult: Sendable {
        public var studentID: UUID
        public var grade: Int
        public var score: Double?
        public var consented: Bool
        public init(studentID: UUID, grade: Int, score: Double?, consented: Bool) {
            self.studentID = studentID
            self.grade = grade
            self.score = score
            self.consented = consented
        }
    }

    /// Last year's municipal winner or prize-winner of the subject, with the grade they study now.
    public struct Awardee: Sendable {
        public var studentID: UUID
        public var grade: Int
        public var atSchool: Bool
        public var consented: Bool
        public init(studentID: UUID, grade: Int, atSchool: Bool, consented: Bool) {
            self.studentID = studentID
            self.grade = grade
            self.atSchool = atSchool
            self.consented = consented
        }
    }

    public struct Invited: Sendable, Equatable {
        public var studentID: UUID
        /// The grade they compete for at the municipal stage (the school stage's, or the one they study in now).
        public var grade: Int
        public var schoolScore: Double?
        public var reasons: [Reason]
    }

    /// The invited, and the students who would be invited but whose consent is not in force.
    public static func invite(
        schoolResults: [SchoolResult], passingScores: [Int: Double], lastYear: [Awardee]
    ) -> (invited: [Invited], withoutConsent: [UUID]) {
        var byStudent: [UUID: Invited] = [:]
        var order: [UUID] = []
        var withoutConsent = Set<UUID>()
        for result in schoolResults {
            guard let passing = passingScores[result.grade], let score = result.score, score >= passing - 1e-9 else {
                continue
            }
            guard result.consented else {
                withoutConsent.insert(result.studentID)
                continue
            }
            if byStudent[result.studentID] == nil { order.append(result.studentID) }
            byStudent[result.studentID] = Invited(
                studentID: result.studentID, grade: result.grade, schoolScore: score, reasons: [.schoolStage])
        }
        for awardee in lastYear where awardee.atSchool && awardee.grade <= 11 {
            guard awardee.consented else {
                withoutConsent.insert(awardee.studentID)
                continue
            }
            if var known = byStudent[awardee.studentID] {
                if !known.reasons.contains(.lastYear) { known.reasons.append(.lastYear) }
                byStudent[awardee.studentID] = known
            } else {
                order.append(awardee.studentID)
                byStudent[awardee.studentID] = Invited(
                    studentID: awardee.studentID, grade: awardee.grade, schoolScore: nil, reasons: [.lastYear])
            }
        }
        return (order.compactMap { byStudent[$0] }, Array(withoutConsent))
    }
}
