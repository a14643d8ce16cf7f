import Domain
import Foundation

/// «Вход по коду приглашения»: a guardian redeems the school's code (a new account, or one more child).
public struct InviteRedeemPage: Sendable {
    /// Whether the guardian is signed in already (then only the code is asked).
    public var signedIn: Bool
    public var values: FormValues
    public var errors: FieldErrors
    /// Why the code cannot be tried now (throttling).
    public var problem: String?

    /// The form with what it shows.
    public init(signedIn: Bool, values: FormValues, errors: FieldErrors = FieldErrors(), problem: String? = nil) {
        self.signedIn = signedIn
        self.values = values
        self.errors = errors
        self.problem = problem
    }

    /// A made-up form.
    public static let mock = InviteRedeemPage(signedIn: false, values: FormValues())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        var fields = [
            FieldSpec(
                "code", "Код приглашения", required: true,
                hint: "Код из листка, который выдала школа, например 7Q2M-9XKD-4TRA.")
        ]
        if !signedIn {
            fields += [
                FieldSpec(
                    "username", "Имя пользователя", required: true,
                    hint: "Латинские буквы, цифры, точка, дефис; от 3 знаков."),
                FieldSpec("password", "Пароль", .text("password"), required: true, hint: PasswordRules.hint),
                FieldSpec("confirm", "Пароль ещё раз", .text("password"), required: true),
            ]
        }
        return RegistryForm(
            title: "Вход по коду приглашения", crumbs: [], action: SiteURL.invite.path,
            cancelURL: signedIn ? SiteURL.children.path : SiteURL.login.path,
            fields: fields, values: values, errors: errors, conflict: problem,
            intro: signedIn
                ? "Код привяжет ещё одного ребёнка к вашей учётной записи."
                : "Школа выдаёт код родителю (законному представителю). По коду вы создадите учётную запись и увидите "
                    + "данные ребёнка.")
    }

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}

/// The confirmation before a guardian withdraws the consent to process a child's personal data.
public struct WithdrawConsentPage: Sendable {
    public var studentID: UUID
    public var studentName: String

    /// The page's data.
    public init(studentID: UUID, studentName: String) {
        self.studentID = studentID
        self.studentName = studentName
    }

    /// A made-up page.
    public static let mock = WithdrawConsentPage(studentID: MockID.of(0x601), studentName: "Иванов Пётр Сергеевич")

    /// Where the child's consent is withdrawn.
    public var action: String { "/children/\(studentID.uuidString.lowercased())/consent" }

    /// The page as a confirmation.
    public var confirm: ConfirmPage {
        ConfirmPage(
            title: "Отозвать согласие",
            question: "Отозвать согласие на обработку персональных данных ребёнка «\(studentName)»?",
            consequence:
                "Школа и КМЦ увидят это сразу. Новых записей в группы и заявок не будет, пока школа не получит от вас "
                + "новое согласие; уже начатые курсы школа обсудит с вами.",
            action: action, button: "Отозвать согласие", cancelURL: SiteURL.children.path,
            crumbs: [Crumb("Мои дети", SiteURL.children.path), Crumb("Отозвать согласие")])
    }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String { confirm.render(ctx) }
}
