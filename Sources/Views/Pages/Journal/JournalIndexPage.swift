import Domain
import Foundation

/// «Журнал»: this year's groups whose journals the user keeps or checks, with the past lessons not yet marked.
public struct JournalIndexPage: Sendable {
    public struct Row: Sendable {
        public var id: UUID
        public var group: String
        public var program: String
        public var center: String
        public var teacher: String
        public var unmarked: Int
        public init(id: UUID, group: String, program: String, center: String, teacher: String, unmarked: Int) {
            self.id = id
            self.group = group
            self.program = program
            self.center = center
            self.teacher = teacher
            self.unmarked = unmarked
        }
    }

    public var query: ListQuery
    public var total: Int
    public var yearTitle: String?
    public var rows: [Row]

    public init(query: ListQuery, total: Int, yearTitle: String?, rows: [Row]) {
        self.query = query
        self.total = total
        self.yearTitle = yearTitle
        self.rows = rows
    }

    public static let mock = JournalIndexPage(
        query: ListQuery(sort: "center"), total: 1, yearTitle: "2026/2027",
        rows: [
            Row(
                id: MockID.of(1), group: "Физика-10", program: "Механика", center: "МБОУ «Гимназия № 2»",
                teacher: "Орлов Денис Андреевич", unmarked: 2)
        ])

    public func render(_ ctx: PageContext) -> String {
        let title = "Журнал"
        return Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title + (yearTitle.map { " — \($0) учебный год" } ?? "") }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.journal.path)) {
                el("div", .cls("field")) {
                    el("label", Attr("for", "q")) { "Группа" }
                    el("input", .type("search"), .id("q"), .name("q"), .value(query.q))
                }
                el("button", .type("submit")) { "Найти" }
            }
            if rows.isEmpty {
                UI.empty(
                    query.q.isEmpty
                        ? "Групп, журналы которых вы ведёте или проверяете, в этом учебном году нет."
                        : "Групп по запросу «\(query.q)» нет.")
            } else {
                el("ul", .cls("tasks journal-groups")) {
                    for row in rows {
                        el("li", .cls("task")) {
                            el("div", .cls("task-head")) {
                                el("a", .href(SiteURL.groupJournal(row.id).path)) { row.group }
                                if row.unmarked > 0 {
                                    el("span", .cls("count"), Attr("title", "Прошедшие занятия не отмечены")) {
                                        String(row.unmarked)
                                    }
                                }
                            }
                            el("div", .cls("muted")) {
                                [row.program, row.center, row.teacher].filter { !$0.isEmpty }.joined(separator: " · ")
                            }
                            el("div", .cls("muted")) {
                                row.unmarked > 0
                                    ? RussianPlural.count(
                                        row.unmarked, "прошедшее занятие не отмечено", "прошедших занятия не отмечены",
                                        "прошедших занятий не отмечено")
                                    : "Все прошедшие занятия отмечены."
                            }
                        }
                    }
                }
                UI.pagination(query, total: total, base: .journal)
            }
        }
    }
}
