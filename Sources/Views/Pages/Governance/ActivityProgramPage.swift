import Domain
import Foundation

/// One activity programme: its state and the comment it was returned with, the seven sections with the work plan and
/// the working group, the decision form for those who agree it, every version submitted, and the history.
public struct ActivityProgramPage: Sendable {
    public struct Version: Sendable {
        public var number: Int
        public var submitted: String
        public var status: ActivityProgramStatus
        public var comment: String?
        public init(number: Int, submitted: String, status: ActivityProgramStatus, comment: String?) {
            self.number = number
            self.submitted = submitted
            self.status = status
            self.comment = comment
        }
    }

    public var id: UUID
    public var center: String
    public var startYear: Int
    public var status: ActivityProgramStatus
    public var returnComment: String?
    public var content: ActivityProgramContent
    public var planID: UUID?
    public var versions: [Version]
    public var version: Int
    public var canEdit: Bool
    public var canDecide: Bool
    public var values: FormValues
    public var errors: FieldErrors
    public var conflict: String?
    public var history: [HistoryLine]

    public init(
        id: UUID, center: String, startYear: Int, status: ActivityProgramStatus, returnComment: String?,
        content: ActivityProgramContent, planID: UUID?, versions: [Version], version: Int, canEdit: Bool,
        canDecide: Bool, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, history: [HistoryLine]
    ) {
        self.id = id
        self.center = center
        self.startYear = startYear
        self.status = status
        self.returnComment = returnComment
        self.content = content
        self.planID = planID
        self.versions = versions
        self.version = version
        self.canEdit = canEdit
        self.canDecide = canDecide
        self.values = values
        self.errors = errors
        self.conflict = conflict
        self.history = history
    }

    public static let mock = ActivityProgramPage(
        id: MockID.of(1), center: "МБОУ «Лицей № 2»", startYear: 2026, status: .submitted,
        returnComment: nil,
        content: ActivityProgramContent(
            texts: ["rationale": "Слабые результаты олимпиад по информатике.", "goals": "Подготовить призёров."],
            rows: [
                ActivityPlanRow(
                    activity: "Семинар для учителей информатики", dates: "октябрь", responsible: "Пробина О. И.",
                    partners: "Колледж № 1", dueOn: CivilDay(year: 2026, month: 10, day: 31))
            ], group: [WorkingGroupMember(name: "Тестова Анна Петровна", position: "директор, МБОУ «Лицей № 2»")]),
        planID: nil, versions: [Version(number: 1, submitted: "10.09.2026", status: .submitted, comment: nil)],
        version: 3, canEdit: false, canDecide: true, history: [])

    var path: String { SiteURL.activityProgram(id).path }

    public func render(_ ctx: PageContext) -> String {
        let heading = ActivityProgramWords.heading(center, startYear: startYear)
        return Layout.page(
            ctx, title: heading,
            crumbs: [Crumb(ActivityProgramWords.title, SiteURL.activityPrograms.path), Crumb(center)]
        ) {
            el("h1") {
                heading + " "
                el("span", .cls("badge")) { status.title }
            }
            UI.formError(conflict ?? (errors.isEmpty ? nil : ActivityProgramWords.notSaved))
            if let returnComment, status == .returned {
                el("div", .cls("warning"), Attr("role", "status")) { "Замечания: " + returnComment }
            }
            el("div", .cls("actions no-print")) {
                if canEdit {
                    el("a", .cls("button primary"), .href(path + "/edit")) { ActivityProgramWords.edit }
                }
                el("a", .cls("button"), .href(path + "/document")) { ActivityProgramWords.document }
                if let planID {
                    el("a", .cls("button"), .href(SiteURL.plan(planID).path)) { ActivityProgramWords.planTitle }
                }
            }
            if canDecide { decision(ctx) }
            sections
            el("h2") { "Версии" }
            if versions.isEmpty {
                UI.empty("Программа ещё не направлялась на согласование.")
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Версия", "Направлена", "Решение", "Замечания"] { el("th") { column } }
                        }
                    }
                    el("tbody") {
                        for one in versions {
                            el("tr") {
                                el("td", Attr("data-label", "Версия")) {
                                    el("a", .href(path + "/document?version=\(one.number)")) {
                                        ActivityProgramWords.version(one.number)
                                    }
                                }
                                el("td", Attr("data-label", "Направлена")) { one.submitted }
                                el("td", Attr("data-label", "Решение")) { one.status.title }
                                el("td", Attr("data-label", "Замечания")) { one.comment ?? "—" }
                            }
                        }
                    }
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

    /// The seven sections as the page shows them: texts as paragraphs, the work plan and the working group as tables
    /// that stack on a phone (the printable document is one click away).
    var sections: Node {
        fragment {
            for (number, section) in ActivityProgramSection.allCases.enumerated() {
                el("h2") { "\(number + 1). \(section.title)" }
                if section == .workPlan {
                    workPlan
                } else if let text = content.text(section) {
                    el("div", .cls("panel pre")) { text }
                } else {
                    UI.empty(ActivityProgramWords.notWrittenSection)
                }
            }
            el("h2") { ActivityProgramWords.Field.group }
            if content.group.isEmpty {
                UI.empty(ActivityProgramWords.notWrittenSection)
            } else {
                el("ul") {
                    for member in content.group { el("li") { member.name + " — " + member.position } }
                }
            }
        }
    }

    var workPlan: Node {
        if content.rows.isEmpty { return UI.empty(ActivityProgramWords.notWrittenSection) }
        let columns = ActivityProgramWords.pageColumns
        return el("table", .cls("list stack")) {
            el("thead") { el("tr") { for column in columns { el("th") { column } } } }
            el("tbody") {
                for (index, row) in content.rows.enumerated() {
                    el("tr") {
                        let cells = [
                            String(index + 1), row.activity, row.dates,
                            row.dueOn?.formatted ?? GovernanceWords.noExactDay, row.responsible, row.partners ?? "—",
                        ]
                        for (column, cell) in zip(columns, cells) { el("td", Attr("data-label", column)) { cell } }
                    }
                }
            }
        }
    }

    func decision(_ ctx: PageContext) -> Node {
        el(
            "form", .cls("stacked panel no-print"), Attr("method", "post"), Attr("action", path + "/decision"),
            Attr("novalidate", "novalidate")
        ) {
            Layout.csrf(ctx)
            UI.hidden("version", String(version))
            FieldSpec("comment", ActivityProgramWords.Field.comment, .textarea).render(values: values, errors: errors)
            el("div", .cls("actions")) {
                el("button", .type("submit"), .cls("primary"), .name("decision"), Attr("value", "agree")) {
                    ActivityProgramWords.agree
                }
                el("button", .type("submit"), .name("decision"), Attr("value", "return")) {
                    ActivityProgramWords.giveBack
                }
            }
        }
    }
}
