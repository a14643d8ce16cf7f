import Domain
import Foundation

/// Shared pieces of pages: form fields with their errors, sortable headers, pagination, badges.
public enum UI {
    public static func textField(
        _ name: String, _ label: String, value: String?, errors: FieldErrors,
        type: String = "text", required: Bool = false, hint: String? = nil,
        autocomplete: String? = nil, placeholder: String? = nil
    ) -> Node {
        let error = errors[name]
        return el("div", .cls(error == nil ? "field" : "field has-error")) {
            el("label", .for(name)) {
                label
                if required { el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
            }
            el(
                "input",
                attrs: [
                    .type(type), .id(name), .name(name), .value(value),
                    .flag("required", required),
                    Attr("autocomplete", autocomplete), Attr("placeholder", placeholder),
                    Attr("aria-invalid", error == nil ? nil : "true"),
                    Attr("aria-describedby", error == nil ? nil : "\(name)-error"),
                ])
            if let hint { el("p", .cls("hint")) { hint } }
            if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
        }
    }

    public static func selectField(
        _ name: String, _ label: String, options: [(value: String, title: String)],
        selected: String?, errors: FieldErrors, required: Bool = false,
        includeEmpty: String? = nil
    ) -> Node {
        let error = errors[name]
        return el("div", .cls(error == nil ? "field" : "field has-error")) {
            el("label", .for(name)) {
                label
                if required { el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
            }
            el("select", .id(name), .name(name), Attr("aria-invalid", error == nil ? nil : "true")) {
                if let includeEmpty { el("option", .value("")) { includeEmpty } }
                for option in options {
                    el("option", .value(option.value), .flag("selected", option.value == selected)) { option.title }
                }
            }
            if let error { el("p", .cls("error"), .id("\(name)-error")) { error } }
        }
    }

    public static func hidden(_ name: String, _ value: String) -> Node {
        el("input", .type("hidden"), .name(name), .value(value))
    }

    public static func submit(_ title: String) -> Node {
        el("button", .type("submit"), .cls("primary")) { title }
    }

    /// The summary shown above a form that failed validation.
    public static func formError(_ reason: String?) -> Node {
        guard let reason else { return .fragment([]) }
        return el("div", .cls("form-error"), Attr("role", "alert")) { reason }
    }

    public static func badge(_ status: RecordStatus) -> Node {
        el("span", .cls("badge badge-\(status.rawValue)")) { status.title }
    }

    public static func empty(_ text: String) -> Node {
        el("p", .cls("empty")) { text }
    }

    /// A table header cell that sorts the list by `key` (toggles direction when already sorted by it).
    public static func sortHeader(_ title: String, key: String, current: ListQuery, base: SiteURL) -> Node {
        let active = current.sort == key
        let nextDesc = active ? !current.descending : false
        var query = current
        query.sort = key
        query.descending = nextDesc
        query.page = 1
        let mark = active ? (current.descending ? " ▼" : " ▲") : ""
        return el("th", Attr("aria-sort", active ? (current.descending ? "descending" : "ascending") : nil)) {
            el("a", .href(base.with(query.items))) { title + mark }
        }
    }

    public static func pagination(_ query: ListQuery, total: Int, base: SiteURL) -> Node {
        let pages = max(1, (total + query.per - 1) / query.per)
        guard pages > 1 else { return .fragment([]) }
        return el("nav", .cls("pages"), Attr("aria-label", "Страницы")) {
            if query.page > 1 {
                el("a", .href(base.with(query.onPage(query.page - 1).items)), Attr("rel", "prev")) { "← Назад" }
            }
            el("span") { "Страница \(query.page) из \(pages)" }
            if query.page < pages {
                el("a", .href(base.with(query.onPage(query.page + 1).items)), Attr("rel", "next")) { "Вперёд →" }
            }
        }
    }
}
