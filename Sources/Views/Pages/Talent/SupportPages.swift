import Domain
import Foundation

/// Where the support measures' pages are.
public enum SupportPaths {
    public static let candidates = SiteURL.supportCandidates.path
    public static let weights = "/support/weights"
    public static let order = "/support/order"
    public static func edit(_ id: UUID) -> String { SiteURL.edit(.support, id).path }
    public static func delete(_ id: UUID) -> String { SiteURL.record(.support, id).path + "/delete" }
    /// The form of a new measure for a student (from the candidates' list).
    public static func new(student: UUID, year: String?) -> String {
        SiteURL.new(.support).path + "?student=" + student.uuidString.lowercased()
            + (year.map { "&year=" + $0 } ?? "")
    }
}

/// One measure as the list, the databank card and the API show it.
public struct SupportLine: Sendable {
    public var id: UUID
    public var studentID: UUID
    public var student: String
    public var school: String
    public var grade: Int
    public var year: String
    public var kind: SupportKind
    /// «3 000 ₽ в месяц × 4 мес. = 12 000 ₽».
    public var sum: String
    /// A stipend's period, a trip's destination, event and dates.
    public var details: String
    public var basis: String
    public var points: Int
    /// «приказ № 12 от 01.10.2026», empty while proposed.
    public var decree: String
    public var status: SupportStatus
    /// The order's page when the measure is in one.
    public var orderURL: String?

    /// A measure's line.
    public init(
        id: UUID, studentID: UUID, student: String, school: String, grade: Int, year: String, kind: SupportKind,
        sum: String, details: String, basis: String, points: Int, decree: String, status: SupportStatus,
        orderURL: String?
    ) {
        self.id = id
        self.studentID = studentID
        self.student = student
        self.school = school
        self.grade = grade
        self.year = year
        self.kind = kind
        self.sum = sum
        self.details = details
        self.basis = basis
        self.points = points
        self.decree = decree
        self.status = status
        self.orderURL = orderURL
    }

    /// «стипендиат, приказ № 12 от 01.10.2026» — how the databank marks the holder.
    public var mark: String {
        status == .awarded ? "\(kind.holder), \(decree)" : "\(kind.title): \(status.title)"
    }

    static let mock = SupportLine(
        id: MockID.of(0x2301), studentID: MockID.of(0x2191), student: "Лебедева Ольга Ивановна",
        school: "МБОУ «СОШ № 1»", grade: 10, year: "2026/2027", kind: .stipend,
        sum: "3\u{00A0}000\u{00A0}₽ в месяц × 4 мес. = 12\u{00A0}000\u{00A0}₽", details: "с 01.09.2026 по 31.12.2026",
        basis: "Победитель муниципального этапа ВсОШ по математике", points: 13,
        decree: "приказ № 12 от 01.10.2026", status: .awarded, orderURL: nil)
}

/// The list of support measures with its filters and the sum paid.
public struct SupportListPage: Sendable {
    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var schools: [(value: String, title: String)]
    public var rows: [SupportLine]
    public var total: Int
    /// The roubles of every measure the filters select.
    public var totalSum: Int
    public var canChoose: Bool
    public var canSetWeights: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], schools: [(value: String, title: String)],
        rows: [SupportLine], total: Int, totalSum: Int, canChoose: Bool, canSetWeights: Bool
    ) {
        self.query = query
        self.years = years
        self.schools = schools
        self.rows = rows
        self.total = total
        self.totalSum = totalSum
        self.canChoose = canChoose
        self.canSetWeights = canSetWeights
    }

    /// A made-up list.
    public static let mock = SupportListPage(
        query: ListQuery(sort: "name"), years: [("y1", "2026/2027")], schools: [("s1", "МБОУ «СОШ № 1»")],
        rows: [SupportLine.mock], total: 1, totalSum: 12_000, canChoose: true, canSetWeights: true)

    /// The list's filters (also the API's).
    public static func filters(years: [(value: String, title: String)], schools: [(value: String, title: String)])
        -> [FieldSpec]
    {
        [
            FieldSpec("q", "Поиск", hint: "Фамилия или имя"),
            FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            FieldSpec("kind", "Вид", .select(SupportKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec(
                "status", "Состояние", .select(SupportStatus.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var list = RegistryList(
            title: SupportWords.title, area: .support, query: query,
            filters: Self.filters(years: years, schools: schools),
            columns: [
                Column("Обучающийся", sort: "name"), Column("Школа, класс"), Column("Год"), Column("Вид"),
                Column("Сумма", sort: "sum"), Column("Основание"), Column("Баллы"), Column("Приказ", sort: "decree"),
            ],
            rows: rows.map { row in
                [
                    .link(row.student, SiteURL.record(.support, row.id).path),
                    .text("\(row.school), \(row.grade) кл."), .text(row.year),
                    .text(row.details.isEmpty ? row.kind.title : "\(row.kind.title) (\(row.details))"),
                    .text(row.sum), .text(row.basis), .text(String(row.points)),
                    .text(row.status == .awarded ? row.decree : row.status.title),
                ]
            },
            total: total, noun: ("мера", "меры", "мер"),
            createTitle: canChoose ? SupportWords.newTitle : nil,
            emptyText: "Мер поддержки по этим условиям нет. Кандидатов и их баллы показывает «Кандидаты».")
        list.intro = "Всего по выбранным условиям: \(SupportInput.money(totalSum))."
        if canChoose {
            list.links = [("Кандидаты", SupportPaths.candidates), ("Составить проект приказа", SupportPaths.order)]
        }
        if canSetWeights { list.links.append((SupportWords.weightsTitle, SupportPaths.weights)) }
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// The ranked candidates: the databank's students by their achievement points, each with the achievements that count
/// and their weights beside them; the КМЦ chooses from here (`001_4390f67d15d9225c.txt` §3.1.5).
public struct SupportCandidatesPage: Sendable {
    /// A candidate.
    public struct Row: Sendable {
        public var place: Int
        public var studentID: UUID
        public var name: String
        public var school: String
        public var grade: Int
        public var points: Int
        /// «победитель — ВсОШ, муниципальный этап, 2025/2026 (математика): 5».
        public var counted: [String]
        /// Measures already this year: «стипендия: назначена приказом».
        public var measures: [String]
        /// A candidate's line.
        public init(
            place: Int, studentID: UUID, name: String, school: String, grade: Int, points: Int, counted: [String],
            measures: [String]
        ) {
            self.place = place
            self.studentID = studentID
            self.name = name
            self.school = school
            self.grade = grade
            self.points = points
            self.counted = counted
            self.measures = measures
        }
    }

    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var schools: [(value: String, title: String)]
    /// The year chosen (its id) and its title.
    public var year: (value: String, title: String)?
    public var weights: SupportPoints
    public var rows: [Row]
    public var total: Int
    public var canChoose: Bool

    /// The page's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], schools: [(value: String, title: String)],
        year: (value: String, title: String)?, weights: SupportPoints, rows: [Row], total: Int, canChoose: Bool
    ) {
        self.query = query
        self.years = years
        self.schools = schools
        self.year = year
        self.weights = weights
        self.rows = rows
        self.total = total
        self.canChoose = canChoose
    }

    /// A made-up page.
    public static let mock = SupportCandidatesPage(
        query: ListQuery(sort: "points"), years: [("y1", "2026/2027")], schools: [("s1", "МБОУ «СОШ № 1»")],
        year: ("y1", "2026/2027"), weights: .standard,
        rows: [
            Row(
                place: 1, studentID: MockID.of(0x2191), name: "Лебедева Ольга Ивановна", school: "МБОУ «СОШ № 1»",
                grade: 10, points: 13,
                counted: [
                    "победитель — Всероссийская олимпиада школьников — муниципальный этап, 2026/2027 (математика): 5",
                    "призёр — Всероссийская олимпиада школьников — региональный этап, 2025/2026 (математика): 8",
                ], measures: ["стипендия: назначена приказом"])
        ], total: 1, canChoose: true)

    public func render(_ ctx: PageContext) -> String {
        let base = SiteURL.list(.support)
        return Layout.page(
            ctx, title: SupportWords.candidatesTitle,
            crumbs: [Crumb(SupportWords.title, base.path), Crumb(SupportWords.candidatesTitle)]
        ) {
            el("h1") { SupportWords.candidatesTitle }
            el("p", .cls("muted")) {
                "Обучающиеся банка данных одарённых с согласием на обработку данных, по сумме баллов за достижения "
                    + SupportWords.span(weights.years) + ". Баллы: " + SupportWords.weightsText(weights, years: false)
                    + "."
            }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SupportPaths.candidates)) {
                UI.textField("q", "Поиск", value: query.q, errors: FieldErrors(), hint: "Фамилия или имя")
                UI.selectField(
                    "year", "Учебный год", options: years, selected: year?.value, errors: FieldErrors(),
                    includeEmpty: nil)
                UI.selectField(
                    "school", "Школа", options: schools, selected: query.filters["school"], errors: FieldErrors(),
                    includeEmpty: "Все школы")
                el("button", .type("submit")) { "Показать" }
            }
            if rows.isEmpty {
                UI.empty("Кандидатов нет: в банке данных никого с согласием по этим условиям.")
            } else {
                el("p", .cls("muted")) {
                    "Найдено: " + RussianPlural.count(total, "кандидат", "кандидата", "кандидатов")
                }
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in [
                                "Место", "Обучающийся", "Школа, класс", "Баллы", "За что", "Меры в этом году",
                            ] {
                                el("th") { column }
                            }
                            if canChoose { el("th") { "" } }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td") { String(row.place) }
                                el("td") { el("a", .href(SiteURL.record(.gifted, row.studentID).path)) { row.name } }
                                el("td") { "\(row.school), \(row.grade) кл." }
                                el("td") { el("strong") { String(row.points) } }
                                el("td", .cls("wide")) {
                                    if row.counted.isEmpty {
                                        "нет достижений за эти годы"
                                    } else {
                                        el("ul", .cls("plain")) { for line in row.counted { el("li") { line } } }
                                    }
                                }
                                el("td") { row.measures.isEmpty ? "—" : row.measures.joined(separator: "; ") }
                                if canChoose {
                                    el("td") {
                                        el("a", .href(SupportPaths.new(student: row.studentID, year: year?.value))) {
                                            "Назначить"
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                UI.pagination(query, total: total, base: .supportCandidates)
            }
        }
    }
}

/// A measure's card.
public struct SupportCardPage: Sendable {
    public var line: SupportLine
    public var budgetLine: String?
    public var created: String
    public var updated: String
    public var canChange: Bool

    /// The card's data.
    public init(line: SupportLine, budgetLine: String?, created: String, updated: String, canChange: Bool) {
        self.line = line
        self.budgetLine = budgetLine
        self.created = created
        self.updated = updated
        self.canChange = canChange
    }

    /// A made-up card.
    public static let mock = SupportCardPage(
        line: SupportLine.mock, budgetLine: nil, created: "kmc, 01.09.2026 10:00", updated: "kmc, 01.10.2026 12:00",
        canChange: false)

    public func render(_ ctx: PageContext) -> String {
        let title = "\(line.kind.title.capitalizedFirst): \(line.student)"
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path), Crumb(title)]
        ) {
            el("h1") { title }
            if canChange && line.status == .proposed {
                el("div", .cls("actions")) {
                    el("a", .cls("button"), .href(SupportPaths.edit(line.id))) { "Изменить" }
                    el("a", .cls("button"), .href(SupportPaths.delete(line.id))) { "Удалить" }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Обучающийся" }
                    el("dd") { el("a", .href(SiteURL.record(.gifted, line.studentID).path)) { line.student } }
                    for (label, value) in [
                        ("Школа, класс", "\(line.school), \(line.grade) класс"), ("Учебный год", line.year),
                        ("Вид", line.kind.title), ("Сумма", line.sum), ("Подробности", line.details),
                        ("Статья расходов", budgetLine ?? ""), ("Основание", line.basis),
                        ("Баллы при выборе", String(line.points)), ("Состояние", line.status.title),
                        ("Приказ", line.decree), ("Внесено", created), ("Изменено", updated),
                    ] where !value.isEmpty {
                        el("dt") { label }
                        el("dd") { value }
                    }
                    if let url = line.orderURL {
                        el("dt") { "Приказ в реестре" }
                        el("dd") { el("a", .href(url)) { line.status == .awarded ? "подписанный приказ" : "проект" } }
                    }
                }
            }
        }
    }
}

extension String {
    /// The first letter in capitals: «стипендия» → «Стипендия».
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
