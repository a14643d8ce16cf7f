import Domain
import Foundation

/// A group's final attestation: one line per student with the form, passed or not, grade or score and date.
public struct ResultsPage: Sendable {
    public struct Row: Sendable {
        public var studentID: String, name: String, attendance: String
        /// The version of the student's result the form was made from (0: none yet), against lost updates.
        public var version: Int
        public init(studentID: String, name: String, attendance: String, version: Int = 0) {
            self.studentID = studentID
            self.name = name
            self.attendance = attendance
            self.version = version
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var intro: String
    public var action: String?
    public var notice: String?
    public var rows: [Row]
    public var values: FormValues
    public var errors: FieldErrors
    public init(
        title: String, crumbs: [Crumb], intro: String, action: String?, notice: String?, rows: [Row],
        values: FormValues, errors: FieldErrors = FieldErrors()
    ) {
        self.title = title
        self.crumbs = crumbs
        self.intro = intro
        self.action = action
        self.notice = notice
        self.rows = rows
        self.values = values
        self.errors = errors
    }

    public static let mock = ResultsPage(
        title: "Итоговая аттестация: Математика-10", crumbs: [], intro: "", action: "/groups/x/results", notice: nil,
        rows: [Row(studentID: "s1", name: "Ёлкин Артём Ильич", attendance: "90 %")],
        values: FormValues(single: ["form-s1": "credit", "passed-s1": "yes"]))

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { intro }
            if let notice { el("div", .cls("warning"), Attr("role", "status")) { notice } }
            if rows.isEmpty {
                UI.empty("В группе нет обучающихся.")
            } else {
                el(
                    "form", .cls("stacked wide"), Attr("method", "post"), Attr("action", action ?? ""),
                    Attr("novalidate", "novalidate")
                ) {
                    Layout.csrf(ctx)
                    UI.formError(errors.isEmpty ? nil : "Итоги не сохранены: исправьте выделенные поля.")
                    el("table", .cls("list")) {
                        el("thead") {
                            el("tr") {
                                for heading in [
                                    "Обучающийся", "Посещаемость", "Форма", "Результат", "Оценка или баллы", "Дата",
                                ] { el("th") { heading } }
                            }
                        }
                        el("tbody") {
                            for student in rows {
                                el("tr") {
                                    el("td") {
                                        student.name
                                        UI.hidden("v-" + student.studentID, String(student.version))
                                    }
                                    el("td") { student.attendance }
                                    cell(
                                        "form-" + student.studentID, student.name + ": форма",
                                        options: AttestationForm.allCases.map { ($0.rawValue, $0.title) }, empty: "—")
                                    cell(
                                        "passed-" + student.studentID, student.name + ": результат",
                                        options: [("yes", "зачтено"), ("no", "не зачтено")], empty: "—")
                                    input("grade-" + student.studentID, student.name + ": оценка")
                                    input(
                                        "day-" + student.studentID, student.name + ": дата", placeholder: "ДД.ММ.ГГГГ")
                                }
                            }
                        }
                    }
                    if action != nil { el("div", .cls("actions")) { UI.submit("Сохранить итоги") } }
                }
            }
        }
    }

    func cell(_ name: String, _ label: String, options: [(String, String)], empty: String) -> Node {
        el("td", .cls(errors[name] == nil ? "" : "has-error")) {
            el("select", .name(name), Attr("aria-label", label), .flag("disabled", action == nil)) {
                el("option", .value("")) { empty }
                for (value, title) in options {
                    el("option", .value(value), .flag("selected", values[name] == value)) { title }
                }
            }
            if let error = errors[name] { el("p", .cls("error")) { error } }
        }
    }

    func input(_ name: String, _ label: String, placeholder: String? = nil) -> Node {
        el("td", .cls(errors[name] == nil ? "" : "has-error")) {
            el(
                "input", .type("text"), .name(name), .value(values[name] ?? ""), Attr("aria-label", label),
                Attr("size", "10"),
                Attr("placeholder", placeholder), .flag("disabled", action == nil))
            if let error = errors[name] { el("p", .cls("error")) { error } }
        }
    }
}
