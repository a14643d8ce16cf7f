import Foundation
import Domain

/// One lesson as the timetable views show it.
public struct LessonEntry: Sendable {
    public var time: String
    public var title: String
    public var url: String?
    public var lines: [String]
    public var cancelled: Bool
    public init(time: String, title: String, url: String?, lines: [String], cancelled: Bool) {
        self.time = time; self.title = title; self.url = url; self.lines = lines; self.cancelled = cancelled
    }
}

/// A week of someone's or something's lessons (a teacher, a student, a centre's rooms), Monday to Sunday.
public struct WeekPage: Sendable {
    public struct Day: Sendable {
        public var title: String
        public var entries: [LessonEntry]
        public init(title: String, entries: [LessonEntry]) { self.title = title; self.entries = entries }
    }

    public var title: String
    public var crumbs: [Crumb]
    public var weekTitle: String
    public var previousURL: String
    public var nextURL: String
    public var days: [Day]
    public var links: [(title: String, url: String)]
    public var emptyText: String

    public init(title: String, crumbs: [Crumb], weekTitle: String, previousURL: String, nextURL: String, days: [Day],
                links: [(title: String, url: String)] = [], emptyText: String) {
        self.title = title; self.crumbs = crumbs; self.weekTitle = weekTitle; self.previousURL = previousURL; self.nextURL = nextURL
        self.days = days; self.links = links; self.emptyText = emptyText
    }

    public static let mock = WeekPage(
        title: "Расписание педагога: Орлов Денис Андреевич", crumbs: [], weekTitle: "07.09.2026 — 13.09.2026", previousURL: "?week=2026-08-31",
        nextURL: "?week=2026-09-14",
        days: [Day(title: "понедельник, 07.09.2026", entries: [LessonEntry(time: "15:00–16:40", title: "Математика-10", url: "/groups/x/timetable",
                                                                          lines: ["МБОУ «Гимназия № 2», кабинет 12"], cancelled: false)])],
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
            if !links.isEmpty { el("p", .cls("no-print")) { for (i, l) in links.enumerated() { if i > 0 { " · " }; el("a", .href(l.url)) { l.title } } } }
            if days.allSatisfy({ $0.entries.isEmpty }) { UI.empty(emptyText) }
            el("div", .cls("week")) {
                for d in shown {
                    el("section", .cls("day")) {
                        el("h2") { d.title }
                        if d.entries.isEmpty { el("p", .cls("muted")) { "Занятий нет" } }
                        for e in d.entries { LessonEntry.node(e) }
                    }
                }
            }
        }
    }
}

extension LessonEntry {
    static func node(_ e: LessonEntry) -> Node {
        el("div", .cls(e.cancelled ? "lesson cancelled" : "lesson")) {
            el("div", .cls("time")) { e.time + (e.cancelled ? " — отменено" : "") }
            if let url = e.url { el("a", .href(url)) { e.title } } else { el("strong") { e.title } }
            for l in e.lines { el("div", .cls("muted")) { l } }
        }
    }
}

/// The network's monthly schedule as the authority publishes it (`002_f5d848fa5a191e3f.txt`: the monthly plan
/// carries the schedule of the network's profile courses): by date, centre, programme, teacher and room.
public struct MonthSchedulePage: Sendable {
    public struct Row: Sendable {
        public var date: String, time: String, center: String, program: String, group: String, teacher: String, room: String
        public var cancelled: Bool
        public init(date: String, time: String, center: String, program: String, group: String, teacher: String, room: String, cancelled: Bool) {
            self.date = date; self.time = time; self.center = center; self.program = program; self.group = group
            self.teacher = teacher; self.room = room; self.cancelled = cancelled
        }
    }

    public var monthTitle: String
    public var month: String
    /// The months to choose from («2026-09» → «сентябрь 2026»).
    public var months: [(value: String, title: String)]
    public var centers: [(value: String, title: String)]
    public var center: String?
    public var previousURL: String
    public var nextURL: String
    public var xlsxURL: String
    public var rows: [Row]

    public init(monthTitle: String, month: String, months: [(value: String, title: String)], centers: [(value: String, title: String)], center: String?,
                previousURL: String, nextURL: String, xlsxURL: String, rows: [Row]) {
        self.monthTitle = monthTitle; self.month = month; self.months = months; self.centers = centers; self.center = center
        self.previousURL = previousURL; self.nextURL = nextURL; self.xlsxURL = xlsxURL; self.rows = rows
    }

    public static let mock = MonthSchedulePage(monthTitle: "сентябрь 2026", month: "2026-09", months: [("2026-09", "сентябрь 2026")], centers: [], center: nil, previousURL: "?month=2026-08",
                                               nextURL: "?month=2026-10", xlsxURL: "/schedule.xlsx?month=2026-09",
                                               rows: [Row(date: "пн, 07.09.2026", time: "15:00–16:40", center: "МБОУ «Гимназия № 2»", program: "Олимпиадная математика",
                                                          group: "Математика-10", teacher: "Орлов Денис Андреевич", room: "Кабинет 12", cancelled: false)])

    public static let header = ["Дата", "Время", "Ресурсный центр", "Программа", "Группа", "Педагог", "Кабинет"]

    public func render(_ ctx: PageContext) -> String {
        let title = "Расписание сети на " + monthTitle
        var values = FormValues(single: ["month": month])
        values["center"] = center
        return Layout.page(ctx, title: title, crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Расписание сети")]) {
            el("h1") { title }
            el("p", .cls("muted")) { "Занятия сетевых курсов в ресурсных центрах: публикуется в плане работы органа управления образованием на месяц." }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.schedule.path)) {
                FieldSpec("month", "Месяц", .select(months, empty: nil)).render(values: values, errors: FieldErrors())
                FieldSpec("center", "Ресурсный центр", .select(centers, empty: "Все центры")).render(values: values, errors: FieldErrors())
                el("button", .type("submit")) { "Показать" }
            }
            el("nav", .cls("weeknav no-print")) {
                el("a", .href(previousURL)) { "← предыдущий месяц" }
                el("a", .href(nextURL)) { "следующий месяц →" }
                el("a", .href(xlsxURL)) { "Скачать XLSX" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(rows.count, "занятие", "занятия", "занятий") }
            if rows.isEmpty { UI.empty("В этом месяце занятий нет.") } else {
                el("table", .cls("list")) {
                    el("thead") { el("tr") { for h in Self.header { el("th") { h } } } }
                    el("tbody") {
                        for r in rows {
                            el("tr", .cls(r.cancelled ? "cancelled" : "")) {
                                el("td") { r.date }
                                el("td") { r.time + (r.cancelled ? " (отменено)" : "") }
                                el("td") { r.center }
                                el("td") { r.program }
                                el("td") { r.group }
                                el("td") { r.teacher.isEmpty ? "—" : r.teacher }
                                el("td") { r.room.isEmpty ? "—" : r.room }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Stylesheet {
    /// The timetable's week grid and lesson boxes.
    public static let timetableCSS = """
    .weeknav { display: flex; gap: 1.2rem; align-items: baseline; margin: .4rem 0 .8rem; flex-wrap: wrap; }
    .week { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; }
    .week .day { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .6rem; }
    .week .day h2 { font-size: .95rem; margin: 0 0 .4rem; }
    .lesson { border-left: 4px solid var(--accent); background: #f3f7fc; padding: .3rem .5rem; margin-bottom: .4rem; font-size: .92rem; }
    .lesson .time { font-weight: 600; }
    .lesson.cancelled, tr.cancelled td { text-decoration: line-through; color: var(--muted); }
    .lesson.cancelled { border-left-color: #aab4c2; background: #f4f4f4; }
    @media print { .week { grid-template-columns: repeat(3, 1fr); } .week .day { break-inside: avoid; } }
    """
}
