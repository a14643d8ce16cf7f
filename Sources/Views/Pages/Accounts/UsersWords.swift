import Domain
import Foundation

/// Words of user accounts outside their pages: form checks, refusals, flash messages, audit fields.
public enum UsersWords {
    /// A user that is not there.
    public static let notFound = "Пользователь не найден."
    /// A role that is not there.
    public static let roleNotFound = "Роль не найдена."
    /// A role of an organisation chosen without one.
    public static let organizationNeeded = "Для этой роли выберите организацию."
    /// A municipality-wide role chosen with an organisation.
    public static let noOrganization = "Эта роль действует на весь муниципалитет: организацию не указывайте."
    /// The role ends before it starts.
    public static let endBeforeStart = "Окончание не может быть раньше начала."
    /// A username that breaks the rules.
    public static let badUsername = "Латинские буквы, цифры, точка, дефис и подчёркивание, от 3 до 60 символов."
    /// A username that is taken.
    public static let usernameTaken = "Это имя пользователя уже занято."
    /// A scoped manager creating another kind of account.
    public static let onlyTeachersCreate = "Вы можете создавать только учётные записи педагогов своей организации."
    /// A scoped manager granting another role.
    public static let onlyTeachersGrant = "Вы можете назначать только роль педагога своей организации."
    /// An administrator removing their own administrator role.
    public static let ownAdminRole = "Нельзя снять с себя роль администратора: это сделает другой администратор."
    /// The user's last role.
    public static let lastRole = "Это последняя роль пользователя. Чтобы закрыть ему доступ, заблокируйте его."
    /// Blocking oneself.
    public static let blockSelf = "Нельзя заблокировать самого себя."
    /// After a role was granted.
    public static let roleGranted = "Роль назначена."
    /// After a role was removed.
    public static let roleRemoved = "Роль снята."
    /// After blocking or unblocking.
    public static func access(_ active: Bool) -> String {
        active ? "Пользователь разблокирован." : "Пользователь заблокирован."
    }

    /// Audit log fields of accounts.
    public enum Audit {
        /// The full name field.
        public static let name = "ФИО"
        /// A new account.
        public static func created(name: String, username: String, role: Role) -> [String: String] {
            ["ФИО": name, "Имя пользователя": username, "Роль": role.title]
        }
        /// The role field (empty before a grant or after a removal).
        public static let role = "Роль"
        /// A role as the audit log shows it: «Педагог — МБОУ «Лицей № 1»».
        public static func roleTitle(_ title: String, organization: String?) -> String {
            title + (organization.map { " — \($0)" } ?? "")
        }
        /// The password reset.
        public static let passwordReset = ["Пароль": "сброшен администратором"]
        /// The access field.
        public static func access(_ active: Bool) -> [String: String] {
            ["Доступ": active ? "действует" : "заблокирован"]
        }
    }
}
