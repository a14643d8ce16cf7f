import Domain
import Foundation

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
