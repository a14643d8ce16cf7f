import Domain
import Foundation

/// The academic year's resource centres with their activity programmes: the state, the day submitted, the versions —
/// and, for a centre without one, the button that starts it.
public struct ActivityProgramListPage: Sendable {
    public struct Row: Sendable {
        public var centerID: UUID
        public var center: String
        public var programID: UUID?
        public var status: ActivityProgramStatus?
        public var submitted: String
        public var versions: Int
        public var canCreate: Bool
        public init(
            centerID: UUID, center: String, programID: UUID?, status: ActivityProgramStatus?, submitted: String,
            versions: Int, canCreate: Bool
        ) {
            self.centerID = centerID
            self.center = center
            self.programID = programID
            self.status = status
            self.submitted = submitted
            self.versions = versions
            self.canCreate = canCreate
        }
    }

    public var years: [(id: String, title: String)]
    public var year: String
    public var rows: [Row]
    /// The user sees only their own organisation's (a centre's head, a school's administration).
    public var ownOnly: Bool

    public init(years: [(id: String, title: String)], year: String, rows: [Row], ownOnly: Bool = false) {
        self.years = years
        self.year = year
        self.rows = rows
        self.ownOnly = ownOnly
    }

    public static let mock = ActivityProgramListPage(
        years: [(MockID.of(9).uuidString, "2026/2027")], year: MockID.of(9).uuidString,
        rows: [
            Row(
                centerID: MockID.of(1), center: "МБОУ «Лицей № 2»", programID: MockID.of(2), status: .agreed,
                submitted: "10.09.2026", versions: 2, canCreate: false),
            Row(
                centerID: MockID.of(3), center: "МБОУ «СОШ № 4»", programID: nil, status: nil, submitted: "",
                versions: 0, canCreate: true),
        ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: ActivityProgramWords.title, crumbs: [Crumb(ActivityProgramWords.title)]) {
            el("h1") { ActivityProgramWords.title }
            el("p", .cls("muted")) { ActivityProgramWords.intro }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.activityPrograms.path),
                Attr("role", "search")
            ) {
                FieldSpec("year", ActivityProgramWords.Field.year, .select(years.map { ($0.id, $0.title) }, empty: nil))
                    .render(values: FormValues(single: ["year": year]), errors: FieldErrors())
                el("button", .type("submit")) { GovernanceWords.show }
            }
            if rows.isEmpty {
                UI.empty(ownOnly ? ActivityProgramWords.notACenter : ActivityProgramWords.none)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Ресурсный центр", "Программа", "Направлена", "Версий"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", "Ресурсный центр")) { row.center }
                                el("td", Attr("data-label", "Программа")) { cell(row, ctx) }
                                el("td", Attr("data-label", "Направлена")) {
                                    row.submitted.isEmpty ? "—" : row.submitted
                                }
                                el("td", Attr("data-label", "Версий")) { String(row.versions) }
                            }
                        }
                    }
                }
            }
        }
    }

    func cell(_ row: Row, _ ctx: PageContext) -> Node {
        if let id = row.programID, let status = row.status {
            return el("a", .href(SiteURL.activityProgram(id).path)) { status.title }
        }
        if row.canCreate {
            return el(
                "form", .cls("inline"), Attr("method", "post"), Attr("action", SiteURL.activityPrograms.path)
            ) {
                Layout.csrf(ctx)
                UI.hidden("center", row.centerID.uuidString.lowercased())
                el("button", .type("submit"), .cls("primary")) { ActivityProgramWords.create }
            }
        }
        return el("span", .cls("muted")) { ActivityProgramWords.notWritten }
    }
}
