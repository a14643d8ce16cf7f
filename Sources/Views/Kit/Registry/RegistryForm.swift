import Domain
import Foundation

/// A registry record's create or edit form.
public struct RegistryForm: Sendable {
    public var title: String
    public var crumbs: [Crumb]
    public var action: String
    public var cancelURL: String
    public var fields: [FieldSpec]
    public var values: FormValues
    public var errors: FieldErrors
    public var version: Int?
    public var conflict: String?
    public var intro: String?
    /// Lines under the conflict message (e.g. the timetable's clashes, each with its dates).
    public var alerts: [String]
    public var submitTitle: String

    public init(
        title: String, crumbs: [Crumb], action: String, cancelURL: String, fields: [FieldSpec], values: FormValues,
        errors: FieldErrors = FieldErrors(), version: Int? = nil, conflict: String? = nil, intro: String? = nil,
        alerts: [String] = [], submitTitle: String = "Сохранить"
    ) {
        self.title = title
        self.crumbs = crumbs
        self.action = action
        self.cancelURL = cancelURL
        self.fields = fields
        self.values = values
        self.errors = errors
        self.version = version
        self.conflict = conflict
        self.intro = intro
        self.alerts = alerts
        self.submitTitle = submitTitle
    }

    public static let mock = RegistryForm(
        title: "Новый кабинет", crumbs: [Crumb("Кабинеты", "/rooms")], action: "/rooms/new",
        cancelURL: "/rooms",
        fields: [
            FieldSpec("name", "Название", required: true),
            FieldSpec("capacity", "Вместимость", .number),
        ],
        values: FormValues(single: ["name": "Кабинет № 12"]))

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            if let intro { el("p", .cls("muted")) { intro } }
            el(
                "form", .cls("stacked"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let version { UI.hidden("version", String(version)) }
                if let conflict {
                    el("div", .cls("warning"), Attr("role", "alert")) {
                        el("p") { conflict }
                        if !alerts.isEmpty { el("ul") { for alert in alerts { el("li") { alert } } } }
                    }
                }
                UI.formError(errors[""] ?? (errors.isEmpty ? nil : "Запись не сохранена: исправьте выделенные поля."))
                for field in fields { field.render(values: values, errors: errors) }
                el("div", .cls("actions")) {
                    UI.submit(submitTitle)
                    el("a", .href(cancelURL)) { "Отмена" }
                }
            }
        }
    }
}
