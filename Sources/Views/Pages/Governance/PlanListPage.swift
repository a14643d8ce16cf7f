import Domain
import Foundation

/// The plans of a year side by side (issue 22, item 2): for each, how much is done, the share of the deadlines passed
/// that were met, the overdue count and the next deadlines — the authority's view of every centre, a centre's of its
/// own.
public struct PlanListPage: Sendable {
    /// A plan's line.
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var owner: String
        public var progress: PlanProgress
        /// The next open deadlines: the day and the measure.
        public var next: [(day: String, measure: String, id: UUID)]
        public init(
            id: UUID, title: String, owner: String, progress: PlanProgress,
            next: [(day: String, measure: String, id: UUID)]
        ) {
            self.id = id
            self.title = title
            self.owner = owner
            self.progress = progress
            self.next = next
        }
    }

    public var year: Int
    public var years: [Int]
    public var rows: [Row]
    public var canCreate: Bool

    public init(year: Int, years: [Int], rows: [Row], canCreate: Bool) {
        self.year = year
        self.years = years
        self.rows = rows
        self.canCreate = canCreate
    }

    public static let mock = PlanListPage(
        year: 2027, years: [2026, 2027, 2028],
        rows: [
            Row(
                id: MockID.of(1), title: RoadmapTemplate.firstYear.title, owner: "МБОУ «СОШ № 3»",
                progress: PlanProgress(
                    [
                        .init(status: .done, dueOn: CivilDay(year: 2027, month: 3, day: 1), doneOn: nil),
                        .init(status: .notStarted, dueOn: CivilDay(year: 2027, month: 4, day: 1), doneOn: nil),
                    ], today: CivilDay(year: 2027, month: 5, day: 1)!),
                next: [("31.05.2027", "Утверждение положения о деятельности центра", MockID.of(2))])
        ], canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        let title = PlanWords.title
        return Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { PlanWords.intro }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.newPlan.path + "?year=\(year)")) { PlanWords.create }
                }
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.plans.path),
                Attr("role", "search")
            ) {
                FieldSpec("year", PlanWords.Field.year, .select(years.map { (String($0), String($0)) }, empty: nil))
                    .render(values: FormValues(single: ["year": String(year)]), errors: FieldErrors())
                el("button", .type("submit")) { GovernanceWords.show }
            }
            if rows.isEmpty {
                UI.empty(PlanWords.noPlans)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["План", "Чей", "Выполнено", "В срок", "Просрочено", "Ближайшие сроки"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr", attrs: row.progress.overdue > 0 ? [.cls("late")] : []) {
                                el("td", Attr("data-label", "План")) {
                                    el("a", .href(SiteURL.plan(row.id).path)) { row.title }
                                }
                                el("td", Attr("data-label", "Чей")) { row.owner }
                                el("td", Attr("data-label", "Выполнено")) {
                                    "\(row.progress.done) из \(row.progress.total)"
                                }
                                el("td", Attr("data-label", "В срок")) {
                                    row.progress.onTimePercent.map { "\($0)\u{00A0}%" } ?? "—"
                                }
                                el("td", Attr("data-label", "Просрочено")) {
                                    if row.progress.overdue > 0 {
                                        el(
                                            "a", .cls("overdue"),
                                            .href(SiteURL.plan(row.id).path + "?state=overdue")
                                        ) { String(row.progress.overdue) }
                                    } else {
                                        "0"
                                    }
                                }
                                el("td", Attr("data-label", "Ближайшие сроки")) {
                                    if row.next.isEmpty { "—" }
                                    for next in row.next {
                                        el("div") {
                                            next.day + " — "
                                            el("a", .href(SiteURL.planItem(next.id).path)) { next.measure }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A new plan: a template, whose plan (an organisation or the municipality), which year.
public struct PlanNewPage: Sendable {
    public var templates: [(value: String, title: String)]
    public var owners: [(value: String, title: String)]
    public var years: [Int]
    public var values: FormValues
    public var errors: FieldErrors

    public init(
        templates: [(value: String, title: String)], owners: [(value: String, title: String)], years: [Int],
        values: FormValues, errors: FieldErrors
    ) {
        self.templates = templates
        self.owners = owners
        self.years = years
        self.values = values
        self.errors = errors
    }

    public static let mock = PlanNewPage(
        templates: RoadmapTemplate.builtIn.map { ($0.id, $0.title) },
        owners: [("municipality", PlanWords.municipalityOwner), (MockID.of(1).uuidString, "МБОУ «СОШ № 3»")],
        years: [2026, 2027, 2028], values: FormValues(single: ["year": "2027"]), errors: FieldErrors())

    public func render(_ ctx: PageContext) -> String {
        let title = PlanWords.newTitle
        return Layout.page(ctx, title: title, crumbs: [Crumb(PlanWords.title, SiteURL.plans.path), Crumb(title)]) {
            el("h1") { title }
            UI.formError(errors.isEmpty ? nil : PlanWords.planNotSaved)
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SiteURL.plans.path)) {
                Layout.csrf(ctx)
                for field in [
                    FieldSpec(
                        "template", PlanWords.Field.template, .select(templates, empty: "— выберите —"),
                        required: true),
                    FieldSpec(
                        "owner", PlanWords.Field.owner, .select(owners, empty: "— выберите —"), required: true,
                        hint: PlanWords.Field.ownerHint),
                    FieldSpec(
                        "year", PlanWords.Field.year, .select(years.map { (String($0), String($0)) }, empty: nil),
                        required: true),
                ] {
                    field.render(values: values, errors: errors)
                }
                el("div", .cls("actions")) {
                    UI.submit(PlanWords.create)
                    el("a", .href(SiteURL.plans.path)) { "Отмена" }
                }
            }
        }
    }
}
