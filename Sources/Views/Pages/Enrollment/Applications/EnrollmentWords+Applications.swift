import Foundation

extension EnrollmentWords {
    /// Messages about applications (ИУП) and the distribution of places.
    public enum Applications {
        public static let notFound = "Заявка не найдена."
        public static let targetNotFound = "Кампания или обучающийся не найдены."
        public static let tickAgreement = "Отметьте согласие, чтобы подтвердить заявку."
        public static let agreed = "Согласие родителя дано."
        /// Why an application the applicant withdrew is closed (stored with it and shown).
        public static let cancelReason = "отозвана заявителем"
        public static let cancelled = "Заявка отозвана, места освобождены."
        public static let contractNotFound = "Договор не найден."
        public static let noCurrentYear = "Текущий учебный год не задан."
        /// The organisation teaches no network groups for the school this year.
        public static func noNetworkGroups(center: String, school: String, year: String) -> String {
            "Договор не найден: «\(center)» не ведёт сетевых групп для «\(school)» в \(year) учебном году."
        }
        public static let pendingDistribution = "Заявка подана. Места распределят после закрытия приёма заявок."
        /// After the school confirms an application.
        public static func confirmed(_ student: String) -> String { "Заявка «\(student)» подтверждена школой." }
        /// After the school refuses an application.
        public static func refused(_ student: String) -> String {
            "В заявке «\(student)» отказано, места освобождены."
        }
        /// After the lottery.
        public static func distributed(placed: Int, waiting: Int, seed: UInt64) -> String {
            "Места распределены: зачислено \(placed), в листах ожидания \(waiting). Зерно жеребьёвки: \(seed)."
        }
        /// After an application holds seats in these groups.
        public static func held(_ groups: [String]) -> String {
            "Заявка подана: место удержано — " + groups.map { "«\($0)»" }.joined(separator: ", ")
                + ". Дождитесь подтверждения."
        }
        /// After an application finds no seat and waits.
        public static func waitlisted(_ position: Int) -> String {
            "Заявка подана: мест нет, вы в листе ожидания — место № \(position)."
        }

        /// Field errors of the ИУП form.
        public enum Errors {
            public static let chooseCourse = "Выберите курс из списка."
            public static let courseTwice = "Этот курс уже выбран выше."
            public static let chooseOne = "Выберите хотя бы один курс."
            public static let agreementMissing = "Без согласия родителя заявка не будет рассмотрена: отметьте согласие."
        }
    }
}
