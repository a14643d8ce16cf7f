import Domain
import Foundation

/// One application (ИУП) as a panel: who, which campaign, the agreements, the courses by priority, the actions.
public struct ApplicationPanel: Sendable {
    /// A chosen course and what it gave (`status`: `enrolled`, `waitlisted`, `pending`, `unused`, `released`).
    public struct Choice: Sendable {
        public var group: String, status: String, position: Int?
        public init(group: String, status: String, position: Int?) {
            self.group = group
            self.status = status
            self.position = position
        }
    }
    /// What the viewer may do with the application.
    public struct Rights: Sendable {
        public var agree: Bool, decide: Bool, cancel: Bool
        public init(agree: Bool, decide: Bool, cancel: Bool) {
            self.agree = agree
            self.decide = decide
            self.cancel = cancel
        }
    }

    public var id: UUID, student: String, school: String?, grade: String
    /// The student's sex from the registry (nil when not known): «зачислен» or «зачислена».
    public var sex: Sex?
    public var campaign: String, mode: CampaignMode
    /// Dates already written.
    public var submitted: String, submittedBy: String
    public var state: ApplicationState, closedReason: String?
    public var guardianAgreed: String?, guardianAgreedBy: String?
    /// The school's decision as stored (`pending`, `confirmed`, `refused`).
    public var schoolDecision: String, schoolDecided: String?, schoolComment: String?
    /// How the withdrawn consent to the processing of personal data reads, if it is withdrawn.
    public var consentWithdrawn: String?
    public var holdExpires: String?
    public var choices: [Choice]
    public var rights: Rights

    public init(
        id: UUID, student: String, sex: Sex?, school: String?, grade: String, campaign: String, mode: CampaignMode,
        submitted: String, submittedBy: String, state: ApplicationState, closedReason: String?, guardianAgreed: String?,
        guardianAgreedBy: String?, schoolDecision: String, schoolDecided: String?, schoolComment: String?,
        consentWithdrawn: String?, holdExpires: String?, choices: [Choice], rights: Rights
    ) {
        self.id = id
        self.student = student
        self.sex = sex
        self.school = school
        self.grade = grade
        self.campaign = campaign
        self.mode = mode
        self.submitted = submitted
        self.submittedBy = submittedBy
        self.state = state
        self.closedReason = closedReason
        self.guardianAgreed = guardianAgreed
        self.guardianAgreedBy = guardianAgreedBy
        self.schoolDecision = schoolDecision
        self.schoolDecided = schoolDecided
        self.schoolComment = schoolComment
        self.consentWithdrawn = consentWithdrawn
        self.holdExpires = holdExpires
        self.choices = choices
        self.rights = rights
    }

    public static let mock = ApplicationPanel(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, student: "Ёлкин Артём Ильич", sex: .male,
        school: "СОШ № 1", grade: "10А", campaign: "Запись на сетевые курсы, 2026/2027", mode: .firstCome,
        submitted: "01.05.2026 09:15",
        submittedBy: "Ёлкина Ольга Петровна", state: .submitted, closedReason: nil, guardianAgreed: "01.05.2026",
        guardianAgreedBy: "Ёлкина Ольга Петровна", schoolDecision: "pending", schoolDecided: nil, schoolComment: nil,
        consentWithdrawn: nil, holdExpires: "04.05.2026 09:15",
        choices: [
            Choice(group: "Информатика-10", status: "enrolled", position: nil),
            Choice(group: "Химия-10", status: "waitlisted", position: 2),
        ],
        rights: Rights(agree: false, decide: true, cancel: true))

    /// What a choice gave the student, in words that agree with the student's sex.
    static func choiceTitle(_ status: String, sex: Sex?) -> String {
        switch status {
        case "enrolled": Sex.agree(sex, masculine: "зачислен", feminine: "зачислена")
        case "waitlisted": "лист ожидания"
        case "pending": "ждёт распределения"
        case "unused": "не понадобился"
        case "released": "место освобождено"
        default: status
        }
    }
}
