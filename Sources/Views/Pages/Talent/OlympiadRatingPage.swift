import Domain
import Foundation

/// A stage's rating tables, grade by grade — the protocol (issue 21, item 3): printable, with its XLSX; the methodologist
/// decides a tie across the quota's boundary here and opens a participant's correction or appeal.
public struct OlympiadRatingPage: Sendable {
    /// One participant's line.
    public struct Row: Sendable {
        public var participantID: UUID
        public var place: String
        public var code: String
        public var name: String
        public var school: String
        public var gradeStudied: Int
        public var scores: [Double]
        public var total: Double
        public var status: OlympiadStatus
        /// The last appeal's line, if any.
        public var appeal: String?
        /// A participant row.
        public init(
            participantID: UUID, place: String, code: String, name: String, school: String, gradeStudied: Int,
            scores: [Double], total: Double, status: OlympiadStatus, appeal: String?
        ) {
            self.participantID = participantID
            self.place = place
            self.code = code
            self.name = name
            self.school = school
            self.gradeStudied = gradeStudied
            self.scores = scores
            self.total = total
            self.status = status
            self.appeal = appeal
        }
    }

    /// One grade's table.
    public struct Grade: Sendable {
        public var grade: Int
        public var maximum: Double
        public var participants: Int
        public var quota: Int
        public var tie: OlympiadRating.Tie?
        public var staleDecision: Bool
        /// The recorded decision's line: «признать всех … — основание (методист, 12.12.2025)».
        public var decision: String?
        public var rows: [Row]
        /// A grade table.
        public init(
            grade: Int, maximum: Double, participants: Int, quota: Int, tie: OlympiadRating.Tie?,
            staleDecision: Bool, decision: String?, rows: [Row]
        ) {
            self.grade = grade
            self.maximum = maximum
            self.participants = participants
            self.quota = quota
            self.tie = tie
            self.staleDecision = staleDecision
            self.decision = decision
            self.rows = rows
        }
    }

    public var stageID: UUID
    public var stageTitle: String
    public var rules: OlympiadRules
    public var grades: [Grade]
    /// Rows of other schools are left out for a school's reader (the places stay the table's).
    public var partial: Bool
    public var canEdit: Bool

    /// The page's data.
    public init(
        stageID: UUID, stageTitle: String, rules: OlympiadRules, grades: [Grade], partial: Bool, canEdit: Bool
    ) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.rules = rules
        self.grades = grades
        self.partial = partial
        self.canEdit = canEdit
    }

    /// A made-up protocol with a tie to decide.
    public static let mock = OlympiadRatingPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026", rules: .standard,
        grades: [
            Grade(
                grade: 8, maximum: 40, participants: 4, quota: 1,
                tie: OlympiadRating.Tie(total: 30, count: 2, seats: 1, decided: nil), staleDecision: false,
                decision: nil,
                rows: [
                    Row(
                        participantID: MockID.of(0x2171), place: "1–2", code: "М-08-03",
                        name: "Лебедева Ольга Ивановна",
                        school: "Школа № 1", gradeStudied: 8, scores: [10, 10, 10], total: 30, status: .tieUndecided,
                        appeal: "27 → 30, балл повышен"),
                    Row(
                        participantID: MockID.of(0x2172), place: "1–2", code: "М-08-01", name: "Павлов Никита Олегович",
                        school: "Школа № 2", gradeStudied: 8, scores: [10, 5, 15], total: 30, status: .tieUndecided,
                        appeal: nil),
                    Row(
                        participantID: MockID.of(0x2173), place: "3", code: "М-08-02", name: "Орлова Мария Денисовна",
                        school: "Школа № 2", gradeStudied: 7, scores: [5, 5, 5], total: 15, status: .participant,
                        appeal: nil),
                ])
        ], partial: false, canEdit: true)

    public func render(_ ctx: PageContext) -> String {
        let title = "Рейтинг и протокол"
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("article", .cls("document landscape")) {
                el("h1") { "Протокол: \(stageTitle)" }
                el("p", .cls("muted")) {
                    "Места — по сумме баллов, равные суммы вместе, затем по алфавиту. Квота победителей и призёров — "
                        + "\(rules.quotaPercent) % участников класса; победитель — больше \(rules.winnerMinPercent) %, "
                        + "призёр — больше \(rules.prizeMinPercent) % максимального балла."
                        + (partial ? " Показаны только участники вашей школы; места — по всему классу." : "")
                }
                el("p", .cls("actions no-print")) {
                    el("a", .cls("button"), .href(OlympiadPaths.protocolXLSX(stageID))) { "Скачать XLSX" }
                    if canEdit {
                        " "
                        el("a", .cls("button"), .href(OlympiadPaths.newParticipant(stageID))) { "Внести результат" }
                        " "
                        el("a", .cls("button"), .href(OlympiadResultImportPage.path(stageID))) {
                            OlympiadWords.Import.link
                        }
                    }
                }
                if grades.isEmpty { UI.empty("Результатов пока нет.") }
                for grade in grades { section(grade, ctx) }
            }
        }
    }

    func section(_ grade: Grade, _ ctx: PageContext) -> Node {
        fragment {
            el("h2") { OlympiadWords.grade(grade.grade) }
            el("p") {
                "Максимальный балл \(TalentWords.scoreText(grade.maximum)); "
                    + OlympiadWords.quota(percent: rules.quotaPercent, seats: grade.quota, of: grade.participants) + "."
            }
            if grade.staleDecision {
                el("div", .cls("warning"), Attr("role", "status")) { OlympiadWords.staleDecision }
            }
            if let decision = grade.decision { el("p") { "Решение о равных баллах: \(decision)" } }
            if let tie = grade.tie, tie.decided == nil {
                el("div", .cls("warning"), Attr("role", "status")) {
                    OlympiadWords.tie(total: tie.total, count: tie.count, seats: tie.seats)
                }
                if canEdit { tieForm(grade.grade, ctx) }
            }
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        for column in [
                            "Место", "Код", "Участник", "Школа", "Класс обучения", "Баллы по заданиям", "Итого",
                            "Статус",
                            "Апелляция",
                        ] { el("th") { column } }
                        if canEdit { el("th", .cls("no-print")) { "" } }
                    }
                }
                el("tbody") {
                    for row in grade.rows {
                        el("tr") {
                            el("td") { row.place }
                            el("td") { row.code }
                            el("td") { row.name }
                            el("td") { row.school }
                            el("td") { String(row.gradeStudied) }
                            el("td") { OlympiadWords.numbers(row.scores) }
                            el("td") { TalentWords.scoreText(row.total) }
                            el("td") {
                                el("span", .cls("badge badge-\(OlympiadWords.statusKind(row.status))")) {
                                    OlympiadWords.status(row.status)
                                }
                            }
                            el("td") { row.appeal ?? "—" }
                            if canEdit {
                                el("td", .cls("no-print")) {
                                    el("a", .href(OlympiadPaths.participant(stageID, row.participantID))) { "Изменить" }
                                    " · "
                                    el("a", .href(OlympiadPaths.appeal(stageID, row.participantID))) { "Апелляция" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    func tieForm(_ grade: Int, _ ctx: PageContext) -> Node {
        el(
            "form", .cls("stacked panel no-print"), Attr("method", "post"), Attr("action", OlympiadPaths.tie(stageID))
        ) {
            Layout.csrf(ctx)
            UI.hidden("grade", String(grade))
            UI.selectField(
                "choice", OlympiadWords.Field.tieChoice, options: TieChoice.allCases.map { ($0.rawValue, $0.title) },
                selected: nil, errors: FieldErrors(), required: true, includeEmpty: "— выберите —")
            UI.textField("reason", OlympiadWords.Field.tieReason, value: nil, errors: FieldErrors(), required: true)
            el("div", .cls("actions")) { UI.submit("Записать решение") }
        }
    }
}
