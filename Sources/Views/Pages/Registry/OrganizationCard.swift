import Foundation
import Domain

/// One change in a record's history, as cards and the audit log show it.
public struct HistoryLine: Sendable {
    public var at: String
    public var who: String
    public var action: String
    public var entity: String
    public var entityURL: String?
    public var changes: [(field: String, before: String, after: String)]

    public init(at: String, who: String, action: String, entity: String = "", entityURL: String? = nil,
                changes: [(field: String, before: String, after: String)]) {
        self.at = at; self.who = who; self.action = action; self.entity = entity; self.entityURL = entityURL; self.changes = changes
    }

    static func table(_ lines: [HistoryLine], showEntity: Bool) -> Node {
        el("table", .cls("list history")) {
            el("thead") {
                el("tr") {
                    el("th") { "Когда" }; el("th") { "Кто" }; el("th") { "Действие" }
                    if showEntity { el("th") { "Запись" } }
                    el("th") { "Изменения" }
                }
            }
            el("tbody") {
                for h in lines {
                    el("tr") {
                        el("td") { h.at }
                        el("td") { h.who }
                        el("td") { h.action }
                        if showEntity { el("td") { if let u = h.entityURL { el("a", .href(u)) { h.entity } } else { h.entity } } }
                        el("td", .cls("diff")) {
                            for c in h.changes { el("div") { "\(c.field): «\(c.before)» → «\(c.after)»" } }
                        }
                    }
                }
            }
        }
    }
}

public struct OrganizationCard: Sendable {
    public var org: OrganizationSummary
    public var history: [HistoryLine]
    public var canEdit: Bool
    public var canArchive: Bool
    /// Related lists the viewer may see: designations, staff, rooms, agreements.
    public var related: [RegistryCard.Section]

    public init(org: OrganizationSummary, history: [HistoryLine], canEdit: Bool, canArchive: Bool, related: [RegistryCard.Section] = []) {
        self.org = org; self.history = history; self.canEdit = canEdit; self.canArchive = canArchive; self.related = related
    }

    public static let mock = OrganizationCard(
        org: .mock, history: [HistoryLine(at: "01.09.2025 10:00", who: "kmc", action: "Изменение",
                                          changes: [("Телефон", "—", "+7 (900) 000-00-02")])],
        canEdit: true, canArchive: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: org.shortName, crumbs: [Crumb("Организации", SiteURL.organizations.path), Crumb(org.shortName)]) {
            el("h1") { org.shortName; " "; UI.badge(org.status) }
            el("div", .cls("actions")) {
                if canEdit && org.status == .active { el("a", .cls("button primary"), .href(SiteURL.organizationEdit(org.id).path)) { "Изменить" } }
                if canArchive && org.status == .active { el("a", .cls("button"), .href(SiteURL.organizationArchive(org.id).path)) { "В архив" } }
                if canArchive && org.status == .archived {
                    el("form", Attr("method", "post"), Attr("action", SiteURL.organizationRestore(org.id).path), .cls("inline")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit")) { "Вернуть из архива" }
                    }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Полное название" }; el("dd") { org.fullName }
                    el("dt") { "Тип" }; el("dd") { org.kind.title }
                    el("dt") { "Муниципалитет" }; el("dd") { org.municipality }
                    el("dt") { "Руководитель" }; el("dd") { org.headName ?? "—" }
                    el("dt") { "Адрес" }; el("dd") { org.address ?? "—" }
                    el("dt") { "Телефон" }; el("dd") { org.phone ?? "—" }
                    el("dt") { "Электронная почта" }; el("dd") { org.email ?? "—" }
                    el("dt") { "Сайт" }; el("dd") { org.website ?? "—" }
                    el("dt") { "Ресурсный центр" }; el("dd") { org.isResourceCenter ? "да, в текущем учебном году" : "нет" }
                }
            }
            for s in related { s.node }
            el("h2") { "История изменений" }
            if history.isEmpty { UI.empty("Изменений пока не было.") } else { HistoryLine.table(history, showEntity: false) }
        }
    }
}
