import Domain
import Foundation

public struct AuditPage: Sendable {
    public var query: ListQuery
    public var lines: [HistoryLine]
    public var total: Int
    public var entityTypes: [(value: String, title: String)]

    public init(query: ListQuery, lines: [HistoryLine], total: Int, entityTypes: [(value: String, title: String)]) {
        self.query = query
        self.lines = lines
        self.total = total
        self.entityTypes = entityTypes
    }

    public static let mock = AuditPage(
        query: ListQuery(sort: "at", descending: true), lines: OrganizationCard.mock.history,
        total: 1, entityTypes: [("organization", "Организация")])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Журнал изменений", crumbs: [Crumb("Журнал изменений")]) {
            el("h1") { "Журнал изменений" }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.audit.path),
                Attr("role", "search")
            ) {
                UI.textField("q", "Пользователь или запись", value: query.q, errors: FieldErrors(), type: "search")
                UI.selectField(
                    "entity", "Что изменено", options: entityTypes, selected: query.filters["entity"],
                    errors: FieldErrors(), includeEmpty: "Всё")
                UI.textField(
                    "from", "С даты", value: query.filters["from"], errors: FieldErrors(), placeholder: "ДД.ММ.ГГГГ")
                UI.textField(
                    "to", "По дату", value: query.filters["to"], errors: FieldErrors(), placeholder: "ДД.ММ.ГГГГ")
                el("button", .type("submit")) { "Показать" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, "запись", "записи", "записей") }
            if lines.isEmpty {
                UI.empty("Записей с такими условиями нет.")
            } else {
                HistoryLine.table(lines, showEntity: true)
            }
            UI.pagination(query, total: total, base: .audit)
        }
    }
}
