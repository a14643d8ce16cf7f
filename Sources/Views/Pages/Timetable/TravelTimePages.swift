import Domain
import Foundation

/// Travel times between centres as a registry list.
public struct TravelTimeListPage: Sendable {
    /// One pair of organisations and the minutes between them.
    public struct Row: Sendable {
        public var url: String, from: String, to: String, minutes: Int, status: RecordStatus
        public init(url: String, from: String, to: String, minutes: Int, status: RecordStatus) {
            self.url = url
            self.from = from
            self.to = to
            self.minutes = minutes
            self.status = status
        }
    }
    public var query: ListQuery
    /// The registry's common status filter.
    public var statusFilter: FieldSpec
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    public init(query: ListQuery, statusFilter: FieldSpec, rows: [Row], total: Int, canCreate: Bool) {
        self.query = query
        self.statusFilter = statusFilter
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = TravelTimeListPage(
        query: ListQuery(sort: "minutes"),
        statusFilter: FieldSpec("status", "Состояние", .select([("active", "действует")], empty: nil)),
        rows: [
            Row(url: "/travel-times/x", from: "ЦДО «Кванториум»", to: "Гимназия № 2", minutes: 25, status: .active)
        ],
        total: 1, canCreate: true)

    /// The list the section returns.
    public var list: RegistryList {
        RegistryList(
            title: "Время в пути между ресурсными центрами", area: .travelTimes, query: query, filters: [statusFilter],
            columns: [Column("Откуда"), Column("Куда"), Column("Минут", sort: "minutes"), Column("Состояние")],
            rows: rows.map { [.link($0.from, $0.url), .text($0.to), .text(String($0.minutes)), .badge($0.status)] },
            total: total, noun: ("запись", "записи", "записей"), createTitle: canCreate ? "Добавить время в пути" : nil,
            emptyText: "Время в пути не задано: расписание не проверяет переезды между центрами.")
    }
}

/// The travel times section's words: its names, card facts, form fields, field errors and audit lines.
public enum TravelTimesWords {
    public static let noun = "Время в пути"
    public static let newTitle = "Новое время в пути"
    public static let archiveConsequence =
        "Время в пути между этими организациями перестанет учитываться в предупреждениях расписания."

    /// The card's facts.
    public static func facts(from: String, to: String, minutes: Int) -> [(String, String)] {
        [
            ("Между", from), ("и", to),
            ("Время в пути", RussianPlural.count(minutes, "минута", "минуты", "минут") + " (в обе стороны)"),
        ]
    }

    /// The form's fields.
    public static func fields(organizations options: [(value: String, title: String)]) -> [FieldSpec] {
        [
            FieldSpec("from", "Между", .select(options, empty: "— выберите —"), required: true),
            FieldSpec("to", "и", .select(options, empty: "— выберите —"), required: true),
            FieldSpec(
                "minutes", "Минут в пути", .number, required: true,
                hint: "Время от конца занятия в одном центре до начала в другом."),
        ]
    }

    public static let sameOrganization = "Выберите другую организацию."
    public static let alreadySet = "Время в пути между этими организациями уже задано."

    /// What the audit log records of a travel time.
    public static func audit(from: String, to: String, minutes: Int) -> [String: String] {
        ["Между": from, "и": to, "Минут": String(minutes)]
    }
}
