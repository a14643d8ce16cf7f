import Domain
import Foundation

/// «Наши победители» (issue 21, item 7): the public page of winners and prize-winners whose guardians consented to
/// publication — name, school, grade, achievement; nothing else about the child.
public struct WinnersPage: Sendable {
    /// One published result.
    public struct Row: Sendable {
        public var name: String
        public var school: String
        public var grade: Int
        public var edition: String
        public var subject: String
        public var result: String
        /// A published result.
        public init(name: String, school: String, grade: Int, edition: String, subject: String, result: String) {
            self.name = name
            self.school = school
            self.grade = grade
            self.edition = edition
            self.subject = subject
            self.result = result
        }
    }

    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    /// Published protocols of the municipal stage: title and address.
    public var protocols: [(title: String, url: String)]

    /// The page's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], rows: [Row], total: Int,
        protocols: [(title: String, url: String)] = []
    ) {
        self.protocols = protocols
        self.query = query
        self.years = years
        self.rows = rows
        self.total = total
    }

    /// A made-up page.
    public static let mock = WinnersPage(
        query: ListQuery(sort: "year"), years: [("y1", "2025/2026")],
        rows: [
            Row(
                name: "Ёлкина Варвара", school: "МБОУ «СОШ № 1»", grade: 10,
                edition: "Всероссийская олимпиада школьников — муниципальный этап, 2025/2026", subject: "математика",
                result: "победитель")
        ], total: 1,
        protocols: [("Муниципальный этап: математика, 2025/2026", "/olympiad-stages/x/public")])

    public func render(_ ctx: PageContext) -> String {
        let values = FormValues(single: query.filters)
        return Layout.page(
            ctx, title: "Наши победители", crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Наши победители")]
        ) {
            el("h1") { "Наши победители" }
            el("p", .cls("muted")) {
                "Победители и призёры олимпиад и конкурсов из школ сети — те, чьи родители (законные представители) "
                    + "разрешили публикацию."
            }
            if !protocols.isEmpty {
                el("h2") { "Протоколы муниципального этапа олимпиады" }
                el("ul") { for item in protocols { el("li") { el("a", .href(item.url)) { item.title } } } }
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.winners.path),
                Attr("role", "search")
            ) {
                FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")).render(
                    values: values, errors: FieldErrors())
                el("button", .type("submit")) { "Найти" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, "результат", "результата", "результатов") }
            if rows.isEmpty {
                UI.empty("Опубликованных результатов пока нет.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for title in [
                                "Обучающийся", "Школа", "Класс", "Олимпиада или конкурс", "Предмет или номинация",
                                "Результат",
                            ] {
                                el("th") { title }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td") { row.name }
                                el("td") { row.school }
                                el("td") { String(row.grade) }
                                el("td") { row.edition }
                                el("td") { row.subject.isEmpty ? "—" : row.subject }
                                el("td") { row.result }
                            }
                        }
                    }
                }
            }
            UI.pagination(query, total: total, base: .winners)
        }
    }
}
