import Domain
import Foundation

/// The meetings, newest first, with a warning for each quarter of the year that ended without one.
public struct MeetingListPage: Sendable {
    public struct Row: Sendable {
        public var id: UUID
        public var day: String
        public var title: String
        public var status: MeetingStatus
        public var decisions: Int
        public init(id: UUID, day: String, title: String, status: MeetingStatus, decisions: Int) {
            self.id = id
            self.day = day
            self.title = title
            self.status = status
            self.decisions = decisions
        }
    }

    public var rows: [Row]
    public var warnings: [String]
    public var canCreate: Bool

    public init(rows: [Row], warnings: [String], canCreate: Bool) {
        self.rows = rows
        self.warnings = warnings
        self.canCreate = canCreate
    }

    public static let mock = MeetingListPage(
        rows: [
            Row(
                id: MockID.of(1), day: "15.09.2026", title: "Итоги учебного года и план на новый", status: .held,
                decisions: 2)
        ], warnings: [MeetingWords.quarterWithout(1, year: 2026)], canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: MeetingWords.title, crumbs: [Crumb(MeetingWords.title)]) {
            el("h1") { MeetingWords.title }
            el("p", .cls("muted")) { MeetingWords.intro }
            for warning in warnings { el("div", .cls("warning"), Attr("role", "status")) { warning } }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.meetings.path + "/new")) { MeetingWords.create }
                }
            }
            if rows.isEmpty {
                UI.empty(MeetingWords.none)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") { for column in ["Дата", "Тема", "Состояние", "Решений"] { el("th") { column } } }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", "Дата")) { row.day }
                                el("td", Attr("data-label", "Тема")) {
                                    el("a", .href(SiteURL.meeting(row.id).path)) { row.title }
                                }
                                el("td", Attr("data-label", "Состояние")) { row.status.title }
                                el("td", Attr("data-label", "Решений")) { String(row.decisions) }
                            }
                        }
                    }
                }
            }
        }
    }
}
