import Domain
import Foundation

/// Students' achievements (issue 21, item 2): a school sees its own, the municipality's roles every school's
/// students who consented to the processing of their data.
public struct AchievementListPage: Sendable {
    /// One achievement of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var student: String
        public var school: String
        public var grade: Int
        public var edition: String
        public var subject: String
        public var result: AchievementResult
        public var resultText: String
        public var status: RecordStatus
        /// An achievement row.
        public init(
            id: UUID, student: String, school: String, grade: Int, edition: String, subject: String,
            result: AchievementResult, resultText: String, status: RecordStatus
        ) {
            self.id = id
            self.student = student
            self.school = school
            self.grade = grade
            self.edition = edition
            self.subject = subject
            self.result = result
            self.resultText = resultText
            self.status = status
        }
    }

    public var query: ListQuery
    public var schools: [(value: String, title: String)]
    public var years: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, schools: [(value: String, title: String)], years: [(value: String, title: String)],
        rows: [Row], total: Int, canCreate: Bool
    ) {
        self.query = query
        self.schools = schools
        self.years = years
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = AchievementListPage(
        query: ListQuery(sort: "name"), schools: [("o1", "МБОУ «СОШ № 3»")], years: [("y1", "2025/2026")],
        rows: [
            Row(
                id: MockID.of(0x2131), student: "Иванов Пётр Сергеевич", school: "МБОУ «СОШ № 3»", grade: 9,
                edition: "Всероссийская олимпиада школьников — муниципальный этап, 2025/2026", subject: "математика",
                result: .prizeWinner, resultText: "призёр, 2 место, 87,5 балла", status: .active)
        ], total: 1, canCreate: true)

    /// The list's filters (also the API's).
    public func filters() -> [FieldSpec] {
        [
            RegistryWords.Filters.search, FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
            FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            FieldSpec("level", "Уровень", .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec(
                "result", "Результат",
                .select(AchievementResult.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            RegistryWords.Filters.status,
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var page = RegistryList(
            title: "Достижения обучающихся", area: .achievements, query: query, filters: filters(),
            columns: [
                Column("Обучающийся", sort: "name"), Column("Школа"), Column("Класс"), Column("Проведение"),
                Column("Предмет или номинация"), Column("Результат"), Column("Состояние"),
            ],
            rows: rows.map {
                [
                    .link($0.student, SiteURL.record(.achievements, $0.id).path), .text($0.school),
                    .text(String($0.grade)), .text($0.edition), .text($0.subject),
                    $0.result == .participant ? .text($0.resultText) : .tag($0.resultText, "active"),
                    .badge($0.status),
                ]
            },
            total: total, noun: ("достижение", "достижения", "достижений"),
            createTitle: canCreate ? TalentWords.addAchievement : nil,
            emptyText: "Достижений пока нет. Школа вносит результаты своих обучающихся в олимпиадах и конкурсах.")
        var filtered = query
        filtered.page = 1
        page.links = [(RegistryExportWords.download, SiteURL.achievementsXLSX.with(filtered.items))]
        if canCreate { page.links.append(("Загрузить из файла", AchievementImportPage.path)) }
        return page
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
