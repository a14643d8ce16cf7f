import Domain
import Foundation

/// One lesson's journal: its facts, and (for who may mark it) the topic, the hours delivered and each student's
/// attendance.
public struct LessonJournalPage: Sendable {
    public struct Row: Sendable {
        public var studentID: String
        public var name: String
        public var school: String
        public var status: AttendanceStatus?
        /// Agrees the marks' spoken labels («присутствовала»); given only where the student's full name is shown, so
        /// it tells nothing the name does not.
        public var sex: Sex?
        public init(studentID: String, name: String, school: String, status: AttendanceStatus?, sex: Sex? = nil) {
            self.studentID = studentID
            self.name = name
            self.school = school
            self.status = status
            self.sex = sex
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
    /// The page's own address: «Все присутствуют» asks it again with `all=present` (works without JavaScript).
    public var allPresentURL: String?
    /// The form was just filled with everyone present: say that nothing is saved yet.
    public var filledAllPresent: Bool

    public init(
        title: String, crumbs: [Crumb], facts: [(String, String)], action: String?, notice: String?, values: FormValues,
        errors: FieldErrors = FieldErrors(), rows: [Row], version: Int?, links: [(title: String, url: String)] = [],
        allPresentURL: String? = nil, filledAllPresent: Bool = false
    ) {
        self.title = title
        self.crumbs = crumbs
        self.facts = facts
        self.action = action
        self.notice = notice
        self.values = values
        self.errors = errors
        self.rows = rows
        self.version = version
        self.links = links
        self.allPresentURL = allPresentURL
        self.filledAllPresent = filledAllPresent
    }

    public static let mock = LessonJournalPage(
        title: "Журнал: Математика-10, 07.09.2026", crumbs: [], facts: [("Время", "15:00–16:40")],
        action: "/lessons/x/register", notice: nil,
        values: FormValues(single: ["topic": "Делимость", "hours": "2"]),
        rows: [
            Row(studentID: "s1", name: "Ёлкин Артём Ильич", school: "МБОУ «СОШ № 1»", status: .present, sex: .male)
        ],
        version: nil, allPresentURL: "/lessons/x")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in facts {
                        el("dt") { label }
                        el("dd") { value.isEmpty ? "—" : value }
                    }
                }
            }
            if !links.isEmpty {
                el("p", .cls("no-print")) {
                    for (i, link) in links.enumerated() {
                        if i > 0 { " · " }
                        el("a", .href(link.url)) { link.title }
                    }
                }
            }
            if let notice { el("div", .cls("warning"), Attr("role", "status")) { notice } }
            if let action {
                if let allPresentURL {
                    // A form of its own, so that Enter in the topic still saves the journal.
                    el("form", .id("all-present"), Attr("method", "get"), Attr("action", allPresentURL)) {
                        UI.hidden("all", AttendanceStatus.present.rawValue)
                    }
                }
                el(
                    "form", .cls("stacked wide"), Attr("method", "post"), Attr("action", action),
                    Attr("novalidate", "novalidate")
                ) {
                    Layout.csrf(ctx)
                    if let version { UI.hidden("version", String(version)) }
                    UI.formError(errors.isEmpty ? nil : "Журнал не сохранён: исправьте выделенные поля.")
                    FieldSpec("topic", "Тема занятия", required: true).render(values: values, errors: errors)
                    FieldSpec("hours", "Проведено академических часов", .number, required: true).render(
                        values: values, errors: errors)
                    if let error = errors["attendance"] { el("p", .cls("error"), .id("attendance-error")) { error } }
                    if allPresentURL != nil {
                        el("div", .cls("all-present")) {
                            el("button", .type("submit"), Attr("form", "all-present")) {
                                JournalWords.Lesson.allPresent
                            }
                            el("span", .cls("hint")) {
                                filledAllPresent
                                    ? JournalWords.Lesson.filledAllPresent : JournalWords.Lesson.allPresentHint
                            }
                        }
                    }
                    attendanceTable(editable: true)
                    el("div", .cls("actions")) { UI.submit("Сохранить журнал") }
                }
            } else if !rows.isEmpty {
                attendanceTable(editable: false)
            }
        }
    }

    func attendanceTable(editable: Bool) -> Node {
        el("table", .cls("list marks")) {
            el("thead") {
                el("tr") {
                    el("th") { "Обучающийся" }
                    el("th") { "Школа" }
                    for status in AttendanceStatus.allCases { el("th") { status.mark + " " + status.short } }
                }
            }
            el("tbody") {
                for student in rows {
                    el("tr") {
                        el("td", .cls("student")) { student.name }
                        el("td", .cls("school")) { student.school }
                        for status in AttendanceStatus.allCases {
                            el("td", .cls(editable || student.status == status ? "mark" : "mark off")) {
                                if editable {
                                    el("label", .cls("check chip")) {
                                        el(
                                            "input", .type("radio"), .name("a-" + student.studentID),
                                            .value(status.rawValue),
                                            .flag(
                                                "checked",
                                                (values["a-" + student.studentID] ?? student.status?.rawValue)
                                                    == status.rawValue),
                                            Attr("aria-label", student.name + ": " + status.title(for: student.sex)))
                                        el("span") {
                                            status.mark
                                            el("span", .cls("chip-word")) { " " + JournalWords.Lesson.chip(status) }
                                        }
                                    }
                                } else if student.status == status {
                                    "✓"
                                    el("span", .cls("chip-word")) { " " + status.mark + " " + status.short }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
