import Foundation
import Domain

/// One field of a registry form or filter bar.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case text(String)
        case textarea
        case select([(value: String, title: String)], empty: String?)
        /// A group of checkboxes; the form sends the name once per ticked value.
        case checkboxes([(value: String, title: String)])
        case date
        case number
    }

    public var name: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var hint: String?

    public init(_ name: String, _ label: String, _ kind: Kind = .text("text"), required: Bool = false, hint: String? = nil) {
        self.name = name; self.label = label; self.kind = kind; self.required = required; self.hint = hint
    }

    func render(values: FormValues, errors: FieldErrors) -> Node {
        switch kind {
        case .text(let type):
            return UI.textField(name, label, value: values[name], errors: errors, type: type, required: required, hint: hint)
        case .date:
            return UI.textField(name, label, value: values[name], errors: errors, type: "text", required: required,
                                hint: hint ?? "В виде ДД.ММ.ГГГГ, например 01.09.2025.", placeholder: "ДД.ММ.ГГГГ")
        case .number:
            return UI.textField(name, label, value: values[name], errors: errors, type: "number", required: required, hint: hint)
        case .select(let options, let empty):
            return UI.selectField(name, label, options: options, selected: values[name], errors: errors, required: required, includeEmpty: empty)
        case .textarea:
            let error = errors[name]
            return el("div", .cls(error == nil ? "field" : "field has-error")) {
                el("label", .for(name)) { label }
                el("textarea", .id(name), .name(name), Attr("rows", "4")) { values[name] ?? "" }
                if let hint { el("p", .cls("hint")) { hint } }
                if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
            }
        case .checkboxes(let options):
            let error = errors[name]
            let chosen = Set(values.all(name))
            return el("fieldset", .cls(error == nil ? "field checks" : "field checks has-error")) {
                el("legend") {
                    label
                    if required { el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
                }
                for (i, o) in options.enumerated() {
                    el("label", .cls("check")) {
                        el("input", .type("checkbox"), .name(name), .value(o.value), .id("\(name)-\(i)"), .flag("checked", chosen.contains(o.value)))
                        " " + o.title
                    }
                }
                if let hint { el("p", .cls("hint")) { hint } }
                if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
            }
        }
    }
}

/// Form values: one or several strings per field name.
public struct FormValues: Sendable {
    public var values: [String: [String]]
    public init(_ values: [String: [String]] = [:]) { self.values = values }
    public init(single: [String: String]) { self.values = single.mapValues { [$0] } }
    public subscript(name: String) -> String? {
        get { values[name]?.first }
        set { values[name] = newValue.map { [$0] } }
    }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
}

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

    public init(title: String, crumbs: [Crumb], action: String, cancelURL: String, fields: [FieldSpec], values: FormValues,
                errors: FieldErrors = FieldErrors(), version: Int? = nil, conflict: String? = nil, intro: String? = nil,
                alerts: [String] = [], submitTitle: String = "Сохранить") {
        self.title = title; self.crumbs = crumbs; self.action = action; self.cancelURL = cancelURL; self.fields = fields
        self.values = values; self.errors = errors; self.version = version; self.conflict = conflict; self.intro = intro
        self.alerts = alerts; self.submitTitle = submitTitle
    }

    public static let mock = RegistryForm(title: "Новый кабинет", crumbs: [Crumb("Кабинеты", "/rooms")], action: "/rooms/new",
                                          cancelURL: "/rooms", fields: [FieldSpec("name", "Название", required: true),
                                                                        FieldSpec("capacity", "Вместимость", .number)],
                                          values: FormValues(single: ["name": "Кабинет № 12"]))

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            if let intro { el("p", .cls("muted")) { intro } }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", action), Attr("novalidate", "novalidate")) {
                Layout.csrf(ctx)
                if let version { UI.hidden("version", String(version)) }
                if let conflict {
                    el("div", .cls("warning"), Attr("role", "alert")) {
                        el("p") { conflict }
                        if !alerts.isEmpty { el("ul") { for a in alerts { el("li") { a } } } }
                    }
                }
                UI.formError(errors.isEmpty ? nil : "Запись не сохранена: исправьте выделенные поля.")
                for f in fields { f.render(values: values, errors: errors) }
                el("div", .cls("actions")) {
                    UI.submit(submitTitle)
                    el("a", .href(cancelURL)) { "Отмена" }
                }
            }
        }
    }
}

