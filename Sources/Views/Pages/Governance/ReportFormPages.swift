import Domain
import Foundation

/// The forms: the built-in quarterly report and the municipality's own.
public struct ReportFormListPage: Sendable {
    public struct Row: Sendable {
        public var key: String
        public var title: String
        public var indicators: Int
        public var builtIn: Bool
        public var archived: Bool
        public init(key: String, title: String, indicators: Int, builtIn: Bool, archived: Bool = false) {
            self.key = key
            self.title = title
            self.indicators = indicators
            self.builtIn = builtIn
            self.archived = archived
        }
    }

    public var rows: [Row]
    /// Whether «Новая форма» shows (the administrator).
    public var canCreate: Bool
    public init(rows: [Row], canCreate: Bool) {
        self.rows = rows
        self.canCreate = canCreate
    }

    public static let mock = ReportFormListPage(
        rows: ReportForm.builtIn.map {
            Row(key: $0.id, title: $0.title, indicators: $0.indicators.count, builtIn: true)
        } + [
            Row(key: MockID.of(1).uuidString.lowercased(), title: "Работа с родителями", indicators: 3, builtIn: false)
        ],
        canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        let title = ReportFormWords.title
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(ReportWords.title, SiteURL.reportCampaigns.path), Crumb(title)]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) { ReportFormWords.intro }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.reportForms.path + "/new")) {
                        ReportFormWords.create
                    }
                }
            }
            el("table", .cls("list stack")) {
                el("thead") {
                    el("tr") { for column in ["Форма", "Показателей", "Происхождение"] { el("th") { column } } }
                }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("td", Attr("data-label", "Форма")) {
                                el("a", .href(SiteURL.reportForm(row.key).path)) { row.title }
                            }
                            el("td", Attr("data-label", "Показателей")) { String(row.indicators) }
                            el("td", Attr("data-label", "Происхождение")) {
                                row.builtIn
                                    ? ReportFormWords.builtIn
                                    : ReportFormWords.own + (row.archived ? ", " + OwnTextWords.inArchive : "")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One form: its indicators — type, unit, required, where Setka counts it from, the hint — and, for an own one, its
/// versions and editing.
public struct ReportFormPage: Sendable {
    public var key: String
    public var form: ReportForm
    public var builtIn: Bool
    public var canEdit: Bool
    /// (number, «version N of day, by whom»), newest first; empty for the built-in form.
    public var versions: [(number: Int, title: String)]
    /// An older version shown (`?version=N`), nil: the current one.
    public var shown: Int?
    /// Whether it is archived, and whether the user may archive or restore it.
    public var archived: Bool
    public var canArchive: Bool

    public init(
        key: String, form: ReportForm, builtIn: Bool, canEdit: Bool, versions: [(number: Int, title: String)],
        shown: Int?, archived: Bool = false, canArchive: Bool = false
    ) {
        self.key = key
        self.form = form
        self.builtIn = builtIn
        self.canEdit = canEdit
        self.versions = versions
        self.shown = shown
        self.archived = archived
        self.canArchive = canArchive
    }

    public static let mock = ReportFormPage(
        key: ReportForm.quarterly.id, form: .quarterly, builtIn: true, canEdit: false, versions: [], shown: nil)

    public func render(_ ctx: PageContext) -> String {
        let path = SiteURL.reportForm(key).path
        return Layout.page(
            ctx, title: form.title,
            crumbs: [
                Crumb(ReportWords.title, SiteURL.reportCampaigns.path),
                Crumb(ReportFormWords.title, SiteURL.reportForms.path), Crumb(form.title),
            ]
        ) {
            el("h1") { form.title }
            el("p", .cls("muted")) { builtIn ? ReportFormWords.builtInNote : ReportFormWords.ownNote }
            if let shown { el("div", .cls("warning"), Attr("role", "status")) { ReportFormWords.showing(shown) } }
            if canEdit {
                el("div", .cls("actions no-print")) {
                    el("a", .cls("button primary"), .href(path + "/edit")) { ReportFormWords.edit }
                }
            }
            if !builtIn {
                OwnTextArchivePart(
                    path: path, archived: archived, canArchive: canArchive && shown == nil,
                    note: OwnTextWords.Form.note
                ).render(ctx)
            }
            el("h2") { ReportFormWords.indicators }
            el("table", .cls("list stack")) {
                el("thead") {
                    el("tr") { for column in ["№", "Показатель", "Тип", "Ед.", "Заполнение"] { el("th") { column } } }
                }
                el("tbody") {
                    for (number, indicator) in form.indicators.enumerated() {
                        el("tr") {
                            el("td", Attr("data-label", "№")) { String(number + 1) }
                            el("td", Attr("data-label", "Показатель")) {
                                indicator.title
                                if let hint = indicator.hint { el("p", .cls("hint")) { hint } }
                            }
                            el("td", Attr("data-label", "Тип")) { Self.kind(indicator.kind) }
                            el("td", Attr("data-label", "Ед.")) { indicator.unit.isEmpty ? "—" : indicator.unit }
                            el("td", Attr("data-label", "Заполнение")) {
                                ([indicator.required ? ReportFormWords.required : nil]
                                    + [indicator.source.map(ReportFormWords.counted) ?? ReportFormWords.byHand])
                                    .compactMap { $0 }.joined(separator: "; ")
                            }
                        }
                    }
                }
            }
            if !versions.isEmpty {
                el("h2") { ReportFormWords.versions }
                el("ul") {
                    for version in versions {
                        el("li") { el("a", .href(path + "?version=\(version.number)")) { version.title } }
                    }
                }
            }
        }
    }

    /// «таблица: Мероприятие, Дата».
    static func kind(_ kind: ReportIndicator.Kind) -> String {
        if case .table(let columns) = kind { return kind.title + ": " + columns.joined(separator: ", ") }
        return kind.title
    }
}

/// A form's title and indicators as text, new or edited (a save is a new version).
public struct ReportFormEditPage: Sendable {
    /// nil: a new form.
    public var key: String?
    public var version: Int
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?
    /// The text a stale save sent, shown beside the current one so that nothing typed is lost.
    public var refused: String?

    public init(
        key: String?, version: Int, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil,
        refused: String? = nil
    ) {
        self.key = key
        self.version = version
        self.values = values
        self.errors = errors
        self.conflict = conflict
        self.refused = refused
    }

    public static let mock = ReportFormEditPage(
        key: nil, version: 0, values: FormValues(single: ["title": "Работа с родителями"]))

    public func render(_ ctx: PageContext) -> String {
        let heading = key == nil ? ReportFormWords.newTitle : ReportFormWords.edit
        let action = key.map { SiteURL.reportForm($0).path } ?? SiteURL.reportForms.path
        return Layout.page(
            ctx, title: heading,
            crumbs: [
                Crumb(ReportWords.title, SiteURL.reportCampaigns.path),
                Crumb(ReportFormWords.title, SiteURL.reportForms.path), Crumb(heading),
            ]
        ) {
            el("h1") { heading }
            UI.formError(conflict ?? (errors.isEmpty ? nil : ReportFormWords.notSaved))
            if let refused {
                el("details", .cls("panel")) {
                    el("summary") { ReportFormWords.refused }
                    el("div", .cls("pre")) { refused }
                }
            }
            el(
                "form", .cls("stacked"), Attr("method", "post"), Attr("action", action),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if key != nil { UI.hidden("version", String(version)) }
                FieldSpec("title", ReportFormWords.Field.title, required: true, hint: ReportFormWords.Field.titleHint)
                    .render(values: values, errors: errors)
                FieldSpec(
                    "body", ReportFormWords.Field.body,
                    .longText(rows: 14, placeholder: ReportFormWords.Field.bodyExample), required: true,
                    hint: ReportFormWords.Field.bodyHint
                ).render(values: values, errors: errors)
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(key.map { SiteURL.reportForm($0).path } ?? SiteURL.reportForms.path)) { "Отмена" }
                }
            }
        }
    }
}
