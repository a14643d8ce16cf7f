import Domain
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
        public static func added(_ count: Int) -> String { "Добавлено в список: \(count)." }
        /// After a list is accepted.
        public static func accepted(_ count: Int) -> String { "Список принят: зачислено \(count)." }
        public static let changedReload = "Список только что изменили: обновите страницу."
        public static let alreadySent = "Список уже отправлен."
        public static let nobodyNeedsSeat = "В списке нет никого, кому нужно место в группе."
        public static let acceptOnlySent = "Принять можно только отправленный список."
        public static let returnOnlySent = "Вернуть можно только отправленный список."
        /// A list that does not fit the group's free places: how many are missing.
        public static func shortfall(needed: Int, free: Int) -> String {
            "В списке \(RussianPlural.count(needed, "обучающийся", "обучающихся", "обучающихся")) без места в группе, а "
                + "свободных мест \(max(0, free)): "
                + "не хватает \(needed - max(0, free)). Список не принят целиком: уберите лишних или попросите центр "
                + "увеличить группу."
        }
        /// A list with students who cannot be enrolled, and why.
        public static func problems(_ problems: [String]) -> String {
            "Список не принят: записать нельзя — " + problems.joined(separator: "; ") + "."
        }
    }
}
