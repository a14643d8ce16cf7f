import Domain
import Foundation

extension EnrollmentWords {
    /// Messages about groups and enrolment into them.
    public enum Groups {
        public static let notFound = "Группа не найдена."
        public static let enrollmentNotFound = "Запись в группу не найдена."
        public static let saved = "Изменения сохранены."
        /// After a group is opened.
        public static func opened(_ name: String) -> String { "Группа «\(name)» открыта." }
        /// After a student is enrolled.
        public static func enrolled(_ student: String, _ sex: Sex?, group: String) -> String {
            "\(student) \(Sex.agree(sex, masculine: "зачислен", feminine: "зачислена")) в группу «\(group)»."
        }
        /// After a student is put on the waiting list.
        public static func waitlisted(_ student: String, position: Int) -> String {
            "Мест нет: \(student) в листе ожидания, место № \(position)."
        }
        /// After a student is transferred.
        public static func transferred(_ student: String, _ sex: Sex?, group: String) -> String {
            "\(student) \(Sex.agree(sex, masculine: "переведён", feminine: "переведена", unknown: "переведён(а)")) в "
                + "группу «\(group)»."
        }
        /// After a student is withdrawn.
        public static func withdrawn(_ student: String, _ sex: Sex?) -> String {
            "\(student) \(Sex.agree(sex, masculine: "отчислен", feminine: "отчислена")) из группы."
        }
        /// The capacity of a group cannot go below the number enrolled.
        public static func capacityBelowEnrolled(_ capacity: Int) -> String {
            "В группе уже больше зачисленных, чем \(capacity): вместимость не изменена."
        }
        /// The new teacher is busy during the group's lessons.
        public static func teacherBusy(_ clashes: [String]) -> String {
            "Новый педагог занят во время занятий группы: " + clashes.joined(separator: " ")
        }
        public static let alreadyInGroup = "Обучающийся уже в этой группе."
        public static let transferFull = "В выбранной группе нет свободных мест: перевод не выполнен."
        /// Why a transferred student left the old group (with the reason given, if any).
        public static func transferReason(group: String, reason: String) -> String {
            "перевод в группу «\(group)»" + (reason.isEmpty ? "" : ": \(reason)")
        }
        /// A clashing lesson of another group, said without naming the group.
        public static func clashElsewhere(_ when: String) -> String { "занятия в другой группе сети, \(when)" }

        /// Field errors of the group and withdrawal forms.
        public enum Errors {
            public static let chooseProgram = "Выберите программу из списка."
            public static let programNotAgreed = "Программа не согласована КМЦ: открыть группу нельзя."
            public static let notYourCenter = "Вы не можете открывать группы этого центра."
            public static let otherCenter = "Программа другого центра: группу нельзя перенести."
            public static let chooseRoom = "Выберите кабинет этого ресурсного центра."
            public static let endBeforeStart = "Окончание не может быть раньше начала."
            public static let chooseReason = "Выберите причину из списка."
            public static let explainReason = "Поясните причину."
            public static let dateInFuture = "Дата не может быть в будущем."
            public static let chooseGroup = "Выберите группу из списка."
            /// A date outside the academic year.
            public static func outsideYear(_ year: String) -> String { "Дата вне учебного года \(year)." }
            /// A withdrawal date before the enrolment.
            public static func beforeEnrollment(_ date: String) -> String {
                "Дата раньше записи в группу (\(date))."
            }
        }

        /// The audit log's names of a group's fields.
        public static func auditFields(
            name: String, capacity: Int, plannedHours: Int, isOpen: Bool, teacher: String?
        ) -> [String: String] {
            [
                "Название": name, "Вместимость": String(capacity), "Часов по плану": String(plannedHours),
                "Запись": isOpen ? "открыта" : "закрыта", "Педагог": teacher ?? "не назначен",
            ]
        }
    }
}
