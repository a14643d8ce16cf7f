import Domain
import Foundation

/// The academic year's resource centres with their analytic notes, and for a centre without one the button that
/// drafts it.
public struct AnalyticNoteListPage: Sendable {
    public struct Row: Sendable {
        public var centerID: UUID
        public var center: String
        public var noteID: UUID?
        public var updated: String
        public var canCreate: Bool
        public init(centerID: UUID, center: String, noteID: UUID?, updated: String, canCreate: Bool) {
            self.centerID = centerID
            self.center = center
            self.noteID = noteID
            self.updated = updated
            self.canCreate = canCreate
        }
    }

    public var years: [(id: String, title: String)]
    public var year: String
    public var rows: [Row]

    public init(years: [(id: String, title: String)], year: String, rows: [Row]) {
        self.years = years
        self.year = year
        self.rows = rows
    }

    public static let mock = AnalyticNoteListPage(
        years: [(MockID.of(9).uuidString, "2026/2027")], year: MockID.of(9).uuidString,
        rows: [
            Row(
                centerID: MockID.of(1), center: "МБОУ «Лицей № 2»", noteID: MockID.of(2), updated: "07.12.2026",
                canCreate: false),
            Row(centerID: MockID.of(3), center: "МБОУ «СОШ № 4»", noteID: nil, updated: "", canCreate: true),
        ])

    public func render(_ ctx: PageContext) -> String {
        let columns = ["Ресурсный центр", "Справка", "Изменена"]
        return Layout.page(ctx, title: AnalyticNoteWords.title, crumbs: [Crumb(AnalyticNoteWords.title)]) {
            el("h1") { AnalyticNoteWords.title }
            el("p", .cls("muted")) { AnalyticNoteWords.intro }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.analyticNotes.path),
                Attr("role", "search")
            ) {
                FieldSpec("year", ActivityProgramWords.Field.year, .select(years.map { ($0.id, $0.title) }, empty: nil))
                    .render(values: FormValues(single: ["year": year]), errors: FieldErrors())
                el("button", .type("submit")) { GovernanceWords.show }
            }
            if rows.isEmpty {
                UI.empty(AnalyticNoteWords.none)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") { el("tr") { for column in columns { el("th") { column } } } }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", columns[0])) { row.center }
                                el("td", Attr("data-label", columns[1])) {
                                    if let id = row.noteID {
                                        el("a", .href(SiteURL.analyticNote(id).path)) { AnalyticNoteWords.noun }
                                    } else if row.canCreate {
                                        el(
                                            "form", .cls("inline"), Attr("method", "post"),
                                            Attr("action", SiteURL.analyticNotes.path)
                                        ) {
                                            Layout.csrf(ctx)
                                            UI.hidden("center", row.centerID.uuidString.lowercased())
                                            el("button", .type("submit"), .cls("primary")) { AnalyticNoteWords.create }
                                        }
                                    } else {
                                        el("span", .cls("muted")) { AnalyticNoteWords.notWritten }
                                    }
                                }
                                el("td", Attr("data-label", columns[2])) { row.updated.isEmpty ? "—" : row.updated }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One note: its sections, the figures it was drafted from, the history.
public struct AnalyticNotePage: Sendable {
    public var id: UUID
    public var center: String
    public var startYear: Int
    public var texts: [String: String]
    public var figures: AnalyticFigures
    public var countedOn: String
    /// The version the recount is claimed at.
    public var version: Int
    public var canEdit: Bool
    public var history: [HistoryLine]

    public init(
        id: UUID, center: String, startYear: Int, texts: [String: String], figures: AnalyticFigures, countedOn: String,
        version: Int, canEdit: Bool, history: [HistoryLine]
    ) {
        self.id = id
        self.center = center
        self.startYear = startYear
        self.texts = texts
        self.figures = figures
        self.countedOn = countedOn
        self.version = version
        self.canEdit = canEdit
        self.history = history
    }

    public static let mock: AnalyticNotePage = {
        let figures = AnalyticFigures(
            groups: 3, studentsCovered: 41, hoursPlanned: 192, hoursDelivered: 60, attendancePercent: 87,
            resultsPassed: 0, resultsTotal: 0, certificates: 0, achievements: 2, planItemsDone: 3, planItemsOverdue: 1,
            reportsSubmitted: 1, reportsLate: 0, reportsTotal: 1, programStatus: "agreed")
        return AnalyticNotePage(
            id: MockID.of(1), center: "МБОУ «Лицей № 2»", startYear: 2026,
            texts: AnalyticNoteWords.draft(figures, center: "МБОУ «Лицей № 2»", startYear: 2026, asOf: "07.12.2026"),
            figures: figures, countedOn: "07.12.2026", version: 1, canEdit: true, history: [])
    }()

    public func render(_ ctx: PageContext) -> String {
        let heading = AnalyticNoteWords.heading(center, startYear: startYear)
        let path = SiteURL.analyticNote(id).path
        return Layout.page(
            ctx, title: heading, crumbs: [Crumb(AnalyticNoteWords.title, SiteURL.analyticNotes.path), Crumb(center)]
        ) {
            el("h1") { heading }
            el("div", .cls("actions no-print")) {
                if canEdit { el("a", .cls("button primary"), .href(path + "/edit")) { AnalyticNoteWords.edit } }
                el("a", .cls("button"), .href(path + "/document")) { AnalyticNoteWords.document }
            }
            for (number, section) in AnalyticNoteSection.allCases.enumerated() {
                el("h2") { "\(number + 1). \(section.title)" }
                if let text = texts[section.rawValue], !text.isEmpty {
                    el("div", .cls("panel pre")) { text }
                } else {
                    UI.empty(ActivityProgramWords.notWrittenSection)
                }
            }
            el("h2") { AnalyticNoteWords.counted(countedOn) }
            el("table", .cls("list")) {
                el("tbody") {
                    for (label, value) in AnalyticNoteWords.rows(figures) {
                        el("tr") {
                            el("th") { label }
                            el("td") { value }
                        }
                    }
                }
            }
            if canEdit {
                el(
                    "form", .cls("inline no-print"), Attr("method", "post"), Attr("action", path + "/recount")
                ) {
                    Layout.csrf(ctx)
                    UI.hidden("version", String(version))
                    el("button", .type("submit")) { AnalyticNoteWords.recount }
                    el("span", .cls("hint")) { " " + AnalyticNoteWords.recountHint }
                }
            }
            el("h2") { "История изменений" }
            if history.isEmpty {
                UI.empty("Изменений пока не было.")
            } else {
                HistoryLine.table(history, showEntity: false)
            }
        }
    }
}

/// A note's text corrected and its conclusions written.
public struct AnalyticNoteFormPage: Sendable {
    public var id: UUID
    public var center: String
    public var startYear: Int
    public var version: Int
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?

    public init(
        id: UUID, center: String, startYear: Int, version: Int, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) {
        self.id = id
        self.center = center
        self.startYear = startYear
        self.version = version
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = AnalyticNoteFormPage(
        id: MockID.of(1), center: "МБОУ «Лицей № 2»", startYear: 2026, version: 1,
        values: FormValues(single: ["general": "МБОУ «Лицей № 2» работает в качестве ресурсного центра."]))

    public func render(_ ctx: PageContext) -> String {
        let path = SiteURL.analyticNote(id).path
        let title = AnalyticNoteWords.heading(center, startYear: startYear)
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb(AnalyticNoteWords.title, SiteURL.analyticNotes.path), Crumb(center, path),
                Crumb(AnalyticNoteWords.edit),
            ]
        ) {
            el("h1") { title }
            UI.formError(conflict ?? (errors.isEmpty ? nil : AnalyticNoteWords.notSaved))
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                for (number, section) in AnalyticNoteSection.allCases.enumerated() {
                    FieldSpec(
                        section.rawValue, "\(number + 1). \(section.title)", .textarea,
                        required: section == .conclusions,
                        hint: section == .conclusions ? AnalyticNoteWords.conclusionsHint : nil
                    ).render(values: values, errors: errors)
                }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(path)) { "Отмена" }
                }
            }
        }
    }
}
