import Domain
import Foundation

/// Where the routes' own pages are.
public enum RoutePaths {
    public static func card(_ id: UUID) -> String { SiteURL.record(.routes, id).path }
    public static func edit(_ id: UUID) -> String { SiteURL.edit(.routes, id).path }
    public static func newStep(_ id: UUID) -> String { card(id) + "/steps/new" }
    public static func step(_ id: UUID, _ step: UUID) -> String { card(id) + "/steps/" + step.uuidString.lowercased() }
    public static func notes(_ id: UUID) -> String { card(id) + "/notes" }
    public static func new(student: UUID) -> String {
        SiteURL.new(.routes).path + "?student=" + student.uuidString.lowercased()
    }
}

/// The list of routes with their progress.
public struct RouteListPage: Sendable {
    /// A route's line.
    public struct Row: Sendable {
        public var id: UUID
        public var student: String
        public var school: String
        public var grade: Int
        public var year: String
        public var curator: String
        public var progress: String
        public var overdue: Int
        public var status: RouteStatus
        /// A route's line.
        public init(
            id: UUID, student: String, school: String, grade: Int, year: String, curator: String, progress: String,
            overdue: Int, status: RouteStatus
        ) {
            self.id = id
            self.student = student
            self.school = school
            self.grade = grade
            self.year = year
            self.curator = curator
            self.progress = progress
            self.overdue = overdue
            self.status = status
        }
    }

    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var schools: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], schools: [(value: String, title: String)],
        rows: [Row], total: Int, canCreate: Bool
    ) {
        self.query = query
        self.years = years
        self.schools = schools
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = RouteListPage(
        query: ListQuery(sort: "name"), years: [("y1", "2026/2027")], schools: [("s1", "МБОУ «СОШ № 1»")],
        rows: [
            Row(
                id: MockID.of(0x2401), student: "Лебедева Ольга Ивановна", school: "МБОУ «СОШ № 1»", grade: 10,
                year: "2026/2027", curator: "Смирнова Анна Петровна", progress: "выполнено 1 из 4, просрочено 1",
                overdue: 1, status: .active)
        ], total: 1, canCreate: true)

    /// The list's filters (also the API's).
    public static func filters(years: [(value: String, title: String)], schools: [(value: String, title: String)])
        -> [FieldSpec]
    {
        [
            FieldSpec("q", "Поиск", hint: "Фамилия или имя"),
            FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
            FieldSpec(
                "status", "Состояние", .select(RouteStatus.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: RouteWords.title, area: .routes, query: query, filters: Self.filters(years: years, schools: schools),
            columns: [
                Column("Обучающийся", sort: "name"), Column("Школа, класс"), Column("Год"), Column("Куратор"),
                Column("Этапы"), Column("Состояние"),
            ],
            rows: rows.map { row in
                [
                    .link(row.student, RoutePaths.card(row.id)), .text("\(row.school), \(row.grade) кл."),
                    .text(row.year), .text(row.curator),
                    row.overdue > 0 ? .tag(row.progress, "expiring") : .text(row.progress), .text(row.status.title),
                ]
            },
            total: total, noun: ("маршрут", "маршрута", "маршрутов"),
            createTitle: canCreate ? RouteWords.newTitle : nil,
            emptyText: "Маршрутов по этим условиям нет. Маршрут составляется для обучающегося банка данных одарённых.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
