import Domain
import Foundation

/// Report campaigns (issue 22, item 5): the list — for those who run the municipality each campaign with who has
/// submitted; for an organisation its own reports —, a new campaign, one campaign's organisations.
public struct ReportCampaignListPage: Sendable {
    public struct Campaign: Sendable {
        public var id: UUID
        public var title: String
        public var period: String
        public var due: String
        public var summary: String
        public var overdue: Bool
        public init(id: UUID, title: String, period: String, due: String, summary: String, overdue: Bool) {
            self.id = id
            self.title = title
            self.period = period
            self.due = due
            self.summary = summary
            self.overdue = overdue
        }
    }

    public struct Own: Sendable {
        public var id: UUID
        public var title: String
        public var organization: String
        public var due: String
        public var state: String
        public var overdue: Bool
        public init(id: UUID, title: String, organization: String, due: String, state: String, overdue: Bool) {
            self.id = id
            self.title = title
            self.organization = organization
            self.due = due
            self.state = state
            self.overdue = overdue
        }
    }

    public var campaigns: [Campaign]?
    public var own: [Own]
    public var canCreate: Bool
    /// Whether the link to the report forms shows (those who run the municipality).
    public var canReadForms: Bool

    public init(campaigns: [Campaign]?, own: [Own], canCreate: Bool, canReadForms: Bool = false) {
        self.campaigns = campaigns
        self.own = own
        self.canCreate = canCreate
        self.canReadForms = canReadForms
    }

    public static let mock = ReportCampaignListPage(
        campaigns: [
            Campaign(
                id: MockID.of(1), title: ReportForm.quarterly.title + " — I квартал 2027",
                period: "01.01.2027 — 31.03.2027", due: "05.04.2027",
                summary: ReportWords.summary(submitted: 1, late: 1, total: 3, overdue: true), overdue: true)
        ],
        own: [
            Own(
                id: MockID.of(2), title: ReportForm.quarterly.title + " — I квартал 2027",
                organization: "МБОУ «СОШ № 1»",
                due: "05.04.2027", state: "черновик", overdue: false)
        ], canCreate: true, canReadForms: true)

    public func render(_ ctx: PageContext) -> String {
        let title = ReportWords.title
        return Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { ReportWords.intro }
            if canCreate || canReadForms {
                el("div", .cls("actions")) {
                    if canCreate {
                        el("a", .cls("button primary"), .href(SiteURL.reportCampaigns.path + "/new")) {
                            ReportWords.create
                        }
                    }
                    if canReadForms {
                        el("a", .cls("button"), .href(SiteURL.reportForms.path)) { ReportFormWords.title }
                    }
                }
            }
            if let campaigns {
                if campaigns.isEmpty {
                    UI.empty(ReportWords.none)
                } else {
                    el("table", .cls("list stack")) {
                        el("thead") {
                            el("tr") { for column in ["Кампания", "Период", "Срок", "Сдано"] { el("th") { column } } }
                        }
                        el("tbody") {
                            for campaign in campaigns {
                                el("tr", attrs: campaign.overdue ? [.cls("late")] : []) {
                                    el("td", Attr("data-label", "Кампания")) {
                                        el("a", .href(SiteURL.reportCampaign(campaign.id).path)) { campaign.title }
                                    }
                                    el("td", Attr("data-label", "Период")) { campaign.period }
                                    el("td", Attr("data-label", "Срок")) { campaign.due }
                                    el("td", Attr("data-label", "Сдано")) { campaign.summary }
                                }
                            }
                        }
                    }
                }
            }
            if campaigns == nil || !own.isEmpty {
                el("h2") { "Отчёты организации" }
                if own.isEmpty {
                    UI.empty(ReportWords.noneOwn)
                } else {
                    el("table", .cls("list stack")) {
                        el("thead") {
                            el("tr") {
                                for column in ["Отчёт", "Организация", "Срок", "Состояние"] { el("th") { column } }
                            }
                        }
                        el("tbody") {
                            for report in own {
                                el("tr", attrs: report.overdue ? [.cls("late")] : []) {
                                    el("td", Attr("data-label", "Отчёт")) {
                                        el("a", .href(SiteURL.report(report.id).path)) { report.title }
                                    }
                                    el("td", Attr("data-label", "Организация")) { report.organization }
                                    el("td", Attr("data-label", "Срок")) { report.due }
                                    el("td", Attr("data-label", "Состояние")) { report.state }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A new campaign: the form, the year and quarter (the period and the due day follow), who reports.
public struct ReportCampaignNewPage: Sendable {
    public var forms: [(value: String, title: String)]
    public var years: [Int]
    public var organizations: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors

    public init(
        forms: [(value: String, title: String)], years: [Int], organizations: [(value: String, title: String)],
        values: FormValues, errors: FieldErrors
    ) {
        self.forms = forms
        self.years = years
        self.organizations = organizations
        self.values = values
        self.errors = errors
    }

    public static let mock = ReportCampaignNewPage(
        forms: ReportForm.builtIn.map { ($0.id, $0.title) }, years: [2026, 2027],
        organizations: [(MockID.of(1).uuidString, "МБОУ «СОШ № 1»"), (MockID.of(2).uuidString, "МБОУ «Гимназия № 2»")],
        values: FormValues(["year": ["2027"], "quarter": ["1"], "organizations": [MockID.of(1).uuidString]]),
        errors: FieldErrors())

    public func render(_ ctx: PageContext) -> String {
        let title = ReportWords.newTitle
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(ReportWords.title, SiteURL.reportCampaigns.path), Crumb(title)]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Срок сдачи квартального отчёта — 5 число месяца, следующего за кварталом (для IV квартала — 5 января "
                    + "следующего года)."
            }
            UI.formError(errors.isEmpty ? nil : ReportWords.notCreated)
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SiteURL.reportCampaigns.path)) {
                Layout.csrf(ctx)
                for field in [
                    FieldSpec("form", ReportWords.Field.form, .select(forms, empty: nil), required: true),
                    FieldSpec(
                        "year", ReportWords.Field.year, .select(years.map { (String($0), String($0)) }, empty: nil),
                        required: true),
                    FieldSpec(
                        "quarter", ReportWords.Field.quarter,
                        .select((1...4).map { (String($0), ["I", "II", "III", "IV"][$0 - 1]) }, empty: nil),
                        required: true),
                    FieldSpec(
                        "organizations", ReportWords.Field.organizations, .checkboxes(organizations), required: true),
                ] {
                    field.render(values: values, errors: errors)
                }
                el("div", .cls("actions")) {
                    UI.submit(ReportWords.create)
                    el("a", .href(SiteURL.reportCampaigns.path)) { "Отмена" }
                }
            }
        }
    }
}

/// One campaign: its period and due day, who has submitted (on time, late), who has not.
public struct ReportCampaignPage: Sendable {
    public struct Row: Sendable {
        public var id: UUID
        public var organization: String
        public var state: String
        public var submitted: String
        public var overdue: Bool
        public init(id: UUID, organization: String, state: String, submitted: String, overdue: Bool) {
            self.id = id
            self.organization = organization
            self.state = state
            self.submitted = submitted
            self.overdue = overdue
        }
    }

    public var id: UUID
    public var title: String
    public var period: String
    public var due: String
    public var summary: String
    public var rows: [Row]

    public init(id: UUID, title: String, period: String, due: String, summary: String, rows: [Row]) {
        self.id = id
        self.title = title
        self.period = period
        self.due = due
        self.summary = summary
        self.rows = rows
    }

    public static let mock = ReportCampaignPage(
        id: MockID.of(1), title: ReportForm.quarterly.title + " — I квартал 2027", period: "01.01.2027 — 31.03.2027",
        due: "05.04.2027", summary: ReportWords.summary(submitted: 1, late: 0, total: 2, overdue: true),
        rows: [
            Row(
                id: MockID.of(2), organization: "МБОУ «СОШ № 1»", state: "сдан в срок", submitted: "04.04.2027",
                overdue: false),
            Row(
                id: MockID.of(3), organization: "МБОУ «Гимназия № 2»", state: "черновик, срок прошёл", submitted: "",
                overdue: true),
        ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb(ReportWords.title, SiteURL.reportCampaigns.path), Crumb(title)]) {
            el("h1") { title }
            el("p") { "Период: \(period). Срок сдачи: \(due)." }
            el("p", .cls("muted"), Attr("role", "status")) { summary }
            el("div", .cls("actions")) {
                el("a", .cls("button primary"), .href(SiteURL.reportCampaign(id).path + "/consolidated")) {
                    ReportWords.consolidated
                }
                el("a", .cls("button"), .href(SiteURL.reportCampaign(id).path + "/consolidated/xlsx")) {
                    ReportWords.xlsx
                }
            }
            el("table", .cls("list stack")) {
                el("thead") { el("tr") { for column in ["Организация", "Состояние", "Сдан"] { el("th") { column } } } }
                el("tbody") {
                    for row in rows {
                        el("tr", attrs: row.overdue ? [.cls("late")] : []) {
                            el("td", Attr("data-label", "Организация")) {
                                el("a", .href(SiteURL.report(row.id).path)) { row.organization }
                            }
                            el("td", Attr("data-label", "Состояние")) { row.state }
                            el("td", Attr("data-label", "Сдан")) { row.submitted.isEmpty ? "—" : row.submitted }
                        }
                    }
                }
            }
        }
    }
}
