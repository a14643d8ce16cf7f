import Domain
import Foundation

/// The timetable's words outside its pages: flash messages, field errors, refusals, audit lines, exports.
public enum TimetableWords {
    /// Month names in the nominative, January first.
    public static let monthNames = [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь",
    ]
    /// A month's title, e.g. «сентябрь 2026».
    public static func monthTitle(month: Int, year: Int) -> String { monthNames[month - 1] + " " + String(year) }

    /// A lesson's teacher, a substitute marked as such.
    public static func teacher(_ name: String, substitute: Bool) -> String { name + (substitute ? " (замена)" : "") }

    /// A room as the lesson forms offer it, with its seats.
    public static func roomOption(_ name: String, capacity: Int) -> String { name + " (\(capacity) мест)" }

    /// A group as the subject of a timetable («Группа «Робототехника-7»»).
    public static func groupSubject(_ name: String) -> String { "Группа «\(name)»" }

    /// A lesson's state as the audit log names it.
    public static func lessonStatus(cancelled: Bool) -> String { cancelled ? "отменено" : "по расписанию" }

    /// The weeks' titles and links.
    public enum Week {
        public static let crumb = "Расписание"
        public static let empty = "На этой неделе занятий нет."
        /// A teacher's week's title.
        public static func teacher(_ name: String) -> String { "Расписание педагога: \(name)" }
        /// A student's week's title.
        public static func student(_ name: String) -> String { "Расписание: \(name)" }
        /// A centre's rooms' week's title.
        public static func center(_ name: String) -> String { "Кабинеты и занятия: \(name)" }
        public static let feed = "Подписка в календаре (iCal)"
        public static let hours = "Часы по журналу"
        public static let progress = "Успеваемость и сертификаты"
        /// A guardian's link to another child's week.
        public static func otherChild(_ givenName: String) -> String { "Расписание: " + givenName }
        public static let networkMonth = "Расписание сети на месяц"
        public static let teachersHours = "Часы педагогов"
        /// A school's week: where its students study in the network.
        public static func school(_ name: String) -> String { "Где учатся наши школьники: \(name)" }
        public static let schoolEmpty = "На этой неделе у учащихся школы нет сетевых занятий."
        /// How many of the school's students a lesson has.
        public static func schoolStudents(_ count: Int) -> String {
            "Учащихся школы: \(count)"
        }
    }

    /// Messages about a lesson or a group that could not be found or changed.
    public enum Refusal {
        public static let groupNotFound = "Группа не найдена."
        public static let teacherNotFound = "Педагог не найден."
        public static let studentNotFound = "Обучающийся не найден."
        public static let lessonNotFound = "Занятие не найдено."
        public static let organizationNotFound = "Организация не найдена."
        public static let networkNotSetUp = "Сеть ещё не настроена."
        public static let feedNotFound = "Ссылка на календарь не найдена или отозвана."
        public static let lessonInJournal =
            "Занятие уже отмечено в журнале: перенести или отменить его нельзя. Исправьте запись журнала, если "
            + "занятие прошло иначе."
        public static let lessonCancelled = "Занятие отменено: его нельзя изменить. Добавьте новое занятие."
        public static let editedMeanwhile = "Занятие за это время изменил другой пользователь: показаны текущие данные."
        public static let cancelledMeanwhile =
            "Занятие уже изменено или отменено другим пользователем: обновите страницу."
        public static let changedConcurrently =
            "Занятие за это время изменил другой пользователь: обновите страницу и внесите правки ещё раз."
        /// Lessons outside a group's new dates (the first three days named, then how many more).
        public static func lessonsOutside(_ days: [String]) -> String {
            "У группы есть занятия вне этих сроков (" + days.prefix(3).joined(separator: ", ")
                + (days.count > 3 ? " и ещё \(days.count - 3)" : "")
                + "): перенесите или отмените их в расписании группы."
        }
    }

    /// Field errors of the lesson forms.
    public enum Field {
        public static let weekday = "Выберите день недели."
        public static let toBeforeFrom = "Дата окончания раньше даты начала."
        public static let room = "Выберите кабинет этого центра."
        /// No day of the pattern is left outside the holidays.
        public static func noDay(weekday: String) -> String {
            "В эти даты нет ни одного дня «\(weekday)» вне каникул и праздников."
        }
    }

    /// Flash messages after a change.
    public enum Flash {
        /// After a weekly pattern: how many lessons, and the days the calendar skipped.
        public static func weeklyAdded(count: Int, summary: String, skipped: [(day: String, holiday: String)])
            -> String
        {
            var message =
                "Добавлено " + RussianPlural.count(count, "занятие", "занятия", "занятий") + " (\(summary))."
            if !skipped.isEmpty {
                message +=
                    " Пропущено по календарю: " + skipped.map { $0.day + " — \($0.holiday)" }.joined(separator: "; ")
                    + "."
            }
            return message
        }
        /// After a single lesson is added.
        public static func lessonAdded(_ day: String) -> String { "Занятие \(day) добавлено." }
        /// After a lesson is changed.
        public static func lessonChanged(_ day: String) -> String { "Занятие изменено: \(day)." }
        /// After a lesson is cancelled.
        public static func lessonCancelled(_ day: String) -> String { "Занятие \(day) отменено." }
        public static let feedRevoked = "Ссылка отозвана: календарь по ней больше не обновится."
    }

    /// What the audit log records about timetable changes.
    public enum Audit {
        /// A weekly pattern in one line, e.g. «по понедельникам с 15:00, 2 ак. ч, 07.09.2026 — 25.05.2027».
        public static func patternSummary(every: String, start: String, hours: Int, from: String, to: String)
            -> String
        {
            "\(every) с \(start), \(hours) ак. ч, \(from) — \(to)"
        }
        /// The audit title of a weekly pattern.
        public static func timetable(_ group: String) -> String { "Расписание: \(group)" }
        /// The audit title of a lesson.
        public static func lesson(_ group: String) -> String { "Занятие: \(group)" }
        /// The audit title of a cancellation.
        public static func lessonCancelled(_ group: String) -> String { "Занятие отменено: \(group)" }
        /// The audit lines of a weekly pattern: the pattern, the lessons added, the days skipped.
        public static func weekly(summary: String, added: Int, skipped: [(day: String, holiday: String)])
            -> [String: String]
        {
            [
                "Занятия": summary, "Добавлено занятий": String(added),
                "Пропущено по календарю": skipped.map { $0.day + " (\($0.holiday))" }.joined(separator: ", "),
            ]
        }
        /// The audit lines of a new lesson.
        public static func newLesson(day: String, times: String) -> [String: String] {
            ["Дата": day, "Время": times]
        }
        /// The audit lines of a lesson's state.
        public static func lessonFields(
            day: String, times: String, room: String, teacher: String, status: String, note: String
        ) -> [String: String] {
            [
                "Дата": day, "Время": times, "Кабинет": room, "Педагог": teacher, "Состояние": status,
                "Примечание": note,
            ]
        }
        public static let feedRevoked = "Ссылка iCal отозвана"
        /// The audit title of a new iCal link.
        public static func feedCreated(_ subject: String) -> String { "Ссылка iCal: \(subject)" }
    }
}
