import Domain
import Foundation

/// The roadmap templates (issue 22, item 1): the list, and one template's measures with their deadlines turned into
/// days of a chosen calendar year.
public struct RoadmapListPage: Sendable {
    /// A template's line.
    public struct Row: Sendable {
        public var id: String
        public var title: String
        public var measures: Int
        public var builtIn: Bool
        public var archived: Bool
        public init(id: String, title: String, measures: Int, builtIn: Bool, archived: Bool = false) {
            self.id = id
            self.title = title
            self.measures = measures
            self.builtIn = builtIn
            self.archived = archived
        }
    }

    public var rows: [Row]
    /// Whether «Новый шаблон» shows (the administrator).
    public var canCreate: Bool
    public init(rows: [Row], canCreate: Bool = false) {
        self.rows = rows
        self.canCreate = canCreate
    }

    /// The built-in templates.
    public static let mock = RoadmapListPage(
        rows: RoadmapTemplate.builtIn.map {
            Row(id: $0.id, title: $0.title, measures: $0.measures.count, builtIn: true)
        })

    public func render(_ ctx: PageContext) -> String {
        let title = GovernanceWords.roadmapsTitle
        return Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) { GovernanceWords.roadmapsIntro }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.roadmaps.path + "/new")) {
                        RoadmapTemplateWords.create
                    }
                }
            }
            el("table", .cls("list stack")) {
                el("thead") { el("tr") { for column in ["Шаблон", "Строк", "Происхождение"] { el("th") { column } } } }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            el("td", Attr("data-label", "Шаблон")) {
                                el("a", .href(SiteURL.roadmap(row.id).path)) { row.title }
                            }
                            el("td", Attr("data-label", "Строк")) { String(row.measures) }
                            el("td", Attr("data-label", "Происхождение")) {
                                row.builtIn
                                    ? GovernanceWords.builtIn
                                    : RoadmapTemplateWords.own + (row.archived ? ", " + OwnTextWords.inArchive : "")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One template for a year: by section, each row's number, the centre's measure and deadline, the authority's measure
/// and deadline; each deadline with the days it makes in the year, or a note that the plan's author fixes the date.
public struct RoadmapPage: Sendable {
    public var template: RoadmapTemplate
    public var year: Int
    public var years: [Int]
    /// A template of the municipality's own: its editing and versions (nil: a built-in one).
    public var own: RoadmapOwnPart?

    public init(template: RoadmapTemplate, year: Int, years: [Int], own: RoadmapOwnPart? = nil) {
        self.template = template
        self.year = year
        self.years = years
        self.own = own
    }

    public static let mock = RoadmapPage(
        template: RoadmapTemplate(
            id: "tochka-rosta-1", title: RoadmapTemplate.firstYear.title,
            sections: [
                .init(
                    "Информационно-аналитические мероприятия",
                    [
                        .init(
                            number: "43",
                            center: "Предоставление ежеквартального отчета о выполнении мероприятий проекта",
                            centerDeadline: "до 5 числа месяца, следующего за кварталом",
                            authority: "Контроль за подготовкой и предоставления ежеквартальных отчетов",
                            authorityDeadline: "ежеквартально"),
                        .init(
                            number: nil, center: nil, centerDeadline: nil, authority: "Объявление закупочных процедур",
                            authorityDeadline: "по отдельному графику"),
                    ])
            ]), year: 2027, years: [2026, 2027, 2028])

    public func render(_ ctx: PageContext) -> String {
        let crumbs = [Crumb(GovernanceWords.roadmapsTitle, SiteURL.roadmaps.path), Crumb(template.title)]
        let measures = template.measures
        let inexact = measures.flatMap { [$0.centerDue, $0.authorityDue] }.compactMap { $0 }
            .filter { $0.days(year: year).isEmpty }
        return Layout.page(ctx, title: template.title, crumbs: crumbs) {
            el("h1") { template.title }
            if let own {
                own.actions
                own.archive.render(ctx)
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.roadmap(template.id).path),
                Attr("role", "search")
            ) {
                FieldSpec("year", GovernanceWords.year, .select(years.map { (String($0), String($0)) }, empty: nil))
                    .render(values: FormValues(single: ["year": String(year)]), errors: FieldErrors())
                // An older version shown stays shown in another year.
                if let shown = own?.shown { UI.hidden("version", String(shown)) }
                el("button", .type("submit")) { GovernanceWords.show }
            }
            el("p", .cls("muted")) {
                GovernanceWords.roadmapSummary(
                    center: measures.filter { $0.center != nil }.count,
                    authority: measures.filter { $0.authority != nil }.count, inexact: inexact.count)
            }
            for section in template.sections {
                el("h2") { section.title }
                // On a phone each row stacks, every cell under its column's name.
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["№", "Мероприятия центра", "Срок", "Мероприятия МОУО", "Срок"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for measure in section.measures {
                            el("tr") {
                                cell("№", measure.number)
                                cell("Мероприятия центра", measure.center)
                                deadline(measure.center == nil ? nil : measure.centerDue)
                                cell("Мероприятия МОУО", measure.authority)
                                deadline(measure.authority == nil ? nil : measure.authorityDue)
                            }
                        }
                    }
                }
            }
            if let own { own.list }
        }
    }

    /// A cell with its column's name for the phone's stacked rows (empty when there is nothing to say).
    func cell(_ label: String, _ text: String?) -> Node {
        guard let text, !text.isEmpty else { return el("td") {} }
        return el("td", Attr("data-label", label)) { text }
    }

    /// A deadline's cell: the words, then the days of the year.
    func deadline(_ due: RoadmapDeadline?) -> Node {
        guard due != nil else { return el("td") {} }
        return el("td", Attr("data-label", "Срок")) {
            if let due {
                due.text.isEmpty ? GovernanceWords.noDeadline : due.text
                el("div", .cls(due.days(year: year).isEmpty ? "due-open" : "due")) {
                    GovernanceWords.days(due, year: year)
                }
            }
        }
    }
}
