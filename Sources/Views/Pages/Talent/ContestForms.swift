import Domain
import Foundation

/// A contest's form.
public struct ContestFormPage: Sendable {
    /// The form has no choices to load.
    public init() {}

    /// The form as the registry kit shows it.
    public static let mock = ContestFormPage()

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "title", "Название", required: true,
                hint: "Как в положении: «Всероссийская олимпиада школьников», «Живая классика»."),
            FieldSpec(
                "kind", "Вид", .select(ContestKind.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec(
                "level", "Уровень", .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true, hint: "У всероссийской олимпиады — уровень её первого этапа: школьный."),
            FieldSpec(
                "direction", "Направленность",
                .select(ContestDirection.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec("organizer", "Организатор", required: true),
            FieldSpec("note", "Примечание", .textarea),
        ]
    }

    /// A new contest's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.contests, title: TalentWords.contestNewTitle, fields: fields).render(ctx)
    }
}

/// A contest's editions: the list across contests and years.
public struct ContestEditionListPage: Sendable {
    /// One edition of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var dates: String
        public var status: RecordStatus
        /// An edition row.
        public init(id: UUID, title: String, dates: String, status: RecordStatus) {
            self.id = id
            self.title = title
            self.dates = dates
            self.status = status
        }
    }

    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], rows: [Row], total: Int, canCreate: Bool
    ) {
        self.query = query
        self.years = years
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = ContestEditionListPage(
        query: ListQuery(sort: "title"), years: [("y1", "2025/2026")],
        rows: [
            Row(
                id: MockID.of(0x2121), title: "Всероссийская олимпиада школьников — муниципальный этап, 2025/2026",
                dates: "10.11.2025 — 05.12.2025", status: .active)
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Проведения олимпиад и конкурсов", area: .contestEditions, query: query,
            filters: [
                RegistryWords.Filters.search, FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
                FieldSpec(
                    "level", "Уровень", .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                RegistryWords.Filters.status,
            ],
            columns: [Column("Проведение", sort: "title"), Column("Сроки"), Column("Состояние")],
            rows: rows.map {
                [.link($0.title, SiteURL.record(.contestEditions, $0.id).path), .text($0.dates), .badge($0.status)]
            },
            total: total, noun: ("проведение", "проведения", "проведений"),
            createTitle: canCreate ? "Добавить проведение" : nil, emptyText: "Проведений пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// An edition's card: its facts and the results the user may see.
public struct ContestEditionCardPage: Sendable {
    /// One result in the edition.
    public struct Result: Sendable {
        public var id: UUID
        public var student: String
        public var school: String
        public var subject: String
        public var result: String
        /// A result row.
        public init(id: UUID, student: String, school: String, subject: String, result: String) {
            self.id = id
            self.student = student
            self.school = school
            self.subject = subject
            self.result = result
        }
    }

    public var facts: [(String, String)]
    public var results: [Result]
    /// Results of students whose data stays in their school (no consent), or of other schools: counted, not shown.
    public var hidden: Int

    /// The card's data.
    public init(facts: [(String, String)], results: [Result], hidden: Int) {
        self.facts = facts
        self.results = results
        self.hidden = hidden
    }

    /// An edition's facts.
    public static func facts(contest: String, year: String, level: String, dates: String, place: String?)
        -> [(String, String)]
    {
        [
            (TalentWords.Field.contest, contest), (TalentWords.Field.year, year), (TalentWords.Field.level, level),
            (TalentWords.Field.dates, dates), (TalentWords.Field.place, place ?? "—"),
        ]
    }

    /// A made-up card.
    public static let mock = ContestEditionCardPage(
        facts: facts(
            contest: "Всероссийская олимпиада школьников", year: "2025/2026", level: "муниципальный этап",
            dates: "10.11.2025 — 05.12.2025", place: nil),
        results: [
            Result(
                id: MockID.of(0x2122), student: "Иванов Пётр Сергеевич", school: "МБОУ «СОШ № 3»",
                subject: "математика", result: "призёр, 2 место")
        ], hidden: 1)

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        var empty = "Результатов пока нет."
        if hidden > 0 {
            empty = "Видимых вам результатов нет; ещё \(hidden) — других школ или без согласия на обработку данных."
        }
        var rows: [[Cell]] = results.map {
            [
                .link($0.student, SiteURL.record(.achievements, $0.id).path), .text($0.school), .text($0.subject),
                .text($0.result),
            ]
        }
        if hidden > 0, !rows.isEmpty {
            rows.append([.text("ещё \(hidden) — других школ или без согласия"), .text(""), .text(""), .text("")])
        }
        return [
            RegistryCard.Section(
                title: "Результаты", columns: ["Обучающийся", "Школа", "Предмет или номинация", "Результат"],
                rows: rows, emptyText: empty)
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.contestEditions, title: "Проведение", facts: facts, sections: sections).render(ctx)
    }
}
