import Domain
import Foundation

/// Words of guardians outside their pages: flash messages, form checks, audit titles and fields.
public enum GuardiansWords {
    /// The guardian is already listed.
    public static let duplicate = "Этот представитель у обучающегося уже есть."
    /// After a guardian was added.
    public static let added = "Законный представитель добавлен. Выдайте ему код приглашения."
    /// After a guardian was removed.
    public static let removed = "Законный представитель убран."
    /// The audit log's title of a guardian.
    public static func auditTitle(guardian: String, student: String) -> String {
        "\(guardian) — представитель: \(student)"
    }
    /// The audit log's name of the guardian field.
    public static let guardianField = "Законный представитель"
    /// What the audit log records of a new guardian.
    public static func audit(name: String, relation: String?, phone: String?, email: String?) -> [String: String] {
        [guardianField: name, "Кем приходится": relation ?? "", "Телефон": phone ?? "", "Эл. почта": email ?? ""]
    }
    /// What the audit log records of an issued code.
    public static func auditCode(until: String) -> [String: String] {
        ["Код приглашения": "выдан, действует до \(until)"]
    }
    /// What the audit log records of a redeemed code.
    public static func auditAccount(_ username: String) -> [String: String] { ["Учётная запись": username] }

    /// Messages of redeeming a code.
    public enum Redeem {
        /// A username that breaks the rules.
        public static let badUsername = "Латинские буквы, цифры, точка, дефис и подчёркивание; от 3 до 60 знаков."
        /// A username that is taken.
        public static let usernameTaken = "Это имя уже занято, выберите другое."
        /// The passwords differ.
        public static let passwordsDiffer = "Пароли не совпадают."
        /// A wrong or expired code.
        public static let badCode = "Код не подходит: проверьте его или попросите в школе новый."
        /// The child is linked to the account already.
        public static let alreadyLinked = "Этот ребёнок уже привязан к вашей учётной записи."
        /// Someone spent the code first.
        public static let codeUsed = "Этот код уже использован."
        /// After an account was created by a code.
        public static func accountCreated(_ child: String) -> String {
            "Учётная запись создана, ребёнок привязан: \(child)."
        }
        /// After a child was linked to an account.
        public static func linked(_ child: String) -> String { "Ребёнок привязан: \(child)." }
    }

    /// Words of the guardian's consent.
    public enum Consent {
        /// There is no consent to withdraw.
        public static let nothingToWithdraw = "Согласие уже отозвано или не давалось."
        /// After the consent was withdrawn.
        public static let withdrawn = "Согласие отозвано. Школа и КМЦ уже видят это."
        /// The audit log's name of the consent field.
        public static let field = "Согласие на обработку персональных данных"
        /// The consent before withdrawal, in the audit log.
        public static let given = "дано"
        /// The consent after withdrawal, in the audit log.
        public static func withdrawnBy(on date: String, by who: String) -> String { "отозвано \(date), \(who)" }
        /// The link on «Мои дети».
        public static let withdrawLink = "Отозвать согласие на обработку данных…"
    }

    /// Labels of a child's facts on «Мои дети».
    public enum Child {
        /// The school fact.
        public static let school = "Школа"
        /// The class fact.
        public static let grade = "Класс"
        /// The heading of the child's courses.
        public static let courses = "Сетевые курсы"
    }
}
