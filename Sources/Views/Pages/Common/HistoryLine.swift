import Domain
import Foundation

/// One change in a record's history, as cards and the audit log show it.
public struct HistoryLine: Sendable {
    public var at: String
    public var who: String
    public var action: String
    public var entity: String
    public var entityURL: String?
    public var changes: [(field: String, before: String, after: String)]

    public init(
        at: String, who: String, action: String, entity: String = "", entityURL: String? = nil,
        changes: [(field: String, before: String, after: String)]
    ) {
        self.at = at
        self.who = who
        self.action = action
        self.entity = entity
        self.entityURL = entityURL
        self.changes = changes
    }

    static func table(_ lines: [HistoryLine], showEntity: Bool) -> Node {
        el("table", .cls("list history")) {
            el("thead") {
                el("tr") {
                    el("th") { "Когда" }
                    el("th") { "Кто" }
                    el("th") { "Действие" }
                    if showEntity { el("th") { "Запись" } }
                    el("th") { "Изменения" }
                }
            }
            el("tbody") {
                for entry in lines {
                    el("tr") {
                        el("td") { entry.at }
                        el("td") { entry.who }
                        el("td") { entry.action }
                        if showEntity {
                            el("td") {
                                if let url = entry.entityURL {
                                    el("a", .href(url)) { entry.entity }
                                } else {
                                    entry.entity
                                }
                            }
                        }
                        el("td", .cls("diff")) {
                            for change in entry.changes {
                                el("div") { "\(change.field): «\(change.before)» → «\(change.after)»" }
                            }
                        }
                    }
                }
            }
        }
    }
}
