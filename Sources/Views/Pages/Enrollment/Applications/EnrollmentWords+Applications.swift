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
        /// The organisation teaches no network groups for the school this year (short names, which carry their own
        /// quotes: «МБОУ «Гимназия № 2»»).
        public static func noNetworkGroups(center: String, school: String, year: String) -> String {
            "Договор не найден: \(center) не ведёт сетевых групп для обучающихся \(school) в \(year) учебном году."
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

        /// Refusals of the applications' service.
        public enum Refusals {
            public static let changedReload = "Заявку только что изменили: обновите страницу."
            /// An application no longer open to a change.
            public static func alreadyClosed(_ state: String) -> String { "Заявка уже закрыта: \(state)." }
            /// An application the school has already decided.
            public static func alreadyDecided(_ state: String) -> String {
                "Решение по этой заявке уже принято: \(state)."
            }
            public static let alreadyAgreed = "Согласие родителя уже дано."
            public static let schoolAlreadyDecided = "Школа уже приняла решение по этой заявке."
            public static let rankedOnly = "Распределение нужно только кампаниям с жеребьёвкой."
            public static let distributeAfterClose = "Распределять можно после закрытия приёма заявок."
            public static let alreadyDistributed = "Места в этой кампании уже распределены."
            public static let submitForbidden =
                "Заявку (ИУП) подают обучающийся или его родитель (законный представитель); школа её подтверждает."
            public static let campaignNotFound = "Кампания записи не найдена."
            public static let noWriter = "Нет ни писателя SQLite, ни PostgreSQL."
            public static let enrolledElsewhere =
                "Обучающегося только что записали в выбранную группу другим способом: обновите страницу."
        }

        /// Why an application (or a seat of it) was closed, stored with it and shown.
        public enum ClosedReasons {
            /// The school refused, with its comment.
            public static func schoolRefused(_ comment: String) -> String { "школа отказала: \(comment)" }
            public static let notConfirmedForDistribution = "не подтверждена родителем и школой к распределению"
            public static let studentGone = "обучающийся выбыл или отозвано согласие на обработку данных"
            public static let higherPriority = "получен более приоритетный курс по заявке"
            public static let holdExpired = "заявка не подтверждена родителем и школой в срок"
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
