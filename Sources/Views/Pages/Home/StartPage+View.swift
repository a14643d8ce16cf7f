import Domain
import Foundation

extension StartPage {
    /// The whole page.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: StartWords.title) {
            el("h1") { StartWords.greeting(userName) }
            if sections.isEmpty { UI.empty(StartWords.noRoles) }
            for section in sections { Self.section(section, single: sections.count == 1) }
        }
    }

    static func section(_ section: Section, single: Bool) -> Node {
        el("section", .cls("start")) {
            if !single || section.isPerson { el("h2") { section.title } }
            if !section.figures.isEmpty {
                el("div", .cls("figures")) {
                    for figure in section.figures {
                        el("a", .cls("figure"), .href(figure.url)) {
                            el("span", .cls("value")) { figure.value }
                            el("span", .cls("label")) { StartWords.figure(figure.kind) }
                            if !figure.detail.isEmpty { el("span", .cls("muted")) { figure.detail } }
                        }
                    }
                }
            }
            let waiting = section.tasks.filter { $0.total > 0 }
            if !section.tasks.isEmpty {
                el("h3") { StartWords.waiting }
                if waiting.isEmpty {
                    UI.empty(StartWords.nothingWaiting)
                } else {
                    el("ul", .cls("tasks")) { for task in waiting { Self.task(task) } }
                }
            }
            if let week = section.week { Self.week(week) }
            for record in section.records {
                el("h3") { StartWords.task(record.kind) }
                if record.items.isEmpty { UI.empty(StartWords.noRecords(record.kind)) } else { Self.items(record) }
            }
            if !section.links.isEmpty {
                el("p", .cls("actions")) {
                    for link in section.links { el("a", .cls("button"), .href(link.url)) { link.title } }
                }
            }
        }
    }

    static func task(_ task: Task) -> Node {
        el("li", .cls("task")) {
            el("div", .cls("task-head")) {
                if let more = task.moreURL {
                    el("a", .href(more)) { StartWords.task(task.kind) }
                } else {
                    el("strong") { StartWords.task(task.kind) }
                }
                el("span", .cls("count")) { String(task.total) }
            }
            items(task)
        }
    }

    /// A task's first records, and the way to all of them.
    static func items(_ task: Task) -> Node {
        el("div") {
            if !task.items.isEmpty {
                el("ul") {
                    for item in task.items {
                        el("li") {
                            el("a", .href(item.url)) { item.title }
                            if !item.detail.isEmpty { el("span", .cls("muted")) { " — " + item.detail } }
                        }
                    }
                }
            }
            if task.total > task.items.count, let more = task.moreURL {
                el("a", .cls("more"), .href(more)) { StartWords.more(task.total - task.items.count) }
            }
        }
    }

    static func week(_ week: Week) -> Node {
        el("div", .cls("start-week")) {
            el("h3") {
                el("a", .href(week.url)) { StartWords.week }
                el("span", .cls("muted")) { " " + week.title }
            }
            if week.days.isEmpty {
                UI.empty(StartWords.noLessons)
            } else {
                for day in week.days {
                    el("div", .cls(day.isToday ? "start-day today" : "start-day")) {
                        el("h4") { (day.isToday ? StartWords.today + ", " : "") + day.title }
                        for entry in day.entries { LessonEntry.node(entry) }
                    }
                }
            }
        }
    }
}
