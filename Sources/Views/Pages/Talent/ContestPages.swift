import Domain
import Foundation

/// Olympiads and contests (issue 21, item 1): the list with its filters.
public struct ContestListPage: Sendable {
    /// One contest of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var kind: ContestKind
        public var level: ContestLevel
        public var direction: ContestDirection
        public var organizer: String
        public var status: RecordStatus
        /// A contest row.
        public init(
            id: UUID, title: String, kind: ContestKind, level: ContestLevel, direction: ContestDirection,
            organizer: String, status: RecordStatus
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.level = level
            self.direction = direction
            self.organizer = organizer
            self.status = status
        }
    }

    public var query: ListQuery
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(query: ListQuery, rows: [Row], total: Int, canCreate: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = ContestListPage(
        query: ListQuery(sort: "title"),
        rows: [
            Row(
                id: MockID.of(0x2111), title: "Всероссийская олимпиада школьников", kind: .allRussianOlympiad,
                level: .school, direction: .intellectual, organizer: "Минпросвещения России", status: .active)
        ], total: 1, canCreate: true)

    /// The list's filters (also the API's).
    public static let filters: [FieldSpec] = [
        RegistryWords.Filters.search,
        FieldSpec("kind", "Вид", .select(ContestKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все виды")),
        FieldSpec("level", "Уровень", .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
        FieldSpec(
            "direction", "Направленность",
            .select(ContestDirection.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
        RegistryWords.Filters.status,
    ]

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Олимпиады и конкурсы", area: .contests, query: query, filters: Self.filters,
            columns: [
                Column("Название", sort: "title"), Column("Вид"), Column("Уровень"), Column("Направленность"),
                Column("Организатор"), Column("Состояние"),
            ],
            rows: rows.map {
                [
                    .link($0.title, SiteURL.record(.contests, $0.id).path), .text($0.kind.title), .text($0.level.title),
                    .text($0.direction.title), .text($0.organizer), .badge($0.status),
                ]
            },
            total: total, noun: ("олимпиада или конкурс", "олимпиады или конкурса", "олимпиад и конкурсов"),
            createTitle: canCreate ? "Добавить олимпиаду или конкурс" : nil,
            emptyText: "Олимпиад и конкурсов пока нет. Добавьте те, в которых участвуют обучающиеся.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A contest's card: its facts and its editions by year.
public struct ContestCardPage: Sendable {
    /// One edition of the contest.
    public struct Edition: Sendable {
        public var id: UUID
        public var title: String
        public var dates: String
        public var results: Int
        /// An edition row.
        public init(id: UUID, title: String, dates: String, results: Int) {
            self.id = id
            self.title = title
            self.dates = dates
            self.results = results
        }
    }

    public var title: String
    public var kind: ContestKind
    public var level: ContestLevel
    public var direction: ContestDirection
    public var organizer: String
    public var note: String?
    public var editions: [Edition]

    /// The card's data.
    public init(
        title: String, kind: ContestKind, level: ContestLevel, direction: ContestDirection, organizer: String,
        note: String?, editions: [Edition]
    ) {
        self.title = title
        self.kind = kind
        self.level = level
        self.direction = direction
        self.organizer = organizer
        self.note = note
        self.editions = editions
    }

    /// A made-up card.
    public static let mock = ContestCardPage(
        title: "Всероссийская олимпиада школьников", kind: .allRussianOlympiad, level: .school,
        direction: .intellectual, organizer: "Минпросвещения России", note: nil,
        editions: [
            Edition(
                id: MockID.of(0x2112), title: "муниципальный этап, 2025/2026", dates: "10.11.2025 — 05.12.2025",
                results: 12)
        ])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            (TalentWords.Field.kind, kind.title),
            (TalentWords.Field.level, kind == .allRussianOlympiad ? "по этапам" : level.title),
            (TalentWords.Field.direction, direction.title), (TalentWords.Field.organizer, organizer),
            (TalentWords.Field.note, note ?? "—"),
        ]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Проведения", columns: ["Проведение", "Сроки", "Результатов"],
                rows: editions.map {
                    [
                        .link($0.title, SiteURL.record(.contestEditions, $0.id).path), .text($0.dates),
                        .text(String($0.results)),
                    ]
                },
                emptyText: "Проведений пока нет.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.contests, title: title, facts: facts, sections: sections).render(ctx)
    }
}
