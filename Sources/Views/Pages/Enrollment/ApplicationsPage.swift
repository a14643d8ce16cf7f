import Domain
import Foundation

/// Applications (ИУП) as panels: «Мои заявки» of a student or guardian, or one application's page.
public struct ApplicationsPage: Sendable {
    public struct Panel: Sendable {
        public var title: String
        public var url: String?
        public var facts: [(String, String)]
        public var choices: RegistryCard.Section
        public var actions: [RegistryCard.Action]
        public init(
            title: String, url: String?, facts: [(String, String)], choices: RegistryCard.Section,
            actions: [RegistryCard.Action]
        ) {
            self.title = title
            self.url = url
            self.facts = facts
            self.choices = choices
            self.actions = actions
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var intro: String?
    public var open: [(title: String, url: String)]
    public var panels: [Panel]
    public var emptyText: String
    public var printable: Bool

    public init(
        title: String, crumbs: [Crumb], intro: String?, open: [(title: String, url: String)], panels: [Panel],
        emptyText: String, printable: Bool = false
    ) {
        self.title = title
        self.crumbs = crumbs
        self.intro = intro
        self.open = open
        self.panels = panels
        self.emptyText = emptyText
        self.printable = printable
    }

    public static let mock = ApplicationsPage(
        title: "Мои заявки", crumbs: [], intro: "Заявки на сетевые курсы этого учебного года.",
        open: [(title: "Подать заявку: запись на 2026/2027", url: "/applications/new")],
        panels: [
            Panel(
                title: "ИУП: Ёлкин Артём Ильич", url: "/applications/00000000-0000-0000-0000-000000000001",
                facts: [("Кампания", "Запись на 2026/2027"), ("Состояние", "подтверждена школой")],
                choices: RegistryCard.Section(
                    title: "Курсы по приоритету", columns: ["№", "Курс", "Место"],
                    rows: [[.text("1"), .text("Информатика-10"), .tag("зачислен", "active")]],
                    emptyText: "Курсы не выбраны."),
                actions: [
                    .link("Распечатать ИУП", "/applications/00000000-0000-0000-0000-000000000001/iup", primary: false)
                ])
        ],
        emptyText: "Заявок пока нет.")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            if let intro { el("p", .cls("muted")) { intro } }
            if !open.isEmpty {
                el("div", .cls("actions no-print")) {
                    for link in open { el("a", .cls("button primary"), .href(link.url)) { link.title } }
                }
            }
            if panels.isEmpty { UI.empty(emptyText) }
            for panel in panels {
                el("section", .cls("panel")) {
                    el("h2") { if let url = panel.url { el("a", .href(url)) { panel.title } } else { panel.title } }
                    el("dl", .cls("facts")) {
                        for (label, value) in panel.facts {
                            el("dt") { label }
                            el("dd") { value }
                        }
                    }
                    panel.choices.node
                    if !panel.actions.isEmpty {
                        el("div", .cls("actions no-print")) {
                            for action in panel.actions {
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
                }
            }
            if printable {
                el("p", .cls("muted no-print")) {
                    "Для печати используйте печать браузера (Ctrl+P): меню и кнопки на бумагу не попадут."
                }
            }
        }
    }
}
