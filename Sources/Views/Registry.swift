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

    public init(title: String, crumbs: [Crumb], action: String, cancelURL: String, fields: [FieldSpec], values: FormValues,
                errors: FieldErrors = FieldErrors(), version: Int? = nil, conflict: String? = nil, intro: String? = nil) {
        self.title = title; self.crumbs = crumbs; self.action = action; self.cancelURL = cancelURL; self.fields = fields
        self.values = values; self.errors = errors; self.version = version; self.conflict = conflict; self.intro = intro
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
                if let conflict { el("div", .cls("warning"), Attr("role", "alert")) { conflict } }
                UI.formError(errors.isEmpty ? nil : "Запись не сохранена: исправьте выделенные поля.")
                for f in fields { f.render(values: values, errors: errors) }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(cancelURL)) { "Отмена" }
                }
            }
        }
    }
}

/// A cell of a registry list.
public enum Cell: Sendable {
    case text(String)
    case link(String, String)
    case linkWithNote(String, String, String?)
    case badge(RecordStatus)
    case tag(String, String)
    /// A one-button form (the CSRF token travels with it, since cells are rendered without the page context).
    case post(String, String, csrf: String)

    var node: Node {
        switch self {
        case .text(let t): return .text(t.isEmpty ? "—" : t)
        case .link(let t, let url): return el("a", .href(url)) { t }
        case .linkWithNote(let t, let url, let note):
            return fragment {
                el("a", .href(url)) { t }
                if let note { el("br"); el("span", .cls("muted")) { note } }
            }
        case .badge(let s): return UI.badge(s)
        case .tag(let t, let kind): return el("span", .cls("badge badge-\(kind)")) { t }
        case .post(let t, let url, let csrf):
            return el("form", Attr("method", "post"), Attr("action", url), .cls("inline")) {
                el("input", .type("hidden"), .name("_csrf"), .value(csrf))
                el("button", .type("submit")) { t }
            }
        }
    }
}

public struct Column: Sendable {
    public var title: String
    public var sortKey: String?
    public init(_ title: String, sort: String? = nil) { self.title = title; self.sortKey = sort }
}

/// A registry list: filters, count, sortable table, pagination.
public struct RegistryList: Sendable {
    public var title: String
    public var area: Registry
    public var query: ListQuery
    public var filters: [FieldSpec]
    public var columns: [Column]
    public var rows: [[Cell]]
    public var total: Int
    public var noun: (String, String, String)
    public var createTitle: String?
    public var warnings: [String]
    public var emptyText: String
    /// Where the filter form goes when the list is not the section's own (e.g. a search within a group).
    public var searchAction: String?

    public init(title: String, area: Registry, query: ListQuery, filters: [FieldSpec], columns: [Column], rows: [[Cell]],
                total: Int, noun: (String, String, String), createTitle: String?, warnings: [String] = [], emptyText: String) {
        self.title = title; self.area = area; self.query = query; self.filters = filters; self.columns = columns; self.rows = rows
        self.total = total; self.noun = noun; self.createTitle = createTitle; self.warnings = warnings; self.emptyText = emptyText
    }

    public static let mock = RegistryList(
        title: "Кабинеты", area: .rooms, query: ListQuery(sort: "name"), filters: [FieldSpec("q", "Поиск", .text("search"))],
        columns: [Column("Кабинет", sort: "name"), Column("Вместимость")], rows: [[.link("Кабинет № 12", "/rooms/x"), .text("25")]],
        total: 1, noun: ("кабинет", "кабинета", "кабинетов"), createTitle: "Добавить кабинет", emptyText: "Кабинетов нет.")

    public func render(_ ctx: PageContext) -> String {
        let base = SiteURL.list(area)
        var filterValues = FormValues(single: query.filters)
        filterValues["q"] = query.q
        return Layout.page(ctx, title: title, crumbs: [Crumb("Реестр"), Crumb(title)]) {
            el("h1") { title }
            for w in warnings { el("div", .cls("warning"), Attr("role", "status")) { w } }
            if let createTitle {
                el("div", .cls("actions")) { el("a", .cls("button primary"), .href(SiteURL.new(area).path)) { createTitle } }
            }
            if !filters.isEmpty {
                el("form", .cls("filters"), Attr("method", "get"), Attr("action", searchAction ?? base.path), Attr("role", "search")) {
                    for f in filters { f.render(values: filterValues, errors: FieldErrors()) }
                    UI.hidden("sort", query.sort)
                    el("button", .type("submit")) { "Найти" }
                }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, noun.0, noun.1, noun.2) }
            if rows.isEmpty {
                UI.empty(query.q.isEmpty ? emptyText : "По запросу «\(query.q)» ничего не найдено.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for c in columns {
                                if let key = c.sortKey { UI.sortHeader(c.title, key: key, current: query, base: base) } else { el("th") { c.title } }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows { el("tr") { for cell in row { el("td") { cell.node } } } }
                    }
                }
            }
            UI.pagination(query, total: total, base: base)
        }
    }
}

/// A registry record's card: facts, actions, related lists and history.
public struct RegistryCard: Sendable {
    public enum Action: Sendable {
        case link(String, String, primary: Bool)
        case post(String, String)
    }
    public struct Section: Sendable {
        public var title: String
        public var columns: [String]
        public var rows: [[Cell]]
        public var emptyText: String
        public init(title: String, columns: [String], rows: [[Cell]], emptyText: String) {
            self.title = title; self.columns = columns; self.rows = rows; self.emptyText = emptyText
        }

        var node: Node {
            fragment {
                el("h2") { title }
                if rows.isEmpty { UI.empty(emptyText) } else {
                    el("table", .cls("list")) {
                        el("thead") { el("tr") { for c in columns { el("th") { c } } } }
                        el("tbody") { for row in rows { el("tr") { for cell in row { el("td") { cell.node } } } } }
                    }
                }
            }
        }
    }

    public var title: String
    public var area: Registry
    public var status: RecordStatus?
    public var facts: [(String, String)]
    public var actions: [Action]
    public var warnings: [String]
    public var sections: [Section]
    public var history: [HistoryLine]?

    public init(title: String, area: Registry, status: RecordStatus?, facts: [(String, String)], actions: [Action],
                warnings: [String] = [], sections: [Section] = [], history: [HistoryLine]?) {
        self.title = title; self.area = area; self.status = status; self.facts = facts; self.actions = actions
        self.warnings = warnings; self.sections = sections; self.history = history
    }

    public static let mock = RegistryCard(title: "Кабинет № 12", area: .rooms, status: .active, facts: [("Вместимость", "25")],
                                          actions: [.link("Изменить", "/rooms/x/edit", primary: true)], history: [])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb(MenuArea.registry(area).title, SiteURL.list(area).path), Crumb(title)]) {
            el("h1") {
                title
                if let status { " "; UI.badge(status) }
            }
            for w in warnings { el("div", .cls("warning"), Attr("role", "status")) { w } }
            if !actions.isEmpty {
                el("div", .cls("actions")) {
                    for a in actions {
                        switch a {
                        case .link(let t, let url, let primary): el("a", .cls(primary ? "button primary" : "button"), .href(url)) { t }
                        case .post(let t, let url):
                            el("form", Attr("method", "post"), Attr("action", url), .cls("inline")) {
                                Layout.csrf(ctx)
                                el("button", .type("submit")) { t }
                            }
                        }
                    }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (k, v) in facts { el("dt") { k }; el("dd") { v.isEmpty ? "—" : v } }
                }
            }
            for s in sections { s.node }
            if let history {
                el("h2") { "История изменений" }
                if history.isEmpty { UI.empty("Изменений пока не было.") } else { HistoryLine.table(history, showEntity: false) }
            }
        }
    }
}

/// A short message page, e.g. a one-time code shown once to an administrator.
public struct NoticePage: Sendable {
    public var title: String
    public var crumbs: [Crumb]
    public var lines: [String]
    public var highlight: String?
    public var backTitle: String
    public var backURL: String

    public init(title: String, crumbs: [Crumb], lines: [String], highlight: String?, backTitle: String, backURL: String) {
        self.title = title; self.crumbs = crumbs; self.lines = lines; self.highlight = highlight; self.backTitle = backTitle; self.backURL = backURL
    }

    public static let mock = NoticePage(title: "Одноразовый код", crumbs: [], lines: ["Передайте код пользователю."], highlight: "7Q2M-9XKD",
                                        backTitle: "К пользователю", backURL: "/users")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) {
                for l in lines { el("p") { l } }
                if let highlight { el("p", .cls("code")) { highlight } }
            }
            el("p") { el("a", .cls("button"), .href(backURL)) { backTitle } }
        }
    }
}
