import Domain
import Foundation

/// Scores of one diagnostic work, a line per student; an empty field means the student did not write it.
public struct ScoresPage: Sendable {
    public struct Row: Sendable {
        public var studentID: String, name: String
        public init(studentID: String, name: String) {
            self.studentID = studentID
            self.name = name
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var intro: String
    public var action: String?
    public var rows: [Row]
    public var values: FormValues
    public var errors: FieldErrors
    public var version: Int
    public init(
        title: String, crumbs: [Crumb], intro: String, action: String?, rows: [Row], values: FormValues,
        errors: FieldErrors = FieldErrors(), version: Int = 0
    ) {
        self.title = title
        self.crumbs = crumbs
        self.intro = intro
        self.action = action
        self.rows = rows
        self.values = values
        self.errors = errors
        self.version = version
    }

    public static let mock = ScoresPage(
        title: "Входная диагностика", crumbs: [Crumb("Группы", "/groups")],
        intro: "Информатика-10, 15.09.2026, максимум 10 б. Пустое поле — не писал(а).",
        action: "/groups/00000000-0000-0000-0000-000000000001/diagnostics/1",
        rows: [
            Row(studentID: "00000000-0000-0000-0000-0000000000b1", name: "Берестова Алина Игоревна"),
            Row(studentID: "00000000-0000-0000-0000-0000000000b2", name: "Обучающийся № 17"),
        ],
        values: FormValues(single: ["s-00000000-0000-0000-0000-0000000000b1": "8"]), version: 1)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { intro }
            el(
                "form", .cls("stacked"), Attr("method", "post"), Attr("action", action ?? ""),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                UI.formError(errors.isEmpty ? nil : "Баллы не сохранены: исправьте выделенные поля.")
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Обучающийся" }
                            el("th") { "Баллы" }
                        }
                    }
                    el("tbody") {
                        for student in rows {
                            let name = "s-" + student.studentID
                            el("tr") {
                                el("td") { student.name }
                                el("td", .cls(errors[name] == nil ? "" : "has-error")) {
                                    el(
                                        "input", .type("number"), .name(name), .value(values[name] ?? ""),
                                        Attr("aria-label", student.name + ": баллы"),
                                        Attr("min", "0"), .flag("disabled", action == nil))
                                    if let error = errors[name] { el("p", .cls("error")) { error } }
                                }
                            }
                        }
                    }
                }
                if action != nil { el("div", .cls("actions")) { UI.submit("Сохранить баллы") } }
            }
        }
    }
}
