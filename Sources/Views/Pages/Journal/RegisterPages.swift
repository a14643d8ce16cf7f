import Foundation
import Domain

/// One lesson's register: its facts, and (for who may mark it) the topic, the hours delivered and each student's attendance.
public struct LessonRegisterPage: Sendable {
    public struct Row: Sendable {
        public var studentID: String
        public var name: String
        public var school: String
        public var status: AttendanceStatus?
        public init(studentID: String, name: String, school: String, status: AttendanceStatus?) {
            self.studentID = studentID; self.name = name; self.school = school; self.status = status
        }
    }

    public var title: String
    public var crumbs: [Crumb]
    public var facts: [(String, String)]
    public var action: String?
    /// Why the lesson cannot be marked now (in the future, cancelled), shown instead of the form.
    public var notice: String?
    public var values: FormValues
    public var errors: FieldErrors
    public var rows: [Row]
    public var version: Int?
    public var links: [(title: String, url: String)]

    public init(title: String, crumbs: [Crumb], facts: [(String, String)], action: String?, notice: String?, values: FormValues,
                errors: FieldErrors = FieldErrors(), rows: [Row], version: Int?, links: [(title: String, url: String)] = []) {
        self.title = title; self.crumbs = crumbs; self.facts = facts; self.action = action; self.notice = notice; self.values = values
        self.errors = errors; self.rows = rows; self.version = version; self.links = links
    }

    public static let mock = LessonRegisterPage(
        title: "Журнал: Математика-10, 07.09.2026", crumbs: [], facts: [("Время", "15:00–16:40")], action: "/lessons/x/register", notice: nil,
        values: FormValues(single: ["topic": "Делимость", "hours": "2"]),
        rows: [Row(studentID: "s1", name: "Ёлкин Артём Ильич", school: "МБОУ «СОШ № 1»", status: .present)], version: nil)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) { for (k, v) in facts { el("dt") { k }; el("dd") { v.isEmpty ? "—" : v } } }
            }
            if !links.isEmpty { el("p", .cls("no-print")) { for (i, l) in links.enumerated() { if i > 0 { " · " }; el("a", .href(l.url)) { l.title } } } }
            if let notice { el("div", .cls("warning"), Attr("role", "status")) { notice } }
            if let action {
                el("form", .cls("stacked wide"), Attr("method", "post"), Attr("action", action), Attr("novalidate", "novalidate")) {
                    Layout.csrf(ctx)
                    if let version { UI.hidden("version", String(version)) }
                    UI.formError(errors.isEmpty ? nil : "Журнал не сохранён: исправьте выделенные поля.")
                    FieldSpec("topic", "Тема занятия", required: true).render(values: values, errors: errors)
                    FieldSpec("hours", "Проведено академических часов", .number, required: true).render(values: values, errors: errors)
                    if let e = errors["attendance"] { el("p", .cls("error"), .id("attendance-error")) { e } }
                    attendanceTable(editable: true)
                    el("div", .cls("actions")) { UI.submit("Сохранить журнал") }
                }
            } else if !rows.isEmpty {
                attendanceTable(editable: false)
            }
        }
    }

    func attendanceTable(editable: Bool) -> Node {
        el("table", .cls("list")) {
            el("thead") { el("tr") {
                el("th") { "Обучающийся" }; el("th") { "Школа" }
                for s in AttendanceStatus.allCases { el("th") { s.mark + " " + s.short } }
            } }
            el("tbody") {
                for r in rows {
                    el("tr") {
                        el("td") { r.name }
                        el("td") { r.school }
                        for s in AttendanceStatus.allCases {
                            el("td") {
                                if editable {
                                    el("label", .cls("check")) {
                                        el("input", .type("radio"), .name("a-" + r.studentID), .value(s.rawValue),
                                           .flag("checked", (values["a-" + r.studentID] ?? r.status?.rawValue) == s.rawValue),
                                           Attr("aria-label", r.name + ": " + s.title))
                                        " " + s.mark
                                    }
                                } else { r.status == s ? "✓" : "" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A group's register for print: students by marked lessons, with attendance and hours.
public struct GroupRegisterPage: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var marks: [String]
        public var summary: String
        public init(name: String, marks: [String], summary: String) { self.name = name; self.marks = marks; self.summary = summary }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var facts: [(String, String)]
    public var lessons: [(title: String, url: String?)]
    public var topics: [String]
    public var rows: [Row]
    /// Past lessons not yet marked (date, the lesson's page where it is marked).
    public var pending: [(title: String, url: String)]
    public init(title: String, crumbs: [Crumb], facts: [(String, String)], lessons: [(title: String, url: String?)], topics: [String], rows: [Row],
                pending: [(title: String, url: String)] = []) {
        self.title = title; self.crumbs = crumbs; self.facts = facts; self.lessons = lessons; self.topics = topics; self.rows = rows
        self.pending = pending
    }

    public static let mock = GroupRegisterPage(title: "Журнал группы «Математика-10»", crumbs: [], facts: [("Часов проведено", "2 из 64")],
                                               lessons: [("07.09", "/lessons/x")], topics: ["Делимость"],
                                               rows: [Row(name: "Ёлкин Артём Ильич", marks: ["+"], summary: "100 % (2 из 2 ч)")])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) { el("dl", .cls("facts")) { for (k, v) in facts { el("dt") { k }; el("dd") { v } } } }
            if !pending.isEmpty {
                el("div", .cls("warning")) {
                    el("p") {
                        (pending.count == 1 ? "Прошедшее занятие не отмечено в журнале: " : "Прошедшие занятия не отмечены в журнале (\(pending.count)): ")
                        for (i, p) in pending.enumerated() { if i > 0 { ", " }; el("a", .href(p.url)) { p.title } }
                        "."
                    }
                }
            }
            if lessons.isEmpty { UI.empty("В журнале пока нет отмеченных занятий.") } else {
                el("p", .cls("muted")) { "«+» — присутствовал(а), «у» — отсутствовал(а) по уважительной причине, «н» — без уважительной причины." }
                el("div", .cls("scroll")) {
                    el("table", .cls("list register")) {
                        el("thead") { el("tr") {
                            el("th") { "Обучающийся" }
                            for l in lessons { el("th") { if let u = l.url { el("a", .href(u)) { l.title } } else { l.title } } }
                            el("th") { "Посещаемость" }
                        } }
                        el("tbody") {
                            for r in rows { el("tr") { el("td") { r.name }; for m in r.marks { el("td") { m } }; el("td") { r.summary } } }
                        }
                    }
                }
                el("h2") { "Темы занятий" }
                el("ol") { for (l, t) in zip(lessons, topics) { el("li") { l.title + " — " + t } } }
            }
        }
    }
}

/// Hours delivered by teachers per month — the basis of their payment, outside trainers included.
public struct TeacherHoursPage: Sendable {
    public struct Row: Sendable {
        public var name: String, url: String?, note: String, months: [Int], total: Int
        public init(name: String, url: String?, note: String, months: [Int], total: Int) {
            self.name = name; self.url = url; self.note = note; self.months = months; self.total = total
        }
    }
    public var title: String
    public var yearTitle: String
    public var months: [String]
    public var rows: [Row]
    public var filters: [FieldSpec]
    public var values: FormValues
    public var action: String
    public init(title: String, yearTitle: String, months: [String], rows: [Row], filters: [FieldSpec], values: FormValues, action: String) {
        self.title = title; self.yearTitle = yearTitle; self.months = months; self.rows = rows; self.filters = filters; self.values = values; self.action = action
    }

    public static let mock = TeacherHoursPage(title: "Часы педагогов", yearTitle: "2026/2027", months: ["сен"],
                                              rows: [Row(name: "Орлов Денис Андреевич", url: nil, note: "", months: [16], total: 16)],
                                              filters: [], values: FormValues(), action: "/hours")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title + " за " + yearTitle + " учебный год" }
            el("p", .cls("muted")) { "Академические часы, проведённые по журналу (основание для оплаты, включая педагогов-тренеров)." }
            if !filters.isEmpty {
                el("form", .cls("filters"), Attr("method", "get"), Attr("action", action)) {
                    for f in filters { f.render(values: values, errors: FieldErrors()) }
                    el("button", .type("submit")) { "Показать" }
                }
            }
            if rows.isEmpty { UI.empty("Проведённых занятий в журнале пока нет.") } else {
                el("div", .cls("scroll")) {
                    el("table", .cls("list")) {
                        el("thead") { el("tr") { el("th") { "Педагог" }; for m in months { el("th") { m } }; el("th") { "Всего" } } }
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

extension Stylesheet {
    public static let registerCSS = """
    form.stacked.wide { max-width: none; }
    .scroll { overflow-x: auto; }
    table.register td, table.register th { text-align: center; white-space: nowrap; }
    table.register td:first-child, table.register th:first-child { text-align: left; }
    """
}
