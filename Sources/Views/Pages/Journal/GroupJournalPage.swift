import Domain
import Foundation

/// A group's journal for print: students by marked lessons, with attendance and hours.
public struct GroupJournalPage: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var marks: [String]
        public var summary: String
        public init(name: String, marks: [String], summary: String) {
            self.name = name
            self.marks = marks
            self.summary = summary
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var facts: [(String, String)]
    public var lessons: [(title: String, url: String?)]
    public var topics: [String]
    public var rows: [Row]
    /// Past lessons not yet marked (date, the lesson's page where it is marked).
    public var pending: [(title: String, url: String)]
    public init(
        title: String, crumbs: [Crumb], facts: [(String, String)], lessons: [(title: String, url: String?)],
        topics: [String], rows: [Row],
        pending: [(title: String, url: String)] = []
    ) {
        self.title = title
        self.crumbs = crumbs
        self.facts = facts
        self.lessons = lessons
        self.topics = topics
        self.rows = rows
        self.pending = pending
    }

    public static let mock = GroupJournalPage(
        title: "Журнал группы «Математика-10»", crumbs: [], facts: [("Часов проведено", "2 из 64")],
        lessons: [("07.09", "/lessons/x")], topics: ["Делимость"],
        rows: [Row(name: "Ёлкин Артём Ильич", marks: ["+"], summary: "100 % (2 из 2 ч)")])

    /// The sentence before the list of past lessons not yet marked.
    var pendingLead: String {
        pending.count == 1
            ? "Прошедшее занятие не отмечено в журнале: "
            : "Прошедшие занятия не отмечены в журнале (\(pending.count)): "
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in facts {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            if !pending.isEmpty {
                el("div", .cls("warning")) {
                    el("p") {
                        pendingLead
                        for (i, lesson) in pending.enumerated() {
                            if i > 0 { ", " }
                            el("a", .href(lesson.url)) { lesson.title }
                        }
                        "."
                    }
                }
            }
            if lessons.isEmpty {
                UI.empty("В журнале пока нет отмеченных занятий.")
            } else {
                el("p", .cls("muted")) {
                    "«+» — присутствовал(а), «у» — отсутствовал(а) по уважительной причине, «н» — без уважительной "
                        + "причины."
                }
                el("div", .cls("scroll")) {
                    el("table", .cls("list register")) {
                        el("thead") {
                            el("tr") {
                                el("th") { "Обучающийся" }
                                for lesson in lessons {
                                    el("th") {
                                        if let url = lesson.url {
                                            el("a", .href(url)) { lesson.title }
                                        } else {
                                            lesson.title
                                        }
                                    }
                                }
                                el("th") { "Посещаемость" }
                            }
                        }
                        el("tbody") {
                            for student in rows {
                                el("tr") {
                                    el("td") { student.name }
                                    for mark in student.marks { el("td") { mark } }
                                    el("td") { student.summary }
                                }
                            }
                        }
                    }
                }
                el("h2") { "Темы занятий" }
                el("ol") { for (lesson, topic) in zip(lessons, topics) { el("li") { lesson.title + " — " + topic } } }
            }
        }
    }
}
