import Domain
import Foundation

/// The fields that grant a role: the role, where, and for how long.
public struct RoleFields: Sendable {
    /// Roles the user may grant.
    public var roles: [Role]
    /// Organisations the user may grant roles in.
    public var organizations: [(value: String, title: String)]
    /// Whether the user manages every account (then no organisation means the whole municipality).
    public var managesAll: Bool

    /// The choices.
    public init(roles: [Role], organizations: [(value: String, title: String)], managesAll: Bool) {
        self.roles = roles
        self.organizations = organizations
        self.managesAll = managesAll
    }

    /// Made-up choices.
    public static let mock = RoleFields(
        roles: [.teacher, .schoolAdmin], organizations: [("o1", "МБОУ «Лицей № 1»")], managesAll: true)

    /// The fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "role", "Роль", .select(roles.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
            FieldSpec(
                "organization", "Организация",
                .select(organizations, empty: managesAll ? "— весь муниципалитет —" : "— выберите —"),
                hint:
                    "Для ролей руководителя ресурсного центра, педагога, администратора школы, обучающегося и родителя."
            ),
            FieldSpec("validFrom", "Действует с", .date), FieldSpec("validTo", "Действует по", .date),
        ]
    }
}

/// A user account's form: a new account (name, username, first role) or a name change.
public struct UserFormPage: Sendable {
    /// The account being edited, nil for a new one.
    public var id: UUID?
    public var name: String?
    public var version: Int?
    /// The first role's fields of a new account.
    public var roleFields: RoleFields
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?

    /// The form with what it shows.
    public init(
        id: UUID?, name: String?, version: Int?, roleFields: RoleFields, values: FormValues,
        errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.roleFields = roleFields
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    /// A made-up new account's form.
    public static let mock = UserFormPage(id: nil, name: nil, version: nil, roleFields: .mock, values: FormValues())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        var fields = [FieldSpec("fullName", "Фамилия, имя, отчество", required: true)]
        if id == nil {
            fields.append(
                FieldSpec(
                    "username", "Имя пользователя", required: true,
                    hint: "Латинские буквы, цифры, точка, дефис, подчёркивание."))
            fields += roleFields.fields
        }
        return RegistryForm(
            title: id == nil ? "Новый пользователь" : "Изменение: \(name ?? "")",
            crumbs: [Crumb("Пользователи", SiteURL.list(.users).path)],
            action: id.map { SiteURL.edit(.users, $0).path } ?? SiteURL.new(.users).path,
            cancelURL: id.map { SiteURL.record(.users, $0).path } ?? SiteURL.list(.users).path,
            fields: fields, values: values, errors: errors, version: version, conflict: conflict,
            intro: id == nil
                ? "Пароль не задаётся: после сохранения вы увидите одноразовый код для первого входа." : nil)
    }

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}

/// The form that grants one more role to an account.
public struct RoleFormPage: Sendable {
    public var userID: UUID
    public var userName: String
    public var roleFields: RoleFields
    public var values: FormValues
    public var errors: FieldErrors

    /// The form with what it shows.
    public init(
        userID: UUID, userName: String, roleFields: RoleFields, values: FormValues, errors: FieldErrors = FieldErrors()
    ) {
        self.userID = userID
        self.userName = userName
        self.roleFields = roleFields
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = RoleFormPage(
        userID: MockID.of(0x701), userName: "Соколова Анна Ивановна", roleFields: .mock, values: FormValues())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        let card = SiteURL.record(.users, userID).path
        return RegistryForm(
            title: "Назначение роли: \(userName)",
            crumbs: [Crumb("Пользователи", SiteURL.list(.users).path), Crumb(userName, card)],
            action: card + "/roles/new", cancelURL: card, fields: roleFields.fields, values: values, errors: errors)
    }

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}

/// The one-time code of a new account or a reset password, shown once to the administrator.
public struct UserCodePage: Sendable {
    public var userID: UUID
    public var userName: String
    public var username: String
    public var code: String
    /// Whether the account was just created (else its password was reset).
    public var created: Bool

    /// The page's data.
    public init(userID: UUID, userName: String, username: String, code: String, created: Bool) {
        self.userID = userID
        self.userName = userName
        self.username = username
        self.code = code
        self.created = created
    }

    /// A made-up page.
    public static let mock = UserCodePage(
        userID: MockID.of(0x701), userName: "Соколова Анна Ивановна", username: "sokolova", code: "7Q2M-9XKD",
        created: true)

    /// The page as a notice.
    public var notice: NoticePage {
        NoticePage(
            title: created ? "Пользователь создан" : "Пароль сброшен",
            crumbs: [
                Crumb("Пользователи", SiteURL.list(.users).path),
                Crumb(userName, SiteURL.record(.users, userID).path),
            ],
            lines: [
                "Передайте пользователю «\(username)» одноразовый код для входа. Код показывается только сейчас; "
                    + "при первом входе пользователь задаст свой пароль."
            ],
            highlight: code, backTitle: "К карточке пользователя", backURL: SiteURL.record(.users, userID).path)
    }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String { notice.render(ctx) }

    /// The confirmation before a password is reset.
    public static func resetConfirm(userID: UUID, userName: String, username: String) -> ConfirmPage {
        let card = SiteURL.record(.users, userID).path
        return ConfirmPage(
            title: "Сброс пароля", question: "Сбросить пароль пользователя «\(username)»?",
            consequence:
                "Прежний пароль перестанет действовать, все сеансы пользователя завершатся. Вы увидите одноразовый "
                + "код, с которым пользователь войдёт и задаст новый пароль.",
            action: card + "/reset", button: "Сбросить пароль", cancelURL: card,
            crumbs: [Crumb("Пользователи", SiteURL.list(.users).path), Crumb(userName, card)])
    }
}
