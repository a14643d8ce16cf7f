import Foundation

extension EnrollmentWords {
    /// The words of the campaigns section outside its pages.
    public enum Campaigns {
        public static let noun = "Кампания записи"
        public static let newTitle = "Новая кампания записи"
        public static let archiveConsequence =
            "Кампания пропадёт из списка открытых; поданные заявки и записи сохранятся."
        /// The card's action that runs the lottery.
        public static let distribute = "Распределить…"

        /// Field errors of the campaign form.
        public enum Errors {
            public static let chooseYear = "Выберите учебный год."
            public static let badTime = "Время в виде чч:мм, например 09:00."
            public static let chooseValue = "Выберите значение."
            public static let choosePrograms = "Отметьте хотя бы одну согласованную программу."
            public static let alreadyDistributed = "Места уже распределены: кампанию изменить нельзя."
            public static let applicationsFiled = "Заявки уже поданы: порядок распределения менять нельзя."
        }

        /// The audit log's names of a campaign's fields (`window`: the opening and closing moments, written).
        public static func auditFields(
            title: String, window: String, mode: String, maxCourses: Int, confirmDays: Int, programs: [String]
        ) -> [String: String] {
            [
                "Название": title, "Приём": window, "Порядок": mode, "Курсов": String(maxCourses),
                "Дней на подтверждение": String(confirmDays), "Программы": programs.sorted().joined(separator: ", "),
            ]
        }
    }
}
