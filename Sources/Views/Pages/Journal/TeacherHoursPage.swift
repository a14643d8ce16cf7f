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
                    for filter in filters { filter.render(values: values, errors: FieldErrors()) }
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
                                for month in months { el("th") { month } }
                                el("th") { "Всего" }
                            }
                        }
                        el("tbody") {
                            for teacher in rows {
                                el("tr") {
                                    el("td") {
                                        if let url = teacher.url {
                                            el("a", .href(url)) { teacher.name }
                                        } else {
                                            teacher.name
                                        }
                                        if !teacher.note.isEmpty { el("div", .cls("muted")) { teacher.note } }
                                    }
                                    for hours in teacher.months { el("td") { hours == 0 ? "" : String(hours) } }
                                    el("td") { el("strong") { String(teacher.total) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
