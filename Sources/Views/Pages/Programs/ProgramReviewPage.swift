import Domain
import Foundation

/// The КМЦ's review of a submitted programme: agree or return with a comment.
public struct ProgramReviewPage: Sendable {
    public var programID: UUID
    public var title: String
    public var values: FormValues
    public var errors: FieldErrors

    /// The form with what it shows.
    public init(programID: UUID, title: String, values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.programID = programID
        self.title = title
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = ProgramReviewPage(
        programID: MockID.of(0x801), title: "Робототехника", values: FormValues())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        let card = SiteURL.record(.programs, programID).path
        return RegistryForm(
            title: "Согласование программы «\(title)»",
            crumbs: [Crumb("Программы", SiteURL.list(.programs).path), Crumb(title, card)],
            action: card + "/review", cancelURL: card,
            fields: [
                FieldSpec(
                    "decision", "Решение КМЦ",
                    .select(
                        [
                            (ProgramApproval.agreed.rawValue, "согласовать"),
                            (ProgramApproval.returned.rawValue, "вернуть на доработку"),
                        ], empty: "— выберите —"),
                    required: true),
                FieldSpec(
                    "comment", "Комментарий", .textarea,
                    hint: "Обязателен, если программа возвращается: что доработать."),
            ],
            values: values, errors: errors)
    }

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}

/// Words of submitting and reviewing programmes outside the review form.
public enum ProgramApprovalWords {
    /// A programme that is not there.
    public static let notFound = "Программа не найдена."
    /// A programme that cannot be submitted now.
    public static let cannotSubmit = "Эту программу сейчас нельзя отправить на согласование."
    /// A programme without teachers.
    public static let teachersNeeded =
        "Укажите педагогов программы: без них программу нельзя отправить на согласование в КМЦ."
    /// The audit log's name of the approval field.
    public static let field = "Согласование"
    /// The approval while under review (with the version number when sent).
    public static func underReview(version: Int? = nil) -> String {
        "на согласовании в КМЦ" + (version.map { " (версия \($0))" } ?? "")
    }
    /// After a programme was submitted.
    public static let submitted = "Программа отправлена на согласование в КМЦ."
    /// A programme that does not wait for a decision.
    public static let notWaiting = "Программа не ждёт решения КМЦ."
    /// A decision outside the list.
    public static let decisionFromList = "Выберите решение из списка."
    /// A return without a comment.
    public static let commentNeeded = "Напишите, что нужно доработать."
    /// What the audit log records of a decision.
    public static func decided(_ decision: ProgramApproval, comment: String?) -> [String: String] {
        [field: decision.title, "Комментарий КМЦ": comment ?? ""]
    }
    /// After a decision.
    public static func decidedFlash(agreed: Bool) -> String {
        agreed ? "Программа согласована: центр может открывать по ней группы." : "Программа возвращена на доработку."
    }
}
