import Domain
import Foundation

/// One plan (issue 22, item 2): its progress, then its items by section — number, whose measure, the deadline (the
/// day, or the template's words where the author has still to fix one), who answers, the state, the evidence —
/// overdue items marked; filtered by side and by state.
public struct PlanPage: Sendable {
    public struct Item: Sendable {
        public var id: UUID
        public var number: String?
        public var side: PlanItemDraft.Side
        public var measure: String
        /// The deadline in the template's words.
        public var deadline: String
        /// The day it is due, formatted (nil: still to be fixed).
        public var due: String?
        public var quarter: Int?
        public var responsible: String
        public var status: PlanItemStatus
        public var overdue: Bool
        /// What shows it done: «ссылка», «файл», the note's start; empty when none.
        public var evidence: String
        public var evidenceRequired: Bool
        public init(
            id: UUID, number: String?, side: PlanItemDraft.Side, measure: String, deadline: String, due: String?,
            quarter: Int?, responsible: String, status: PlanItemStatus, overdue: Bool, evidence: String,
            evidenceRequired: Bool
        ) {
            self.id = id
            self.number = number
            self.side = side
            self.measure = measure
            self.deadline = deadline
            self.due = due
            self.quarter = quarter
            self.responsible = responsible
            self.status = status
            self.overdue = overdue
            self.evidence = evidence
            self.evidenceRequired = evidenceRequired
        }
    }

    public struct Section: Sendable {
        public var title: String
        public var items: [Item]
        public init(title: String, items: [Item]) {
            self.title = title
            self.items = items
        }
    }

    /// Which items the page shows.
    public enum State: String, CaseIterable, Sendable {
        case all, open, overdue, done
        public var title: String {
            switch self {
            case .all: PlanWords.Filter.all
            case .open: PlanWords.Filter.open
            case .overdue: PlanWords.Filter.overdue
            case .done: PlanWords.Filter.done
            }
        }
    }

    public var id: UUID
    public var title: String
    public var owner: String
    public var year: Int
    public var templateKey: String
    /// The own template's version it was made from (nil: a built-in roadmap or another source).
    public var templateVersion: Int?
    public var progress: PlanProgress
    public var sections: [Section]
    public var side: PlanItemDraft.Side?
    public var state: State
    public var canDelete: Bool

    public init(
        id: UUID, title: String, owner: String, year: Int, templateKey: String, templateVersion: Int? = nil,
        progress: PlanProgress, sections: [Section], side: PlanItemDraft.Side?, state: State, canDelete: Bool
    ) {
        self.templateVersion = templateVersion
        self.id = id
        self.title = title
        self.owner = owner
        self.year = year
        self.templateKey = templateKey
        self.progress = progress
        self.sections = sections
        self.side = side
        self.state = state
        self.canDelete = canDelete
    }

    public static let mock = PlanPage(
        id: MockID.of(1), title: RoadmapTemplate.firstYear.title, owner: "МБОУ «СОШ № 3»", year: 2027,
        templateKey: "tochka-rosta-1",
        progress: PlanProgress(
            [.init(status: .notStarted, dueOn: CivilDay(year: 2027, month: 3, day: 1), doneOn: nil)],
            today: CivilDay(year: 2027, month: 5, day: 1)!),
        sections: [
            Section(
                title: "Организационно-управленческие мероприятия",
                items: [
                    Item(
                        id: MockID.of(2), number: "1", side: .center,
                        measure: "Утверждение положения о деятельности центра", deadline: "до 01.03",
                        due: "01.03.2027", quarter: nil, responsible: "Лесков П. Р., директор", status: .notStarted,
                        overdue: true, evidence: "", evidenceRequired: true),
                    Item(
                        id: MockID.of(3), number: nil, side: .authority, measure: "Объявление закупочных процедур",
                        deadline: "по отдельному графику", due: nil, quarter: nil, responsible: "",
                        status: .inProgress, overdue: false, evidence: "ссылка", evidenceRequired: false),
                ])
        ], side: nil, state: .all, canDelete: true)

    public func render(_ ctx: PageContext) -> String {
        let heading = "\(title) — \(owner), \(year)"
        return Layout.page(ctx, title: heading, crumbs: [Crumb(PlanWords.title, SiteURL.plans.path), Crumb(heading)]) {
            el("h1") { heading }
            el("p", .cls(progress.overdue > 0 ? "warning" : "muted"), Attr("role", "status")) {
                PlanWords.summary(progress)
            }
            el("div", .cls("actions")) {
                if RoadmapTemplate.builtIn(templateKey) != nil {
                    el("a", .cls("button"), .href(SiteURL.roadmap(templateKey).path + "?year=\(year)")) {
                        PlanWords.template
                    }
                } else if let templateVersion {
                    // The own template's text as it was when the plan was made.
                    el(
                        "a", .cls("button"),
                        .href(SiteURL.roadmap(templateKey).path + "?year=\(year)&version=\(templateVersion)")
                    ) { PlanWords.templateVersion(templateVersion) }
                } else if UUID(uuidString: templateKey) != nil {
                    // An own template's plan made before plans kept the version: the template as it is now.
                    el("a", .cls("button"), .href(SiteURL.roadmap(templateKey).path + "?year=\(year)")) {
                        PlanWords.template
                    }
                }
                if canDelete {
                    el("a", .cls("button danger"), .href(SiteURL.plan(id).path + "/delete")) {
                        PlanWords.deleteButton
                    }
                }
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.plan(id).path),
                Attr("role", "search")
            ) {
                FieldSpec(
                    "side", PlanWords.Filter.side,
                    .select(
                        [("", PlanWords.Filter.all)]
                            + PlanItemDraft.Side.allCases.map { ($0.rawValue, PlanWords.side($0)) }, empty: nil)
                ).render(
                    values: FormValues(single: ["side": side?.rawValue ?? "", "state": state.rawValue]),
                    errors: FieldErrors())
                FieldSpec(
                    "state", PlanWords.Filter.state, .select(State.allCases.map { ($0.rawValue, $0.title) }, empty: nil)
                )
                .render(values: FormValues(single: ["state": state.rawValue]), errors: FieldErrors())
                el("button", .type("submit")) { GovernanceWords.show }
            }
            el("p", .cls("muted no-print")) { PlanWords.printHint }
            if sections.isEmpty { UI.empty(PlanWords.noItems) }
            for section in sections {
                el("h2") { section.title }
                el("table", .cls("list stack plan")) {
                    el("thead") {
                        el("tr") {
                            for column in [
                                PlanWords.Column.number, PlanWords.Column.measure, PlanWords.Column.due,
                                PlanWords.Column.responsible, PlanWords.Column.status, PlanWords.Column.evidence,
                            ] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for item in section.items { row(item) }
                    }
                }
            }
        }
    }

    func row(_ item: Item) -> Node {
        el("tr", attrs: item.overdue ? [.cls("late")] : []) {
            el("td", Attr("data-label", PlanWords.Column.number)) { item.number ?? "" }
            el("td", Attr("data-label", PlanWords.Column.measure)) {
                el("span", .cls("side")) { PlanWords.side(item.side) }
                " "
                el("a", .href(SiteURL.planItem(item.id).path)) { item.measure }
                if let quarter = item.quarter { el("span", .cls("muted")) { " " + PlanWords.quarter(quarter) } }
            }
            el("td", Attr("data-label", PlanWords.Column.due)) {
                if let due = item.due {
                    due
                } else {
                    el("span", .cls("due-open")) { item.deadline.isEmpty ? PlanWords.undated : item.deadline }
                }
                if item.overdue { el("div", .cls("overdue")) { PlanWords.overdue } }
            }
            el("td", Attr("data-label", PlanWords.Column.responsible)) { item.responsible }
            el("td", Attr("data-label", PlanWords.Column.status)) {
                el("span", .cls("badge badge-plan-\(item.status.rawValue)")) { item.status.title }
            }
            el("td", Attr("data-label", PlanWords.Column.evidence)) {
                if item.evidence.isEmpty {
                    if item.evidenceRequired { el("span", .cls("muted")) { PlanWords.evidenceRequired } }
                } else {
                    item.evidence
                }
            }
        }
    }
}
