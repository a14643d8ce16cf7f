import Domain
import Foundation

/// Hours delivered by teachers per month — the basis of their payment, outside trainers included.
public struct TeacherHoursPage: Sendable {
    public struct Row: Sendable {
        public var name: String, url: String?, note: String, months: [Int], total: Int
        public init(name: String, url: String?, note: String, months: [Int], total: Int) {
            self.name = name
            self.url = url
            self.note = note
            self.months = months
            self.total = total
        }
    }
    public var title: String
    public var yearTitle: String
    public var months: [String]
    public var rows: [Row]
    public var filters: [FieldSpec]
    public var values: FormValues
    public var action: String
    public init(
        title: String, yearTitle: String, months: [String], rows: [Row], filters: [FieldSpec], values: FormValues,
        action: String
    ) {
        self.title = title
        self.yearTitle = yearTitle
        self.months = months
        self.rows = rows
        self.filters = filters
        self.values = values
        self.action = action
    }

    public static let mock = TeacherHoursPage(
        title: "Часы педагогов", yearTitle: "2026/2027", months: ["сен"],
        rows: [Row(name: "Орлов Денис Андреевич", url: nil, note: "", months: [16], total: 16)],
        filters: [], values: FormValues(), action: "/hours")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title + " за " + yearTitle + " учебный год" }
            el("p", .cls("muted")) {
                "Академические часы, проведённые по журналу (основание для оплаты, включая педагогов-тренеров)."
            }
            if !filters.isEmpty {
                el("form", .cls("filters"), Attr("method", "get"), Attr("action", action)) {
                    for f in filters { f.render(values: values, errors: FieldErrors()) }
                    el("button", .type("submit")) { "Показать" }
                }
            }
            if rows.isEmpty {
                UI.empty("Проведённых занятий в журнале пока нет.")
            } else {
                el("div", .cls("scroll")) {
                    el("table", .cls("list")) {
                        el("thead") {
                            el("tr") {
                                el("th") { "Педагог" }
                                for m in months { el("th") { m } }
                                el("th") { "Всего" }
                            }
                        }
                        el("tbody") {
                            for r in rows {
                                el("tr") {
                                    el("td") {
                                        if let u = r.url { el("a", .href(u)) { r.name } } else { r.name }
                                        if !r.note.isEmpty { el("div", .cls("muted")) { r.note } }
                                    }
                                    for h in r.months { el("td") { h == 0 ? "" : String(h) } }
                                    el("td") { el("strong") { String(r.total) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
