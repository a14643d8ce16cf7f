import Domain
import Foundation

/// A registry record's card: facts, actions, related lists and history.
public struct RegistryCard: Sendable {
    public enum Action: Sendable {
        case link(String, String, primary: Bool)
        case post(String, String)
    }
    public struct Section: Sendable {
        public var title: String
        public var columns: [String]
        public var rows: [[Cell]]
        public var emptyText: String
        public init(title: String, columns: [String], rows: [[Cell]], emptyText: String) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.emptyText = emptyText
        }

        public var node: Node {
            fragment {
                el("h2") { title }
                if rows.isEmpty {
                    UI.empty(emptyText)
                } else {
                    // Stacked on a phone: each cell under its column's name.
                    el("table", .cls("list stack")) {
                        el("thead") { el("tr") { for column in columns { el("th") { column } } } }
                        el("tbody") {
                            for row in rows {
                                el("tr") {
                                    for (index, cell) in row.enumerated() {
                                        el("td", Attr("data-label", index < columns.count ? columns[index] : nil)) {
                                            cell.node
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public var title: String
    public var area: Registry
    public var status: RecordStatus?
    public var facts: [(String, String)]
    public var actions: [Action]
    public var warnings: [String]
    public var sections: [Section]
    public var history: [HistoryLine]?
    /// The trail before the title; nil: the registry's list (for a reader who may not open that list, give another).
    public var crumbs: [Crumb]?

    public init(
        title: String, area: Registry, status: RecordStatus?, facts: [(String, String)], actions: [Action],
        warnings: [String] = [], sections: [Section] = [], history: [HistoryLine]?
    ) {
        self.title = title
        self.area = area
        self.status = status
        self.facts = facts
        self.actions = actions
        self.warnings = warnings
        self.sections = sections
        self.history = history
    }

    public static let mock = RegistryCard(
        title: "Кабинет № 12", area: .rooms, status: .active, facts: [("Вместимость", "25")],
        actions: [.link("Изменить", "/rooms/x/edit", primary: true)], history: [])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: title,
            crumbs: (crumbs ?? [Crumb(MenuArea.registry(area).title, SiteURL.list(area).path)]) + [Crumb(title)]
        ) {
            el("h1") {
                title
                if let status {
                    " "
                    UI.badge(status)
                }
            }
            for warning in warnings { el("div", .cls("warning"), Attr("role", "status")) { warning } }
            if !actions.isEmpty {
                el("div", .cls("actions")) {
                    for action in actions {
                        switch action {
                        case .link(let title, let url, let primary):
                            el("a", .cls(primary ? "button primary" : "button"), .href(url)) { title }
                        case .post(let title, let url):
                            el("form", Attr("method", "post"), Attr("action", url), .cls("inline")) {
                                Layout.csrf(ctx)
                                el("button", .type("submit")) { title }
                            }
                        }
                    }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in facts {
                        el("dt") { label }
                        el("dd") { value.isEmpty ? "—" : value }
                    }
                }
            }
            for section in sections { section.node }
            if let history {
                el("h2") { "История изменений" }
                if history.isEmpty {
                    UI.empty("Изменений пока не было.")
                } else {
                    HistoryLine.table(history, showEntity: false)
                }
            }
        }
    }
}
