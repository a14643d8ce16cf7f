import Domain
import Foundation

/// A registry list: filters, count, sortable table, pagination.
public struct RegistryList: Sendable {
    public var title: String
    public var area: Registry
    public var query: ListQuery
    public var filters: [FieldSpec]
    public var columns: [Column]
    public var rows: [[Cell]]
    public var total: Int
    public var noun: (String, String, String)
    public var createTitle: String?
    public var warnings: [String]
    public var emptyText: String
    /// Where the filter form goes when the list is not the section's own (e.g. a search within a group).
    public var searchAction: String?
    /// Further actions beside «create» (e.g. «Загрузить из файла»).
    public var links: [(title: String, url: String)] = []
    /// A line under the title that says what the list is (the databank's entry rule).
    public var intro: String?

    public init(
        title: String, area: Registry, query: ListQuery, filters: [FieldSpec], columns: [Column], rows: [[Cell]],
        total: Int, noun: (String, String, String), createTitle: String?, warnings: [String] = [], emptyText: String
    ) {
        self.title = title
        self.area = area
        self.query = query
        self.filters = filters
        self.columns = columns
        self.rows = rows
        self.total = total
        self.noun = noun
        self.createTitle = createTitle
        self.warnings = warnings
        self.emptyText = emptyText
    }

    public static let mock = RegistryList(
        title: "Кабинеты", area: .rooms, query: ListQuery(sort: "name"),
        filters: [FieldSpec("q", "Поиск", .text("search"))],
        columns: [Column("Кабинет", sort: "name"), Column("Вместимость")],
        rows: [[.link("Кабинет № 12", "/rooms/x"), .text("25")]],
        total: 1, noun: ("кабинет", "кабинета", "кабинетов"), createTitle: "Добавить кабинет",
        emptyText: "Кабинетов нет.")

    public func render(_ ctx: PageContext) -> String {
        let base = SiteURL.list(area)
        var filterValues = FormValues(single: query.filters)
        filterValues["q"] = query.q
        return Layout.page(ctx, title: title, crumbs: [Crumb("Реестр"), Crumb(title)]) {
            el("h1") { title }
            if let intro { el("p", .cls("muted")) { intro } }
            for warning in warnings { el("div", .cls("warning"), Attr("role", "status")) { warning } }
            if createTitle != nil || !links.isEmpty {
                el("div", .cls("actions")) {
                    if let createTitle {
                        el("a", .cls("button primary"), .href(SiteURL.new(area).path)) { createTitle }
                    }
                    for link in links { el("a", .cls("button"), .href(link.url)) { link.title } }
                }
            }
            if !filters.isEmpty {
                el(
                    "form", .cls("filters"), Attr("method", "get"), Attr("action", searchAction ?? base.path),
                    Attr("role", "search")
                ) {
                    for filter in filters { filter.render(values: filterValues, errors: FieldErrors()) }
                    UI.hidden("sort", query.sort)
                    el("button", .type("submit")) { "Найти" }
                }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, noun.0, noun.1, noun.2) }
            if rows.isEmpty {
                UI.empty(query.q.isEmpty ? emptyText : "По запросу «\(query.q)» ничего не найдено.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in columns {
                                if let key = column.sortKey {
                                    UI.sortHeader(column.title, key: key, current: query, base: base)
                                } else {
                                    el("th") { column.title }
                                }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows { el("tr") { for cell in row { el("td") { cell.node } } } }
                    }
                }
            }
            UI.pagination(query, total: total, base: base)
        }
    }
}
