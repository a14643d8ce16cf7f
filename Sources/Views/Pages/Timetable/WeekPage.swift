import Domain
import Foundation

/// A week of someone's or something's lessons (a teacher, a student, a centre's rooms), Monday to Sunday.
public struct WeekPage: Sendable {
    public struct Day: Sendable {
        public var title: String
        public var entries: [LessonEntry]
        public init(title: String, entries: [LessonEntry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var title: String
    public var crumbs: [Crumb]
    public var weekTitle: String
    public var previousURL: String
    public var nextURL: String
    public var days: [Day]
    public var links: [(title: String, url: String)]
    public var emptyText: String

    public init(
        title: String, crumbs: [Crumb], weekTitle: String, previousURL: String, nextURL: String, days: [Day],
        links: [(title: String, url: String)] = [], emptyText: String
    ) {
        self.title = title
        self.crumbs = crumbs
        self.weekTitle = weekTitle
        self.previousURL = previousURL
        self.nextURL = nextURL
        self.days = days
        self.links = links
        self.emptyText = emptyText
    }

    public static let mock = WeekPage(
        title: "Расписание педагога: Орлов Денис Андреевич", crumbs: [], weekTitle: "07.09.2026 — 13.09.2026",
        previousURL: "?week=2026-08-31",
        nextURL: "?week=2026-09-14",
        days: [
            Day(
                title: "понедельник, 07.09.2026",
                entries: [
                    LessonEntry(
                        time: "15:00–16:40", title: "Математика-10", url: "/groups/x/timetable",
                        lines: ["МБОУ «Гимназия № 2», кабинет 12"], cancelled: false)
                ])
        ],
        emptyText: "На этой неделе занятий нет.")

    public func render(_ ctx: PageContext) -> String {
        let shown = days.enumerated().filter { $0.offset < 5 || !$0.element.entries.isEmpty }.map(\.element)
        return Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("nav", .cls("weeknav"), Attr("aria-label", "Недели")) {
                el("a", .href(previousURL)) { "← предыдущая неделя" }
                el("strong") { weekTitle }
                el("a", .href(nextURL)) { "следующая неделя →" }
            }
            if !links.isEmpty {
                el("p", .cls("no-print")) {
                    for (i, link) in links.enumerated() {
                        if i > 0 { " · " }
                        el("a", .href(link.url)) { link.title }
                    }
                }
            }
            if days.allSatisfy({ $0.entries.isEmpty }) { UI.empty(emptyText) }
            el("div", .cls("week")) {
                for day in shown {
                    el("section", .cls("day")) {
                        el("h2") { day.title }
                        if day.entries.isEmpty { el("p", .cls("muted")) { "Занятий нет" } }
                        for entry in day.entries { LessonEntry.node(entry) }
                    }
                }
            }
        }
    }
}
