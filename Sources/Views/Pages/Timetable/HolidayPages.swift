import Domain
import Foundation

/// The academic-year calendar's holidays as a registry list.
public struct HolidayListPage: Sendable {
    /// One holiday period.
    public struct Row: Sendable {
        public var url: String, period: String, kind: String, title: String, year: String, status: RecordStatus
        public init(url: String, period: String, kind: String, title: String, year: String, status: RecordStatus) {
            self.url = url
            self.period = period
            self.kind = kind
            self.title = title
            self.year = year
            self.status = status
        }
    }
    public var query: ListQuery
    public var years: [(value: String, title: String)]
    /// The registry's common status filter.
    public var statusFilter: FieldSpec
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    public init(
        query: ListQuery, years: [(value: String, title: String)], statusFilter: FieldSpec, rows: [Row], total: Int,
        canCreate: Bool
    ) {
        self.query = query
        self.years = years
        self.statusFilter = statusFilter
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = HolidayListPage(
        query: ListQuery(sort: "first"), years: [("y1", "2026/2027")],
        statusFilter: FieldSpec("status", "Состояние", .select([("active", "действует")], empty: nil)),
        rows: [
            Row(
                url: "/holidays/x", period: "26.10.2026 — 03.11.2026", kind: "каникулы", title: "Осенние каникулы",
                year: "2026/2027", status: .active)
        ],
        total: 1, canCreate: true)

    /// The list the section returns.
    public var list: RegistryList {
        RegistryList(
            title: "Каникулы и праздники", area: .holidays, query: query,
            filters: [FieldSpec("year", "Учебный год", .select(years, empty: nil)), statusFilter],
            columns: [
                Column("Период", sort: "first"), Column("Вид"), Column("Название"), Column("Учебный год"),
                Column("Состояние"),
            ],
            rows: rows.map {
                [.link($0.period, $0.url), .text($0.kind), .text($0.title), .text($0.year), .badge($0.status)]
            },
            total: total, noun: ("период", "периода", "периодов"),
            createTitle: canCreate ? "Добавить каникулы или праздник" : nil,
            emptyText: "Каникулы и праздничные дни этого года не внесены: расписание строится по всем неделям.")
    }
}

/// The holidays section's words: its names, card facts, form fields, field errors and audit lines.
public enum HolidaysWords {
    public static let noun = "Период"
    public static let newTitle = "Каникулы или праздник"
    public static let archiveConsequence =
        "Период перестанет учитываться при составлении расписания; уже созданные занятия не изменятся."

    /// The card's facts.
    public static func facts(title: String, kind: String, year: String, period: String, days: Int)
        -> [(String, String)]
    {
        [
            ("Название", title), ("Вид", kind), ("Учебный год", year), ("Период", period),
            ("Продолжительность", RussianPlural.count(days, "день", "дня", "дней")),
        ]
    }

    /// The form's fields.
    public static func fields(years: [(value: String, title: String)]) -> [FieldSpec] {
        [
            FieldSpec("year", "Учебный год", .select(years, empty: "— выберите —"), required: true),
            FieldSpec(
                "kind", "Вид", .select(HolidayKind.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true
            ),
            FieldSpec(
                "title", "Название", required: true, hint: "Например, «Осенние каникулы» или «День народного единства»."
            ),
            FieldSpec("first", "Первый день", .date, required: true),
            FieldSpec("last", "Последний день", .date, hint: "Для одного праздничного дня можно не заполнять."),
        ]
    }

    public static let chooseYear = "Выберите учебный год."
    public static let lastBeforeFirst = "Последний день не может быть раньше первого."
    /// A day outside the academic year (its first and last days named).
    public static func outsideYear(_ year: String, from: String, to: String) -> String {
        "День вне учебного года \(year) (\(from) — \(to))."
    }
    /// A last day after the academic year's end.
    public static func afterYear(_ year: String, to: String) -> String { "День вне учебного года \(year) (до \(to))." }

    /// What the audit log records of a period.
    public static func audit(title: String, kind: String, period: String) -> [String: String] {
        ["Название": title, "Вид": kind, "Период": period]
    }
}
