import Domain
import Foundation

/// The orders' words outside their pages: flash messages, field errors, refusals and audit lines.
public enum OrdersWords {
    /// After an outside trainer's organisations in the list of teachers.
    public static let outsideTrainer = " (педагог-тренер)"
    /// The print page's trail: the registry.
    public static let crumb = "Приказы"

    public static let chooseYear = "Выберите учебный год."
    public static let recipientsOfYear = "Выберите педагогов из списка этого учебного года."
    /// A number already used by a signed order of that year.
    public static func numberTaken(_ number: String, year: Int, title: String) -> String {
        "В \(year) году уже подписан приказ № \(number): «\(title)»."
    }

    public static let notFound = "Приказ не найден."
    public static let documentNotFound = "Документ приказа не найден."
    public static let namesStudents =
        "Приложение к приказу называет обучающихся: его открывают координатор КМЦ и администратор."
    public static let changedOrSigned = "Приказ только что изменили или подписали: обновите страницу."
    public static let changed = "Приказ только что изменили: обновите страницу."
    /// The API's word for a `year` that is not an id.
    public static let yearParameter = "ожидается идентификатор учебного года (UUID)"

    /// Flash messages after a change.
    public enum Flash {
        /// After a draft is made from the year's data.
        public static func drafted(year: String) -> String {
            "Проект приказа составлен по данным \(year). Проверьте его, укажите номер и дату."
        }
        public static let updated = "Проект приказа обновлён."
        public static let refreshed = "Проект приказа составлен заново по текущим данным."
        /// After an order is signed.
        public static func signed(_ number: String) -> String { "Приказ № \(number) подписан." }
        public static let deleted = "Проект приказа удалён."
    }

    /// What the audit log records of an order.
    public enum Audit {
        /// The audit lines of a new draft.
        public static func created(title: String) -> [String: String] {
            ["Приказ": title, "Состояние": OrderStatus.draft.title]
        }
        /// The audit lines of a draft's requisites.
        public static func fields(number: String, day: String, recipients: Int) -> [String: String] {
            ["Номер": number, "Дата": day, "Педагоги": String(recipients)]
        }
        /// The audit lines of a saved order, with its state.
        public static func fields(number: String, day: String, recipients: Int, status: String) -> [String: String] {
            ["Номер": number, "Дата": day, "Педагоги": String(recipients), "Состояние": status]
        }
        /// The audit line of an order's state.
        public static func status(_ status: String) -> [String: String] { ["Состояние": status] }
        public static let deleted = ["Состояние": "удалён"]
    }
}
