import Domain
import Foundation

/// One field of a registry form or filter bar.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable {
        case text(String)
        case textarea
        /// A long text: its number of rows, an example shown in the empty box.
        case longText(rows: Int, placeholder: String?)
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

    public init(
        _ name: String, _ label: String, _ kind: Kind = .text("text"), required: Bool = false, hint: String? = nil
    ) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
    }

    func render(values: FormValues, errors: FieldErrors) -> Node {
        switch kind {
        case .text(let type):
            return UI.textField(
                name, label, value: values[name], errors: errors, type: type, required: required, hint: hint)
        case .date:
            return UI.textField(
                name, label, value: values[name], errors: errors, type: "text", required: required,
                hint: hint ?? "В виде ДД.ММ.ГГГГ, например 01.09.2025.", placeholder: "ДД.ММ.ГГГГ")
        case .number:
            return UI.textField(
                name, label, value: values[name], errors: errors, type: "number", required: required, hint: hint)
        case .select(let options, let empty):
            return UI.selectField(
                name, label, options: options, selected: values[name], errors: errors, required: required,
                includeEmpty: empty)
        case .textarea:
            return textarea(rows: 4, placeholder: nil, values: values, errors: errors)
        case .longText(let rows, let placeholder):
            return textarea(rows: rows, placeholder: placeholder, values: values, errors: errors)
        case .checkboxes(let options):
            let error = errors[name]
            let chosen = Set(values.all(name))
            return el("fieldset", .cls(error == nil ? "field checks" : "field checks has-error")) {
                el("legend") {
                    label
                    if required { el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
                }
                for (i, option) in options.enumerated() {
                    el("label", .cls("check")) {
                        el(
                            "input", .type("checkbox"), .name(name), .value(option.value), .id("\(name)-\(i)"),
                            .flag("checked", chosen.contains(option.value)))
                        " " + option.title
                    }
                }
                if let hint { el("p", .cls("hint")) { hint } }
                if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
            }
        }
    }

    func textarea(rows: Int, placeholder: String?, values: FormValues, errors: FieldErrors) -> Node {
        let error = errors[name]
        return el("div", .cls(error == nil ? "field" : "field has-error")) {
            el("label", .for(name)) {
                label
                if required { el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
            }
            el(
                "textarea",
                attrs: [
                    .id(name), .name(name), Attr("rows", String(rows)), Attr("placeholder", placeholder),
                    .flag("required", required), Attr("aria-invalid", error == nil ? nil : "true"),
                    Attr("aria-describedby", error != nil ? "\(name)-error" : hint == nil ? nil : "\(name)-hint"),
                ]
            ) { values[name] ?? "" }
            if let hint { el("p", .cls("hint"), .id("\(name)-hint")) { hint } }
            if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
        }
    }
}
