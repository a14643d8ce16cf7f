import Domain
import Foundation

public struct OrganizationCard: Sendable {
    public var org: OrganizationSummary
    public var history: [HistoryLine]
    public var canEdit: Bool
    public var canArchive: Bool
    /// Related lists the viewer may see: designations, staff, rooms, agreements.
    public var related: [RegistryCard.Section]

    public init(
        org: OrganizationSummary, history: [HistoryLine], canEdit: Bool, canArchive: Bool,
        related: [RegistryCard.Section] = []
    ) {
        self.org = org
        self.history = history
        self.canEdit = canEdit
        self.canArchive = canArchive
        self.related = related
    }

    public static let mock = OrganizationCard(
        org: .mock,
        history: [
            HistoryLine(
                at: "01.09.2025 10:00", who: "kmc", action: "Изменение",
                changes: [("Телефон", "—", "+7 (900) 000-00-02")])
        ],
        canEdit: true, canArchive: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: org.shortName, crumbs: [Crumb("Организации", SiteURL.organizations.path), Crumb(org.shortName)]
        ) {
            el("h1") {
                org.shortName
                " "
                UI.badge(org.status)
            }
            el("div", .cls("actions")) {
                if canEdit && org.status == .active {
                    el("a", .cls("button primary"), .href(SiteURL.organizationEdit(org.id).path)) { "Изменить" }
                }
                if canArchive && org.status == .active {
                    el("a", .cls("button"), .href(SiteURL.organizationArchive(org.id).path)) { "В архив" }
                }
                if canArchive && org.status == .archived {
                    el(
                        "form", Attr("method", "post"), Attr("action", SiteURL.organizationRestore(org.id).path),
                        .cls("inline")
                    ) {
                        Layout.csrf(ctx)
                        el("button", .type("submit")) { "Вернуть из архива" }
                    }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Полное название" }
                    el("dd") { org.fullName }
                    el("dt") { "Тип" }
                    el("dd") { org.kind.title }
                    el("dt") { "Муниципалитет" }
                    el("dd") { org.municipality }
                    el("dt") { "Руководитель" }
                    el("dd") { org.headName ?? "—" }
                    el("dt") { "Адрес" }
                    el("dd") { org.address ?? "—" }
                    el("dt") { "Телефон" }
                    el("dd") { org.phone ?? "—" }
                    el("dt") { "Электронная почта" }
                    el("dd") { org.email ?? "—" }
                    el("dt") { "Сайт" }
                    el("dd") { org.website ?? "—" }
                    el("dt") { "Ресурсный центр" }
                    el("dd") { org.isResourceCenter ? "да, в текущем учебном году" : "нет" }
                }
            }
            for section in related { section.node }
            el("h2") { "История изменений" }
            if history.isEmpty {
                UI.empty("Изменений пока не было.")
            } else {
                HistoryLine.table(history, showEntity: false)
            }
        }
    }
}
