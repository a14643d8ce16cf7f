import Domain
import Foundation

public struct OrganizationForm: Sendable {
    public var id: UUID?
    public var values: [String: String]
    public var version: Int
    public var errors: FieldErrors
    /// Set when the save was refused because someone else saved first.
    public var conflict: String?

    public init(
        id: UUID?, values: [String: String], version: Int, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.id = id
        self.values = values
        self.version = version
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = OrganizationForm(
        id: nil, values: ["kind": "school", "shortName": "МБОУ «СОШ № 7»"], version: 0)

    public func render(_ ctx: PageContext) -> String {
        let title = id == nil ? "Новая организация" : "Изменение организации"
        let action = id.map { SiteURL.organizationEdit($0).path } ?? SiteURL.organizationNew.path
        return Layout.page(ctx, title: title, crumbs: [Crumb("Организации", SiteURL.organizations.path), Crumb(title)])
        {
            el("h1") { title }
            el(
                "form", .cls("stacked"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                if let conflict { el("div", .cls("warning"), Attr("role", "alert")) { conflict } }
                UI.formError(errors.isEmpty ? nil : "Организация не сохранена: исправьте выделенные поля.")
                UI.selectField(
                    "kind", "Тип организации", options: OrganizationKind.allCases.map { ($0.rawValue, $0.title) },
                    selected: values["kind"], errors: errors, required: true, includeEmpty: "— выберите —")
                UI.textField("fullName", "Полное название", value: values["fullName"], errors: errors, required: true)
                UI.textField(
                    "shortName", "Краткое название", value: values["shortName"], errors: errors, required: true,
                    hint: "Так организация называется в списках, например МБОУ «СОШ № 7».")
                UI.textField("headName", "Руководитель (ФИО)", value: values["headName"], errors: errors)
                UI.textField("address", "Адрес", value: values["address"], errors: errors)
                UI.textField("phone", "Телефон", value: values["phone"], errors: errors, type: "tel")
                UI.textField("email", "Электронная почта", value: values["email"], errors: errors, type: "email")
                UI.textField(
                    "website", "Сайт", value: values["website"], errors: errors, type: "url",
                    hint: "Например: https://school7.example.ru")
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(id.map { SiteURL.organization($0).path } ?? SiteURL.organizations.path)) { "Отмена" }
                }
            }
        }
    }
}
