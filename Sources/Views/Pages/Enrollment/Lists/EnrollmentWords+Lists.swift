import Foundation

extension EnrollmentWords {
    /// Messages about КМЦ lists.
    public enum Lists {
        /// A list's state (`draft`, `sent`, `accepted`, `returned`) as shown.
        public static func state(_ raw: String) -> String {
            switch raw {
            case "draft": "черновик"
            case "sent": "отправлен в центр"
            case "accepted": "принят центром"
            case "returned": "возвращён центром"
            default: raw
            }
        }
        /// The audit log's title of a group's list.
        public static func auditTitle(group: String) -> String { "Список КМЦ — \(group)" }
        /// The audit log's name of the group field.
        public static let auditGroup = "Группа"
        public static let created = "Список создан: добавьте в него обучающихся."
        public static let sentCannotChange = "Отправленный список изменить нельзя: дождитесь решения центра."
        public static let tickSomeone = "Отметьте, кого добавить."
        public static let removed = "Убрано из списка."
        public static let sent = "Список отправлен в ресурсный центр."
        public static let returned = "Список возвращён в КМЦ."
        /// After students are added.
        public static func added(_ n: Int) -> String { "Добавлено в список: \(n)." }
        /// After a list is accepted.
        public static func accepted(_ n: Int) -> String { "Список принят: зачислено \(n)." }
    }
}
