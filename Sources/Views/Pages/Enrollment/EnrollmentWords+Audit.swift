import Foundation

extension EnrollmentWords {
    /// The audit log's words of enrolment: entry titles, field names and values. The Fluent and the raw SQL paths
    /// both write them from here, so their entries stay byte for byte the same.
    public enum Audit {
        public static let state = "Состояние"
        public static let reason = "Причина"
        public static let comment = "Комментарий"
        public static let students = "Обучающихся"
        public static let enrolledCount = "Зачислено"
        public static let basis = "Основание"
        public static let added = "Добавлены"
        public static let removed = "Убраны"
        public static let guardianAgreement = "Согласие родителя"
        public static let school = "Школа"
        /// An enrolment's state as the audit log writes it.
        public static let enrolled = "зачислен"
        public static let waitlisted = "в листе ожидания"
        public static let withdrawn = "выбыл"
        /// The basis of an enrolment from a КМЦ list.
        public static let listBasis = "список КМЦ"
        /// The school's confirmation of an application.
        public static let schoolConfirmed = "подтвердила"
        /// The guardian's agreement, with who gave it.
        public static func agreedBy(_ guardian: String) -> String { "дано: \(guardian)" }
        /// The audit log's title of an application.
        public static func applicationTitle(_ student: String) -> String { "ИУП: \(student)" }
        /// The audit log's title of an application submitted in a campaign.
        public static func submissionTitle(student: String, campaign: String) -> String {
            "ИУП: \(student) — \(campaign)"
        }
        /// The fields of a new enrolment (a seat or a waiting place).
        public static func enrollment(group: String, student: String, enrolled: Bool) -> [String: String] {
            [
                Lists.auditGroup: group, "Обучающийся": student,
                state: enrolled ? Self.enrolled : waitlisted,
            ]
        }
        /// The fields of a submitted application.
        public static func submission(campaign: String, courses: Int, submittedBy: String, guardianAgreement: String?)
            -> [String: String]
        {
            [
                "Кампания": campaign, "Курсов выбрано": String(courses), "Подал(а)": submittedBy,
                Self.guardianAgreement: guardianAgreement ?? "ожидается",
            ]
        }
        /// The fields of a campaign's distribution of places.
        public static func distribution(seed: UInt64, placed: Int, waiting: Int) -> [String: String] {
            [
                "Распределение": "проведено", "Зерно жеребьёвки": String(seed), enrolledCount: String(placed),
                "В листах ожидания": String(waiting),
            ]
        }
    }
}
