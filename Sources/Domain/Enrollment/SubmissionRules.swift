import Foundation

/// What an ИУП submission is checked against (`002_f5d848fa5a191e3f.txt` §15: a student's individual curriculum of
/// network courses in a campaign's window), as plain values — whichever database and path read them.
public struct SubmissionFacts: Sendable {
    public struct Campaign: Sendable {
        public var isActive: Bool, opensAt: Date, closesAt: Date, maxCourses: Int
        public init(isActive: Bool, opensAt: Date, closesAt: Date, maxCourses: Int) {
            self.isActive = isActive
            self.opensAt = opensAt
            self.closesAt = closesAt
            self.maxCourses = maxCourses
        }
    }

    public struct Student: Sendable {
        public var isActive: Bool, consentWithdrawn: Bool, grade: Int
        public init(isActive: Bool, consentWithdrawn: Bool, grade: Int) {
            self.isActive = isActive
            self.consentWithdrawn = consentWithdrawn
            self.grade = grade
        }
    }

    /// A group a student chose, with its programme's state.
    public struct Group: Sendable {
        public var id: UUID, programID: UUID, isOpen: Bool, isActive: Bool, isAgreed: Bool, gradeFrom: Int, gradeTo: Int
        public init(
            id: UUID, programID: UUID, isOpen: Bool, isActive: Bool, isAgreed: Bool, gradeFrom: Int, gradeTo: Int
        ) {
            self.id = id
            self.programID = programID
            self.isOpen = isOpen
            self.isActive = isActive
            self.isAgreed = isAgreed
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
        }
    }

    public var campaign: Campaign
    public var student: Student
    /// The programmes of the campaign.
    public var programs: Set<UUID>
    public var groups: [Group]

    public init(campaign: Campaign, student: Student, programs: Set<UUID>, groups: [Group]) {
        self.campaign = campaign
        self.student = student
        self.programs = programs
        self.groups = groups
    }
}

/// Why a submission is refused before anything is written.
public enum SubmissionRefusal: Error, Equatable, Sendable {
    case notOpenYet
    case closed
    case student(EnrollmentError)
    /// The choices, with a message next to each bad one.
    case choices(FieldErrors)

    public var reason: String {
        switch self {
        case .notOpenYet: "Приём заявок в этой кампании ещё не начался."
        case .closed: "Приём заявок в этой кампании закрыт."
        case .student(let error): error.reason
        case .choices: "Проверьте выбранные курсы."
        }
    }
}

/// The checks of an ИУП submission, in this order: the campaign's window, the student, the choices. Every way a
/// submission arrives (the form, the API on either database, the one-statement PostgreSQL path) asks this function.
public enum SubmissionRules {
    /// The valid choices in rank order, or why the submission is refused.
    public static func check(_ facts: SubmissionFacts, choices: [UUID], now: Date) -> Result<[UUID], SubmissionRefusal>
    {
        let campaign = facts.campaign
        guard campaign.isActive, now >= campaign.opensAt else { return .failure(.notOpenYet) }
        guard now < campaign.closesAt else { return .failure(.closed) }
        guard facts.student.isActive else { return .failure(.student(.studentNotFound)) }
        guard !facts.student.consentWithdrawn else { return .failure(.student(.consentWithdrawn)) }
        let allowed = facts.groups.filter {
            facts.programs.contains($0.programID) && $0.isOpen && $0.isActive && $0.isAgreed
                && $0.gradeFrom <= facts.student.grade && facts.student.grade <= $0.gradeTo
        }
        var errors = FieldErrors()
        let ranked = CampaignRules.validateChoices(
            choices.map { Optional($0) }, allowed: Set(allowed.map(\.id)),
            maxChoices: CampaignRules.choiceSlots(maxCourses: campaign.maxCourses), errors: &errors)
        return errors.isEmpty ? .success(ranked) : .failure(.choices(errors))
    }
}
