import Foundation
import Domain

public struct OrganizationForm: Sendable {
    public var id: UUID?
    public var values: [String: String]
    public var version: Int
    public var errors: FieldErrors
    /// Set when the save was refused because someone else saved first.
    public var conflict: String?

    public init(id: UUID?, values: [String: String], version: Int, errors: FieldErrors = FieldErrors(), conflict: String? = nil) {
        self.id = id; self.values = values; self.version = version; self.errors = errors; self.conflict = conflict
    }

    public static let mock = OrganizationForm(id: nil, values: ["kind": "school", "shortName": "МБОУ «СОШ № 7»"], version: 0)

    public func render(_ ctx: PageContext) -> String {
        let title = id == nil ? "Новая организация" : "Изменение организации"
        let action = id.map { SiteURL.organizationEdit($0).path } ?? SiteURL.organizationNew.path
        return Layout.page(ctx, title: title, crumbs: [Crumb("Организации", SiteURL.organizations.path), Crumb(title)]) {
            el("h1") { title }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", action), Attr("novalidate", "novalidate")) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                if let conflict { el("div", .cls("warning"), Attr("role", "alert")) { conflict } }
                UI.formError(errors.isEmpty ? nil : "Организация не сохранена: исправьте выделенные поля.")
                UI.selectField("kind", "Тип организации", options: OrganizationKind.allCases.map { ($0.rawValue, $0.title) },
                               selected: values["kind"], errors: errors, required: true, includeEmpty: "— выберите —")
                UI.textField("fullName", "Полное название", value: values["fullName"], errors: errors, required: true)
                UI.textField("shortName", "Краткое название", value: values["shortName"], errors: errors, required: true,
                             hint: "Так организация называется в списках, например МБОУ «СОШ № 7».")
                UI.textField("headName", "Руководитель (ФИО)", value: values["headName"], errors: errors)
                UI.textField("address", "Адрес", value: values["address"], errors: errors)
                UI.textField("phone", "Телефон", value: values["phone"], errors: errors, type: "tel")
                UI.textField("email", "Электронная почта", value: values["email"], errors: errors, type: "email")
                UI.textField("website", "Сайт", value: values["website"], errors: errors, type: "url", hint: "Например: https://school7.example.ru")
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(id.map { SiteURL.organization($0).path } ?? SiteURL.organizations.path)) { "Отмена" }
                }
            }
        }
    }
}

/// The second page that confirms a destructive action.
public struct ConfirmPage: Sendable {
    public var title: String
    public var question: String
    public var consequence: String
    public var action: String
    public var button: String
    public var cancelURL: String
    public var crumbs: [Crumb]

    public init(title: String, question: String, consequence: String, action: String, button: String, cancelURL: String, crumbs: [Crumb]) {
        self.title = title; self.question = question; self.consequence = consequence; self.action = action
        self.button = button; self.cancelURL = cancelURL; self.crumbs = crumbs
    }

    public static let mock = ConfirmPage(title: "Архивирование", question: "Перенести «МБОУ «СОШ № 7»» в архив?",
                                         consequence: "Организация пропадёт из списков выбора.", action: "/x", button: "В архив",
                                         cancelURL: "/", crumbs: [])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs) {
            el("h1") { title }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", action)) {
                Layout.csrf(ctx)
                el("p") { el("strong") { question } }
                el("p") { consequence }
                el("div", .cls("actions")) {
                    el("button", .type("submit"), .cls("danger")) { button }
                    el("a", .href(cancelURL)) { "Отмена" }
                }
            }
        }
    }
}

public struct AuditPage: Sendable {
    public var query: ListQuery
    public var lines: [HistoryLine]
    public var total: Int
    public var entityTypes: [(value: String, title: String)]

    public init(query: ListQuery, lines: [HistoryLine], total: Int, entityTypes: [(value: String, title: String)]) {
        self.query = query; self.lines = lines; self.total = total; self.entityTypes = entityTypes
    }

    public static let mock = AuditPage(query: ListQuery(sort: "at", descending: true), lines: OrganizationCard.mock.history,
                                       total: 1, entityTypes: [("organization", "Организация")])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Журнал изменений", crumbs: [Crumb("Журнал изменений")]) {
            el("h1") { "Журнал изменений" }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.audit.path), Attr("role", "search")) {
                UI.textField("q", "Пользователь или запись", value: query.q, errors: FieldErrors(), type: "search")
                UI.selectField("entity", "Что изменено", options: entityTypes, selected: query.filters["entity"],
                               errors: FieldErrors(), includeEmpty: "Всё")
                UI.textField("from", "С даты", value: query.filters["from"], errors: FieldErrors(), placeholder: "ДД.ММ.ГГГГ")
                UI.textField("to", "По дату", value: query.filters["to"], errors: FieldErrors(), placeholder: "ДД.ММ.ГГГГ")
                el("button", .type("submit")) { "Показать" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, "запись", "записи", "записей") }
            if lines.isEmpty { UI.empty("Записей с такими условиями нет.") } else { HistoryLine.table(lines, showEntity: true) }
            UI.pagination(query, total: total, base: .audit)
        }
    }
}
