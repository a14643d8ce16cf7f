import Domain
import Foundation

/// Schools' fixed busy time per grade as a registry list.
public struct BusySlotListPage: Sendable {
    /// One school's busy time.
    public struct Row: Sendable {
        public var url: String, school: String, weekdays: String, grades: String, time: String, status: RecordStatus
        public init(url: String, school: String, weekdays: String, grades: String, time: String, status: RecordStatus) {
            self.url = url
            self.school = school
            self.weekdays = weekdays
            self.grades = grades
            self.time = time
            self.status = status
        }
    }
    public var query: ListQuery
    public var schools: [(value: String, title: String)]
    /// The registry's common status filter.
    public var statusFilter: FieldSpec
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    public init(
        query: ListQuery, schools: [(value: String, title: String)], statusFilter: FieldSpec, rows: [Row], total: Int,
        canCreate: Bool
    ) {
        self.query = query
        self.schools = schools
        self.statusFilter = statusFilter
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = BusySlotListPage(
        query: ListQuery(sort: "school"), schools: [("s1", "СОШ № 1")],
        statusFilter: FieldSpec("status", "Состояние", .select([("active", "действует")], empty: nil)),
        rows: [
            Row(
                url: "/busy-slots/x", school: "СОШ № 1", weekdays: "пн, вт", grades: "7, 8", time: "08:30–14:30",
                status: .active)
        ],
        total: 1, canCreate: true)

    /// The list the section returns.
    public var list: RegistryList {
        RegistryList(
            title: "Занятость школ", area: .busySlots, query: query,
            filters: [FieldSpec("organization", "Школа", .select(schools, empty: "Все школы")), statusFilter],
            columns: [
                Column("Школа", sort: "school"), Column("Дни"), Column("Классы"), Column("Время"), Column("Состояние"),
            ],
            rows: rows.map {
                [.link($0.school, $0.url), .text($0.weekdays), .text($0.grades), .text($0.time), .badge($0.status)]
            },
            total: total, noun: ("запись", "записи", "записей"), createTitle: canCreate ? "Добавить время школы" : nil,
            emptyText: "Школы ещё не указали своё время: расписание не предупреждает о пересечении с их уроками.")
    }
}

/// The schools' busy time section's words: its names, card facts, form fields, field errors and audit lines.
public enum BusySlotsWords {
    public static let noun = "Занятость"
    public static let newTitle = "Новое время школы"
    public static let archiveConsequence = "Это время школы перестанет учитываться в предупреждениях расписания."
    /// A record's title when its school is not loaded.
    public static let school = "Школа"

    /// A busy time in one line, e.g. «пн, вт; 7, 8 кл.; 08:30–14:30».
    public static func summary(weekdays: String, grades: String, time: String) -> String {
        weekdays + "; " + grades + " кл.; " + time
    }

    /// The card's facts.
    public static func facts(school: String, weekdays: String, grades: String, time: String) -> [(String, String)] {
        [("Школа", school), ("Дни недели", weekdays), ("Классы", grades), ("Время", time)]
    }

    /// The form's fields.
    public static func fields(schools: [(value: String, title: String)]) -> [FieldSpec] {
        [
            FieldSpec("organization", "Школа", .select(schools, empty: "— выберите —"), required: true),
            FieldSpec(
                "weekdays", "Дни недели",
                .checkboxes(Weekday.allCases.prefix(6).map { (String($0.rawValue), $0.title) }), required: true),
            FieldSpec("grades", "Классы", .checkboxes((5...11).map { (String($0), "\($0) класс") }), required: true),
            FieldSpec("start", "С", .text("text"), required: true, hint: "Время в виде ЧЧ:ММ, например 08:30."),
            FieldSpec("end", "До", .text("text"), required: true, hint: "Например 14:30 — окончание последнего урока."),
        ]
    }

    public static let notYourSchool = "Вы не можете вести время этой школы."
    public static let noDay = "Отметьте хотя бы один день."
    public static let noGrade = "Отметьте хотя бы один класс."
    public static let endBeforeStart = "Окончание должно быть позже начала."

    /// What the audit log records of a busy time.
    public static func audit(school: String, summary: String) -> [String: String] {
        ["Школа": school, "Время": summary]
    }
}
