import Domain
import Foundation

/// The form that adds a guardian to a student.
public struct GuardianFormPage: Sendable {
    public var studentID: UUID
    public var studentName: String
    public var values: FormValues
    public var errors: FieldErrors

    /// The form with what it shows.
    public init(studentID: UUID, studentName: String, values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.studentID = studentID
        self.studentName = studentName
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = GuardianFormPage(
        studentID: MockID.of(0x601), studentName: "Иванов Пётр Сергеевич", values: FormValues())

    /// The form's fields.
    public static let fields = [
        FieldSpec("fullName", "ФИО", required: true),
        FieldSpec("relation", "Кем приходится", hint: "мать, отец, опекун, попечитель…"),
        FieldSpec("phone", "Телефон", .text("tel")), FieldSpec("email", "Электронная почта", .text("email")),
    ]

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        let card = SiteURL.record(.students, studentID).path
        return RegistryForm(
            title: "Новый законный представитель",
            crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(studentName, card)],
            action: card + "/guardians/new", cancelURL: card, fields: Self.fields, values: values, errors: errors,
            intro:
                "Родитель или другой законный представитель обучающегося «\(studentName)». После сохранения можно "
                + "выдать ему код приглашения.")
    }

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}

/// The printed invitation code for a guardian.
public struct GuardianInvitePage: Sendable {
    public var studentID: UUID
    public var studentName: String
    public var school: String
    public var guardianName: String
    public var relation: String?
    /// The absolute address of the invitation page.
    public var inviteURL: String
    /// The last day the code works.
    public var expires: String
    public var code: String

    /// The page's data.
    public init(
        studentID: UUID, studentName: String, school: String, guardianName: String, relation: String?,
        inviteURL: String, expires: String, code: String
    ) {
        self.studentID = studentID
        self.studentName = studentName
        self.school = school
        self.guardianName = guardianName
        self.relation = relation
        self.inviteURL = inviteURL
        self.expires = expires
        self.code = code
    }

    /// A made-up page.
    public static let mock = GuardianInvitePage(
        studentID: MockID.of(0x601), studentName: "Иванов Пётр Сергеевич", school: "МБОУ «СОШ № 3»",
        guardianName: "Иванова Мария Петровна", relation: "мать", inviteURL: "https://setka.example.ru/invite",
        expires: "15.09.2025", code: "7Q2M-9XKD-4TRA")

    /// The page as a notice.
    public var notice: NoticePage {
        NoticePage(
            title: "Код приглашения",
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path),
                Crumb(studentName, SiteURL.record(.students, studentID).path),
            ],
            lines: [
                "Для: \(guardianName)\(relation.map { " (\($0))" } ?? ""), законного представителя обучающегося "
                    + "\(studentName), \(school).",
                "Откройте в браузере адрес \(inviteURL), введите код, придумайте имя "
                    + "пользователя и пароль. После этого вы увидите курсы ребёнка, его заявки и согласие на "
                    + "обработку данных.",
                "Код одноразовый и действует до \(expires) включительно. Выданный ранее "
                    + "код больше не действует. Распечатайте эту страницу и передайте лично.",
            ],
            highlight: code, backTitle: "К обучающемуся", backURL: SiteURL.record(.students, studentID).path)
    }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String { notice.render(ctx) }
}

/// The confirmation before a guardian is removed from a student.
public struct GuardianRemovePage: Sendable {
    public var studentID: UUID
    public var studentName: String
    public var guardianID: UUID
    public var guardianName: String
    /// Whether the guardian has an account (it loses access) or only a code (it stops working).
    public var hasAccount: Bool

    /// The page's data.
    public init(studentID: UUID, studentName: String, guardianID: UUID, guardianName: String, hasAccount: Bool) {
        self.studentID = studentID
        self.studentName = studentName
        self.guardianID = guardianID
        self.guardianName = guardianName
        self.hasAccount = hasAccount
    }

    /// A made-up page.
    public static let mock = GuardianRemovePage(
        studentID: MockID.of(0x601), studentName: "Иванов Пётр Сергеевич", guardianID: MockID.of(0x611),
        guardianName: "Иванова Мария Петровна", hasAccount: true)

    /// The page as a confirmation.
    public var confirm: ConfirmPage {
        let card = SiteURL.record(.students, studentID).path
        return ConfirmPage(
            title: "Убрать законного представителя",
            question: "Убрать «\(guardianName)» из представителей обучающегося «\(studentName)»?",
            consequence: hasAccount
                ? "Его учётная запись потеряет доступ к данным ребёнка."
                : "Выданный ему код приглашения перестанет действовать.",
            action: card + "/guardians/\(guardianID.uuidString.lowercased())/remove", button: "Убрать",
            cancelURL: card,
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(studentName, card),
                Crumb("Убрать представителя"),
            ])
    }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String { confirm.render(ctx) }
}
