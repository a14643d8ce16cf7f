import Domain
import Foundation

/// The journal's words outside its page types: titles, facts and trails the controllers fill, notices, flash
/// messages and field errors.
public enum JournalWords {
    public static let studentNotFound = "Обучающийся не найден."
    public static let groupNotFound = "Группа не найдена."
    public static let lessonNotFound = "Занятие не найдено."
    public static let noYears = "Учебные годы не заведены."
    /// The API's answer when neither a group nor a student is asked for.
    public static let groupOrStudent = "Укажите группу (?group=) или обучающегося (?student=)."
    public static let hoursNumber = "Укажите число."
    /// An attendance mark the API does not know.
    public static func unknownMark(_ status: String) -> String {
        "Отметка «\(status)» не распознана: present, excused или absent."
    }
    public static let unknownAttendance = "Отметка посещаемости не распознана: обновите страницу."

    /// After a lesson's journal is saved.
    public static func saved(day: String) -> String { "Журнал занятия \(day) сохранён." }

    /// A lesson's journal page: title, trail, facts, notices and links.
    public enum Lesson {
        /// The lesson journal's title.
        public static func title(group: String, day: String) -> String { "Журнал: \(group), \(day)" }
        /// The lesson journal's trail: the timetable, then the group's.
        public static func crumbs(group: String, timetableURL: String) -> [Crumb] {
            [Crumb("Расписание", SiteURL.timetable.path), Crumb(group, timetableURL)]
        }
        /// The lesson's facts; `marked` is who marked it and when, nil when not yet.
        public static func facts(
            group: String, program: String, center: String, day: String, times: String, hours: Int, room: String,
            teacher: String, marked: (by: String, at: String)?
        ) -> [(String, String)] {
            [
                ("Группа", group), ("Программа", program), ("Ресурсный центр", center), ("Дата", day),
                ("Время", times + ", \(hours) ак. ч"), ("Кабинет", room), ("Педагог", teacher),
                ("Отмечено", marked.map { "\($0.by), " + $0.at } ?? "нет"),
            ]
        }
        /// The notice of a cancelled lesson.
        public static func cancelled(note: String?) -> String {
            "Занятие отменено" + (note.map { ": \($0)" } ?? "") + ". Отметить его нельзя."
        }
        public static let notMarked = "Занятие ещё не отмечено в журнале."
        /// The button that fills the form with everyone present.
        public static let allPresent = "Все присутствуют"
        public static let allPresentHint = "Отметит всех присутствующими; затем отметьте отсутствующих."
        public static let filledAllPresent =
            "Все отмечены присутствующими. Отметьте отсутствующих и сохраните журнал — пока ничего не сохранено."
        /// A mark's word under its choice on a phone, where the table's headings are hidden.
        public static func chip(_ status: AttendanceStatus) -> String {
            switch status {
            case .present: "был(а)"
            case .excused: "уважит."
            case .absent: "без причины"
            }
        }
        /// The lesson journal's links to the group's journal and timetable.
        public static func links(groupJournalURL: String, timetableURL: String) -> [(String, String)] {
            [("Журнал группы", groupJournalURL), ("Расписание группы", timetableURL)]
        }
    }

    /// A group's journal page: title, trail, facts and each student's summary.
    public enum Group {
        /// The group journal's title.
        public static func title(_ group: String) -> String { "Журнал группы «\(group)»" }
        /// The group journal's trail: the groups, then the group.
        public static func crumbs(group: String, groupURL: String) -> [Crumb] {
            [Crumb("Группы", SiteURL.list(.groups).path), Crumb(group, groupURL)]
        }
        /// The group journal's facts: the course and its hours.
        public static func facts(
            program: String, center: String, teacher: String, planned: Int, scheduled: Int, delivered: Int, gap: Int
        ) -> [(String, String)] {
            [
                ("Программа", program), ("Ресурсный центр", center), ("Педагог", teacher),
                ("Часов по плану", String(planned)), ("Часов в расписании", String(scheduled)),
                (
                    "Часов проведено",
                    String(delivered) + (gap > 0 ? " — до плана не хватает \(gap)" : " — план выполнен")
                ),
            ]
        }
        /// A student's attendance in the group.
        public static func summary(delivered: Int, attended: Int, percent: Int) -> String {
            delivered == 0 ? "отметок нет" : "\(percent) % (\(attended) из \(delivered) ч)"
        }
    }

    /// The teachers' hours page: title, filters and a teacher's note.
    public enum Hours {
        public static let title = "Часы педагогов"
        /// The hours page's filters: the year and the centre.
        public static func filters(years: [(value: String, title: String)], centers: [(value: String, title: String)])
            -> [FieldSpec]
        {
            [
                FieldSpec("year", "Учебный год", .select(years, empty: nil)),
                FieldSpec("center", "Ресурсный центр", .select(centers, empty: "Все центры")),
            ]
        }
        /// A teacher's note: an outside trainer, then their groups.
        public static func note(outsideTrainer: Bool, groups: [String]) -> String {
            (outsideTrainer ? "педагог-тренер; " : "") + groups.joined(separator: ", ")
        }
    }

    /// Refusals and audit fields of saving a lesson's journal.
    public enum Marking {
        public static let savedMeanwhile =
            "Журнал этого занятия только что сохранил другой пользователь: обновите страницу."
        public static let lessonCancelled = "Занятие отменено: отметить его нельзя."
        public static let strangerMarked = "Отметка для обучающегося, которого нет в группе."
        public static let strangerField = "В журнале отмечен обучающийся, которого нет в группе: обновите страницу."
        /// Students left without a mark.
        public static func unmarked(_ names: [String]) -> String {
            "Отметьте каждого обучающегося: не отмечены " + names.joined(separator: ", ") + "."
        }
        public static let auditTopic = "Тема"
        public static let auditHours = "Часов"
    }
}
