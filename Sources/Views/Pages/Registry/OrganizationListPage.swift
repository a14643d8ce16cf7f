import Domain
import Foundation

public struct OrganizationListPage: Sendable {
    public var query: ListQuery
    public var rows: [OrganizationSummary]
    public var total: Int
    public var canCreate: Bool

    public init(query: ListQuery, rows: [OrganizationSummary], total: Int, canCreate: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = OrganizationListPage(
        query: ListQuery(sort: "name"), rows: [.mock], total: 1, canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Организации", crumbs: [Crumb("Реестр"), Crumb("Организации")]) {
            el("h1") { "Организации" }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.organizationNew.path)) { "Добавить организацию" }
                }
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.organizations.path),
                Attr("role", "search")
            ) {
                UI.textField("q", "Поиск", value: query.q, errors: FieldErrors(), type: "search", hint: nil)
                UI.selectField(
                    "kind", "Тип", options: OrganizationKind.allCases.map { ($0.rawValue, $0.title) },
                    selected: query.filters["kind"], errors: FieldErrors(), includeEmpty: "Все типы")
                UI.selectField(
                    "status", "Состояние",
                    options: RecordStatus.allCases.map { ($0.rawValue, $0.title) } + [("all", "Все")],
                    selected: query.filters["status"] ?? "active", errors: FieldErrors())
                UI.hidden("sort", query.sort)
                el("button", .type("submit")) { "Найти" }
            }
            el("p", .cls("count")) {
                "Найдено " + RussianPlural.count(total, "организация", "организации", "организаций")
            }
            if rows.isEmpty {
                UI.empty(
                    query.q.isEmpty
                        ? "Организаций с такими условиями нет." : "По запросу «\(query.q)» ничего не найдено.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            UI.sortHeader("Краткое название", key: "name", current: query, base: .organizations)
                            UI.sortHeader("Тип", key: "kind", current: query, base: .organizations)
                            el("th") { "Адрес" }
                            el("th") { "Контакты" }
                            el("th") { "Состояние" }
                        }
                    }
                    el("tbody") {
                        for organization in rows {
                            el("tr") {
                                el("td") {
                                    el("a", .href(SiteURL.organization(organization.id).path)) {
                                        organization.shortName
                                    }
                                    if organization.isResourceCenter {
                                        el("br")
                                        el("span", .cls("muted")) { "ресурсный центр" }
                                    }
                                }
                                el("td") { organization.kind.title }
                                el("td") { organization.address ?? "—" }
                                el("td") {
                                    [organization.phone, organization.email].compactMap { $0 }.joined(separator: ", ")
                                        .ifEmpty("—")
                                }
                                el("td") { UI.badge(organization.status) }
                            }
                        }
                    }
                }
            }
            UI.pagination(query, total: total, base: .organizations)
        }
    }
}

extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
