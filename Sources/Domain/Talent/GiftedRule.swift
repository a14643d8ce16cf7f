import Foundation

/// How a student enters the municipal databank of gifted students (issue 21, item 4; `001_4390f67d15d9225c.txt`
/// §3.1.3: the databank is built from the schools' data and students' achievements): by an achievement at or above a
/// level with at least a result within the last years — the rule the administrator sets — or by the КМЦ's decision
/// with a reason.
public struct GiftedRule: Sendable, Equatable {
    public var minLevel: ContestLevel
    public var minResult: AchievementResult
    /// The current academic year and the ones before it: 3 — this year and the two before.
    public var years: Int

    public init(minLevel: ContestLevel, minResult: AchievementResult, years: Int) {
        self.minLevel = minLevel
        self.minResult = minResult
        self.years = years
    }

    /// The issue's example: a winner or prize-winner at the municipal level or above within the last 3 years.
    public static let standard = GiftedRule(minLevel: .municipal, minResult: .prizeWinner, years: 3)

    /// The years a rule looks back, as a range the form offers.
    public static let yearChoices = 1...10

    /// Whether an achievement of `level` and `result` in a year `yearsAgo` before the current one qualifies.
    public func admits(level: ContestLevel, result: AchievementResult, yearsAgo: Int) -> Bool {
        level >= minLevel && result >= minResult && yearsAgo >= 0 && yearsAgo < years
    }

    /// «победитель или призёр муниципального уровня и выше за последние 3 года».
    public var text: String {
        let result =
            minResult == .winner ? "победитель" : minResult == .prizeWinner ? "победитель или призёр" : "участник"
        let level =
            switch minLevel {
            case .school: "школьного"
            case .municipal: "муниципального"
            case .regional: "регионального"
            case .federal: "всероссийского"
            case .international: "международного"
            }
        let span =
            years == 1
            ? "в текущем учебном году" : "за последние \(years) \(years < 5 ? "учебных года" : "учебных лет")"
        return "\(result) \(level) уровня\(minLevel == .international ? "" : " и выше") \(span)"
    }
}

/// Why a student is in the databank.
public enum GiftedBasis: String, CaseIterable, Sendable {
    case rule, decision

    public var title: String {
        switch self {
        case .rule: "по достижениям"
        case .decision: "по решению КМЦ"
        }
    }
}
