import Domain
import Foundation

/// The municipal stages of the ВсОШ (issue 21, item 3): the list by subject and year.
public struct OlympiadStageListPage: Sendable {
    /// One stage of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var subject: String
        public var year: String
        public var participants: Int
        public var status: RecordStatus
        /// A stage row.
        public init(id: UUID, subject: String, year: String, participants: Int, status: RecordStatus) {
            self.id = id
            self.subject = subject
            self.year = year
            self.participants = participants
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
    public static let mock = OlympiadStageListPage(
        query: ListQuery(sort: "subject"), years: [("y1", "2025/2026")],
        rows: [Row(id: MockID.of(0x2151), subject: "математика", year: "2025/2026", participants: 42, status: .active)],
        total: 1, canCreate: true)

    /// The list's filters (also the API's).
    public static func filters(years: [(value: String, title: String)]) -> [FieldSpec] {
        [
            RegistryWords.Filters.search, FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            RegistryWords.Filters.status,
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Муниципальный этап олимпиады", area: .olympiadStages, query: query,
            filters: Self.filters(years: years),
            columns: [
                Column("Предмет", sort: "subject"), Column("Учебный год"), Column("Участников"), Column("Состояние"),
            ],
            rows: rows.map {
                [
                    .link($0.subject, SiteURL.record(.olympiadStages, $0.id).path), .text($0.year),
                    .text(String($0.participants)), .badge($0.status),
                ]
            },
            total: total, noun: ("этап", "этапа", "этапов"),
            createTitle: canCreate ? "Добавить этап по предмету" : nil,
            emptyText: "Муниципальных этапов пока нет. Методист добавляет этап по каждому предмету учебного года.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A stage's card: its rules and its grades with their passing scores, papers and counts.
public struct OlympiadStageCardPage: Sendable {
    /// One grade of the stage.
    public struct Grade: Sendable {
        public var grade: Int
        public var passing: Double?
        public var maxima: [Double]
        public var invited: Int
        public var participants: Int
        public var winners: Int
        public var prizeWinners: Int
        /// A grade row.
        public init(
            grade: Int, passing: Double?, maxima: [Double], invited: Int, participants: Int, winners: Int,
            prizeWinners: Int
        ) {
            self.grade = grade
            self.passing = passing
            self.maxima = maxima
            self.invited = invited
            self.participants = participants
            self.winners = winners
            self.prizeWinners = prizeWinners
        }
    }

    public var subject: String
    public var year: String
    public var editionID: UUID
    public var edition: String
    public var rules: OlympiadRules
    /// School-stage results of the subject received, and from how many schools.
    public var schoolResults: Int
    public var schools: Int
    public var grades: [Grade]
    /// «12.12.2025, metod» once the results are approved.
    public var published: String?

    /// The card's data.
    public init(
        subject: String, year: String, editionID: UUID, edition: String, rules: OlympiadRules, schoolResults: Int,
        schools: Int, grades: [Grade], published: String? = nil
    ) {
        self.published = published
        self.subject = subject
        self.year = year
        self.editionID = editionID
        self.edition = edition
        self.rules = rules
        self.schoolResults = schoolResults
        self.schools = schools
        self.grades = grades
    }

    /// A made-up card.
    public static let mock = OlympiadStageCardPage(
        subject: "математика", year: "2025/2026", editionID: MockID.of(0x2121),
        edition: "Всероссийская олимпиада школьников — муниципальный этап, 2025/2026", rules: .standard,
        schoolResults: 120, schools: 9,
        grades: [
            Grade(
                grade: 7, passing: 25, maxima: [7, 7, 7, 7, 7], invited: 14, participants: 12, winners: 1,
                prizeWinners: 4),
            Grade(grade: 8, passing: nil, maxima: [], invited: 0, participants: 0, winners: 0, prizeWinners: 0),
        ])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            (OlympiadWords.Field.subject, subject), (OlympiadWords.Field.year, year), ("Проведение", edition),
            (
                "Школьный этап",
                RussianPlural.count(schoolResults, "результат", "результата", "результатов")
                    + " из " + RussianPlural.count(schools, "школы", "школ", "школ")
            ),
            (OlympiadWords.Field.quota, "\(rules.quotaPercent) %"),
            ("Победитель", "больше \(rules.winnerMinPercent) % максимального балла"),
            ("Призёр", "больше \(rules.prizeMinPercent) % максимального балла"),
            (OlympiadWords.publishedField, published ?? "нет"),
        ]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Классы",
                columns: [
                    "Класс", "Проходной балл", "Задания", "Максимум", "Приглашено", "Участников", "Победителей",
                    "Призёров",
                ],
                rows: grades.map {
                    [
                        .text(OlympiadWords.grade($0.grade)), .text($0.passing.map(TalentWords.scoreText) ?? ""),
                        .text(OlympiadWords.numbers($0.maxima)),
                        .text($0.maxima.isEmpty ? "" : TalentWords.scoreText(OlympiadScores.total($0.maxima))),
                        .text(String($0.invited)), .text(String($0.participants)), .text(String($0.winners)),
                        .text(String($0.prizeWinners)),
                    ]
                },
                emptyText: "Классы ещё не настроены.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(
            .olympiadStages, title: OlympiadWords.stageTitle(subject: subject, year: year), facts: facts,
            sections: sections
        ).render(ctx)
    }
}

/// A stage's form: subject, year and the rules of the year.
public struct OlympiadStageFormPage: Sendable {
    public var years: [(value: String, title: String)]
    public var subjects: [(value: String, title: String)]

    /// The form's choices.
    public init(years: [(value: String, title: String)], subjects: [(value: String, title: String)]) {
        self.years = years
        self.subjects = subjects
    }

    /// A made-up form.
    public static let mock = OlympiadStageFormPage(years: [("y1", "2025/2026")], subjects: [("s1", "математика")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("year", OlympiadWords.Field.year, .select(years, empty: "— выберите —"), required: true),
            FieldSpec("subject", OlympiadWords.Field.subject, .select(subjects, empty: "— выберите —"), required: true),
            FieldSpec(
                "quotaPercent", OlympiadWords.Field.quota, .number, required: true,
                hint: "Победителей и призёров вместе — не больше этой доли участников класса (с округлением вниз)."),
            FieldSpec(
                "winnerMinPercent", OlympiadWords.Field.winnerMin, .number, required: true,
                hint: "По порядку проведения ВсОШ — больше половины: 50."),
            FieldSpec("prizeMinPercent", OlympiadWords.Field.prizeMin, .number, required: true),
        ]
    }

    /// A new stage's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.olympiadStages, title: OlympiadWords.stageNewTitle, fields: fields).render(ctx)
    }
}
