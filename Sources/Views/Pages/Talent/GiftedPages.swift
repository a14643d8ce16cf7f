import Domain
import Foundation

/// The municipal databank of gifted students (issue 21, item 4): the list with its filters.
public struct GiftedListPage: Sendable {
    /// One student of the databank.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var school: String
        public var grade: Int
        public var basis: [GiftedBasis]
        /// The best achievement («победитель, муниципальный этап ВсОШ, математика, 2025/2026») and how many there are.
        public var best: String
        public var achievements: Int
        public var courses: Int
        /// Laureates and stipend holders marked with their decree: «стипендиат, приказ № 12 от 01.10.2026».
        public var support: [String]
        /// A databank row.
        public init(
            id: UUID, name: String, school: String, grade: Int, basis: [GiftedBasis], best: String, achievements: Int,
            courses: Int, support: [String] = []
        ) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.basis = basis
            self.best = best
            self.achievements = achievements
            self.courses = courses
            self.support = support
        }
    }

    public var query: ListQuery
    public var rule: GiftedRule
    public var schools: [(value: String, title: String)]
    public var years: [(value: String, title: String)]
    public var subjects: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canDecide: Bool
    public var canSetRule: Bool

    /// The list's data.
    public init(
        query: ListQuery, rule: GiftedRule, schools: [(value: String, title: String)],
        years: [(value: String, title: String)], subjects: [(value: String, title: String)], rows: [Row], total: Int,
        canDecide: Bool, canSetRule: Bool
    ) {
        self.query = query
        self.rule = rule
        self.schools = schools
        self.years = years
        self.subjects = subjects
        self.rows = rows
        self.total = total
        self.canDecide = canDecide
        self.canSetRule = canSetRule
    }

    /// A made-up list.
    public static let mock = GiftedListPage(
        query: ListQuery(sort: "name"), rule: .standard, schools: [("s1", "МБОУ «СОШ № 1»")],
        years: [("y1", "2025/2026")], subjects: [("m", "математика")],
        rows: [
            Row(
                id: MockID.of(0x2191), name: "Лебедева Ольга Ивановна", school: "МБОУ «СОШ № 1»", grade: 10,
                basis: [.rule],
                best: "победитель — Всероссийская олимпиада школьников — муниципальный этап, 2025/2026 (математика)",
                achievements: 3, courses: 1, support: ["стипендиат, приказ № 12 от 01.10.2026"])
        ], total: 1, canDecide: true, canSetRule: true)

    /// The list's filters (also the API's).
    public static func filters(
        schools: [(value: String, title: String)], years: [(value: String, title: String)],
        subjects: [(value: String, title: String)]
    ) -> [FieldSpec] {
        [
            FieldSpec("q", "Поиск", hint: "Фамилия или имя"),
            FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
            FieldSpec("grade", "Класс", .select((1...11).map { (String($0), String($0)) }, empty: "Все")),
            FieldSpec(
                "direction", "Направленность",
                .select(ContestDirection.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec("subject", "Предмет олимпиады", .select(subjects, empty: "Все")),
            FieldSpec("level", "Уровень", .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec(
                "basis", "Основание", .select(GiftedBasis.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var list = RegistryList(
            title: "Банк данных одарённых", area: .gifted, query: query,
            filters: Self.filters(schools: schools, years: years, subjects: subjects),
            columns: [
                Column("Обучающийся", sort: "name"), Column("Школа"), Column("Класс"), Column("Основание"),
                Column("Лучшее достижение"), Column("Достижений"), Column("Курсов сети"), Column("Поддержка"),
            ],
            rows: rows.map {
                [
                    .link($0.name, SiteURL.record(.gifted, $0.id).path), .text($0.school), .text(String($0.grade)),
                    .text($0.basis.map(\.title).joined(separator: ", ")), .text($0.best),
                    .text(String($0.achievements)),
                    .text(String($0.courses)), .text($0.support.joined(separator: "; ")),
                ]
            },
            total: total, noun: ("обучающийся", "обучающихся", "обучающихся"),
            createTitle: canDecide ? "Включить по решению КМЦ" : nil,
            emptyText: "В банке данных пока никого нет: ни одно достижение не подходит под правило, решений КМЦ нет.")
        list.intro = "Правило включения: \(rule.text)."
        var filtered = query
        filtered.page = 1
        list.links = [(RegistryExportWords.download, SiteURL.giftedXLSX.with(filtered.items))]
        if canSetRule { list.links.append(("Изменить правило", GiftedPaths.rule)) }
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// Where the databank's own pages are.
public enum GiftedPaths {
    public static let rule = "/gifted/rule"
    public static func decisionDelete(_ studentID: UUID) -> String {
        SiteURL.record(.gifted, studentID).path + "/decision/delete"
    }
}
