import Domain
import Foundation

/// The certificates' words outside their page types: titles, flash messages, refusals and states.
public enum CertificatesWords {
    public static let notFound = "Сертификат не найден."
    /// The public verification's answer to a number and code that do not match.
    public static let notVerified = "Сертификат с таким номером и кодом не найден."
    /// The print page's title for one certificate.
    public static func printTitle(_ number: String) -> String { "Сертификат № \(number)" }
    /// The print page's title for a group's certificates.
    public static func groupTitle(_ group: String) -> String { "Сертификаты группы «\(group)»" }
    /// A certificate's state.
    public static func status(valid: Bool) -> String { valid ? "действителен" : "аннулирован" }
    /// What the public verification says of an annulment with no reason given.
    public static let noReason = "без указания причины"

    /// Flash messages after a change.
    public enum Flash {
        public static let nobody = "Выдавать некому: у всех, кто подходит, сертификаты уже есть."
        /// After a bulk issue: how many, and their numbers.
        public static func issued(_ numbers: [String]) -> String {
            "Выдано " + RussianPlural.count(numbers.count, "сертификат", "сертификата", "сертификатов") + ": "
                + numbers.joined(separator: ", ") + "."
        }
        /// After a certificate is annulled.
        public static func annulled(_ number: String) -> String { "Сертификат № \(number) аннулирован." }
    }

    /// The confirmation of a bulk issue.
    public enum Issue {
        public static func title(_ group: String) -> String { "Выдать сертификаты группе «\(group)»" }
        /// The group page's button that leads to the confirmation.
        public static func link(_ ready: Int) -> String { "Выдать сертификаты (\(ready))…" }
        public static func eligibleHeading(_ count: Int) -> String { "Получат номер сертификата: \(count)" }
        public static func refusedHeading(_ count: Int) -> String { "Не получат: \(count)" }
        public static let nobody = "Выдавать некому."
        public static let everyone = "Сертификат получат все обучающиеся группы."
        public static func question(_ count: Int) -> String {
            "Выдать " + RussianPlural.count(count, "сертификат", "сертификата", "сертификатов") + "?"
        }
        public static let consequence =
            "Номера присваиваются подряд, без пропусков, и отменить выдачу нельзя: ошибочный сертификат только "
            + "аннулируется с указанием причины."
        public static func button(_ count: Int) -> String {
            "Выдать " + RussianPlural.count(count, "сертификат", "сертификата", "сертификатов")
        }
        public static let back = "Вернуться к сертификатам группы"
        /// Why a student with a valid certificate gets no new one.
        public static func alreadyIssued(_ number: String) -> String { "уже выдан сертификат № \(number)" }
        /// The refusal when no reason is known.
        public static let notEligible = "не выполнено условие выдачи"
    }

    /// Refusals of the certificates' service.
    public enum Refusal {
        public static let groupNotFound = "Группа не найдена."
        public static let counterUnavailable = "Счётчик номеров недоступен."
        public static let alreadyAnnulled = "Сертификат уже аннулирован."
    }

    /// The audit log's words of certificates.
    public enum Audit {
        public static let state = "Состояние"
        public static let reason = "Причина"
        /// The title of a group's issue.
        public static func issuedTitle(group: String) -> String { "Сертификаты: \(group)" }
        /// The fields of a group's issue: how many, and each number with its student.
        public static func issued(_ certificates: [(number: String, student: String)]) -> [String: String] {
            [
                "Выдано": String(certificates.count),
                "Номера": certificates.map { "\($0.number) — \($0.student)" }.joined(separator: "; "),
            ]
        }
        /// The title of one certificate.
        public static func certificateTitle(_ number: String) -> String { "Сертификат \(number)" }
    }
}
