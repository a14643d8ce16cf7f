import Foundation
import Domain

/// One row of the organisations list and the facts of its card.
public struct OrganizationSummary: Sendable {
    public var id: UUID
    public var kind: OrganizationKind
    public var fullName: String
    public var shortName: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    public var headName: String?
    public var municipality: String
    public var status: RecordStatus
    public var isResourceCenter: Bool

    public init(id: UUID, kind: OrganizationKind, fullName: String, shortName: String, address: String?, phone: String?,
                email: String?, website: String?, headName: String?, municipality: String, status: RecordStatus,
                isResourceCenter: Bool) {
        self.id = id; self.kind = kind; self.fullName = fullName; self.shortName = shortName; self.address = address
        self.phone = phone; self.email = email; self.website = website; self.headName = headName
        self.municipality = municipality; self.status = status; self.isResourceCenter = isResourceCenter
    }

    public static let mock = OrganizationSummary(
        id: UUID(), kind: .school, fullName: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»",
        shortName: "МБОУ «Гимназия № 2»", address: "ул. Лесная, 4", phone: "+7 (900) 000-00-02", email: "gym2@example.ru",
        website: nil, headName: "Белова Ирина Олеговна", municipality: "Городской округ Заречный", status: .active,
        isResourceCenter: true)
}

public struct OrganizationListPage: Sendable {
    public var query: ListQuery
    public var rows: [OrganizationSummary]
    public var total: Int
    public var canCreate: Bool

    public init(query: ListQuery, rows: [OrganizationSummary], total: Int, canCreate: Bool) {
        self.query = query; self.rows = rows; self.total = total; self.canCreate = canCreate
    }

    public static let mock = OrganizationListPage(query: ListQuery(sort: "name"), rows: [.mock], total: 1, canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Организации", crumbs: [Crumb("Реестр"), Crumb("Организации")]) {
            el("h1") { "Организации" }
            if canCreate {
                el("div", .cls("actions")) { el("a", .cls("button primary"), .href(SiteURL.organizationNew.path)) { "Добавить организацию" } }
            }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.organizations.path), Attr("role", "search")) {
                UI.textField("q", "Поиск", value: query.q, errors: FieldErrors(), type: "search", hint: nil)
                UI.selectField("kind", "Тип", options: OrganizationKind.allCases.map { ($0.rawValue, $0.title) },
                               selected: query.filters["kind"], errors: FieldErrors(), includeEmpty: "Все типы")
                UI.selectField("status", "Состояние", options: RecordStatus.allCases.map { ($0.rawValue, $0.title) } + [("all", "Все")],
                               selected: query.filters["status"] ?? "active", errors: FieldErrors())
                UI.hidden("sort", query.sort)
                el("button", .type("submit")) { "Найти" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, "организация", "организации", "организаций") }
            if rows.isEmpty {
                UI.empty(query.q.isEmpty ? "Организаций с такими условиями нет." : "По запросу «\(query.q)» ничего не найдено.")
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
                        for r in rows {
                            el("tr") {
                                el("td") {
                                    el("a", .href(SiteURL.organization(r.id).path)) { r.shortName }
                                    if r.isResourceCenter { el("br"); el("span", .cls("muted")) { "ресурсный центр" } }
                                }
                                el("td") { r.kind.title }
                                el("td") { r.address ?? "—" }
                                el("td") { [r.phone, r.email].compactMap { $0 }.joined(separator: ", ").ifEmpty("—") }
                                el("td") { UI.badge(r.status) }
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
