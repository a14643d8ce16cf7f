import Domain
import Foundation

/// The authority's view of professional development (issue 23, item 2; `004_5209da8e0aa92458.txt`, second year §3:
/// «контроль за исполнением плана-графика повышения квалификации»): the year's schedule done — courses by state and by
/// trip — and the teachers whose last course ended three years ago or who have none, with what is planned for them.
public struct DevelopmentDuePage: Sendable {
    /// One teacher of the list.
    public struct Teacher: Sendable {
        public var id: UUID
        public var name: String
        public var places: String
        public var category: QualificationCategory?
        /// The last completed course and its last day.
        public var last: (course: String, on: CivilDay)?
        /// The day the next course is due by (nil: due now, none completed).
        public var dueBy: CivilDay?
        public var isDue: Bool
        /// The next course planned or underway.
        public var next: (course: String, from: CivilDay)?

        /// A teacher's line.
        public init(
            id: UUID, name: String, places: String, category: QualificationCategory?,
            last: (course: String, on: CivilDay)?, dueBy: CivilDay?, isDue: Bool,
            next: (course: String, from: CivilDay)?
        ) {
            self.id = id
            self.name = name
            self.places = places
            self.category = category
            self.last = last
            self.dueBy = dueBy
            self.isDue = isDue
            self.next = next
        }
    }

    public var year: Int
    public var years: [Int]
    /// Courses starting in the year by state.
    public var byStatus: [(status: DevelopmentStatus, count: Int)]
    /// Courses starting in the year (not cancelled) by trip.
    public var byTrip: [(trip: DevelopmentTrip, count: Int)]
    /// Done among those not cancelled, in percent (nil: none planned).
    public var completion: Int?
    public var query: ListQuery
    public var organizations: [(value: String, title: String)]
    public var teachers: [Teacher]
    public var total: Int

    /// The page's data.
    public init(
        year: Int, years: [Int], byStatus: [(status: DevelopmentStatus, count: Int)],
        byTrip: [(trip: DevelopmentTrip, count: Int)], completion: Int?, query: ListQuery,
        organizations: [(value: String, title: String)], teachers: [Teacher], total: Int
    ) {
        self.year = year
        self.years = years
        self.byStatus = byStatus
        self.byTrip = byTrip
        self.completion = completion
        self.query = query
        self.organizations = organizations
        self.teachers = teachers
        self.total = total
    }

    /// A made-up page.
    public static let mock = DevelopmentDuePage(
        year: 2027, years: [2026, 2027], byStatus: DevelopmentStatus.allCases.map { ($0, 2) },
        byTrip: DevelopmentTrip.allCases.map { ($0, 2) }, completion: 33,
        query: ListQuery(filters: ["show": "due"], sort: "name"), organizations: DevelopmentListPage.mock.organizations,
        teachers: [
            Teacher(
                id: MockID.of(0x2402), name: "Соколова Анна Ивановна", places: "МБОУ «Лицей № 1»",
                category: QualificationCategory.allCases.last,
                last: ("Цифровая образовательная среда", CivilDay(year: 2023, month: 5, day: 20)!),
                dueBy: CivilDay(year: 2026, month: 5, day: 20)!, isDue: true,
                next: ("Подготовка к олимпиадам", CivilDay(year: 2027, month: 3, day: 1)!)),
            Teacher(
                id: MockID.of(0x2404), name: "Орлов Пётр Сергеевич", places: "МБОУ «Гимназия № 2»", category: nil,
                last: nil, dueBy: nil, isDue: true, next: nil),
        ], total: 2)

    /// Which teachers the list shows.
    public static let shows: [(value: String, title: String)] = [
        ("due", "Кому пора (без запланированного курса)"), ("all", "Все педагоги"),
    ]

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        let title = DevelopmentWords.dueTitle
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb(MenuArea.registry(.development).title, SiteURL.list(.development).path), Crumb(title),
            ]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Педагог проходит повышение квалификации не реже одного раза в три года: срок считается от последнего "
                    + "дня последнего пройденного курса."
            }
            el(
                "form", .cls("filters no-print"), Attr("method", "get"),
                Attr("action", SiteURL.developmentDue.path)
            ) {
                UI.selectField(
                    "year", "Год плана-графика", options: years.map { (String($0), "\($0) год") },
                    selected: String(year), errors: FieldErrors())
                UI.selectField(
                    "organization", "Место работы", options: organizations,
                    selected: query.filters["organization"], errors: FieldErrors(), includeEmpty: "Все организации")
                UI.selectField(
                    "show", "Показать", options: Self.shows, selected: query.filters["show"] ?? "due",
                    errors: FieldErrors())
                el("button", .type("submit")) { "Показать" }
            }
            el("h2") { "Выполнение плана-графика на \(year) год" }
            el("div", .cls("figures")) {
                el("div", .cls("figure")) {
                    el("span", .cls("value")) { completion.map { "\($0)\u{00A0}%" } ?? "—" }
                    el("span", .cls("label")) { "курсов пройдено из запланированных" }
                }
                for (status, count) in byStatus {
                    el(
                        "a", .cls("figure"),
                        .href(
                            SiteURL.list(.development).with([
                                ("year", String(year)), ("state", status.rawValue),
                                ("organization", query.filters["organization"]),
                            ]))
                    ) {
                        el("span", .cls("value")) { String(count) }
                        el("span", .cls("label")) { status.title }
                    }
                }
            }
            el("p") {
                byTrip.map { "\($0.trip.title): \($0.count)" }.joined(separator: "; ")
            }
            el("h2") { query.filters["show"] == "all" ? "Педагоги" : "Кому пора" }
            if teachers.isEmpty {
                UI.empty(
                    query.filters["show"] == "all"
                        ? "Педагогов по этим условиям нет."
                        : "Всем, кому пора, курс уже запланирован или все прошли обучение в срок.")
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in [
                                "Педагог", "Место работы", "Категория", "Последний курс", "Следующий — до",
                                "Запланировано",
                            ] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for teacher in teachers {
                            el("tr") {
                                el("td", Attr("data-label", "Педагог")) {
                                    el("a", .href(SiteURL.record(.staff, teacher.id).path)) { teacher.name }
                                }
                                el("td", Attr("data-label", "Место работы")) { teacher.places }
                                el("td", Attr("data-label", "Категория")) { teacher.category?.title ?? "" }
                                el("td", Attr("data-label", "Последний курс")) {
                                    if let last = teacher.last {
                                        last.course
                                        el("br")
                                        el("span", .cls("muted")) { "окончен " + last.on.formatted }
                                    } else {
                                        el("span", .cls("muted")) { "не записано" }
                                    }
                                }
                                el("td", Attr("data-label", "Следующий — до")) {
                                    if teacher.isDue {
                                        el("span", .cls("badge badge-expiring")) {
                                            teacher.dueBy.map { "срок истёк " + $0.formatted } ?? "пора"
                                        }
                                    } else {
                                        teacher.dueBy?.formatted ?? ""
                                    }
                                }
                                el("td", Attr("data-label", "Запланировано")) {
                                    if let next = teacher.next {
                                        next.course + " с " + next.from.formatted
                                    } else {
                                        el("span", .cls("muted")) { "нет" }
                                    }
                                }
                            }
                        }
                    }
                }
                UI.pagination(query, total: total, base: .developmentDue)
            }
        }
    }
}
