import Foundation

extension EnrollmentWords {
    /// Field errors and refusals of the enrolment API (`/api/v1/...`).
    public enum API {
        public static let campaignMissing = "Укажите кампанию записи."
        public static let studentMissing = "Укажите обучающегося."
        public static let campaignNotFound = "Кампания записи не найдена."
        /// A course's error, said with its rank (the API has one field for all the courses).
        public static func choiceError(rank: Int, _ message: String) -> String { "Курс № \(rank): \(message)" }
    }
}
