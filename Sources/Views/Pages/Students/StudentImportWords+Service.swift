import Foundation

extension StudentImportWords {
    /// The import service's refusals and audit lines (commit and revert).
    public enum Service {
        public static let batchGone = "Эта загрузка уже завершена или отменена."
        /// A record changed by someone else while the load was being written.
        public static func changedMeanwhile(_ name: String) -> String {
            "Пока шла загрузка, запись «\(name)» изменили. Повторите загрузку."
        }
        public static let registryChanged =
            "С момента предпросмотра реестр изменился, и файл больше не проходит проверку. Загрузите его заново."
        public static let revertOnce = "Отменить можно только завершённую загрузку, и только один раз."
        /// A child whose guardian, added by the load, has since signed up.
        public static func guardianSignedUp(student: String, guardian: String) -> String {
            "\(student) (представитель \(guardian) уже вошёл в «Сетку»)"
        }
        /// Why a load cannot be undone: the records changed since (the first five named).
        public static func revertBlocked(_ blocked: [String]) -> String {
            let names =
                blocked.prefix(5).joined(separator: ", ") + (blocked.count > 5 ? " и ещё \(blocked.count - 5)" : "")
            return "Загрузку нельзя отменить: после неё изменили, записали в группы или списки, подали заявки или "
                + "привязали учётные записи: \(names). Исправьте их записи вручную."
        }
        /// The audit log's title of a load.
        public static func auditTitle(_ fileName: String) -> String { "Загрузка «\(fileName)»" }
        /// The audit log's fields of a committed load.
        public static func committed(file: String, school: String, created: Int, merged: Int, skipped: Int)
            -> [String: String]
        {
            [
                "Файл": file, "Школа": school, "Добавлено": String(created), "Объединено": String(merged),
                "Пропущено": String(skipped),
            ]
        }
        /// The audit log's fields of an undone load.
        public static func reverted(created: Int, merged: Int, guardians: Int) -> [String: String] {
            [
                "Удалено добавленных": String(created), "Восстановлено объединённых": String(merged),
                "Удалено законных представителей": String(guardians),
            ]
        }
    }
}
