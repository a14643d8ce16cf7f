import Domain
import Foundation

/// The municipality's technical assignments (the own organisation's issued ones for its people): to whom, the term,
/// the state and how far the results are.
public struct AssignmentListPage: Sendable {
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var organization: String
        public var term: String
        public var status: AssignmentStatus
        public var progress: String
        public init(
            id: UUID, title: String, organization: String, term: String, status: AssignmentStatus, progress: String
        ) {
            self.id = id
            self.title = title
            self.organization = organization
            self.term = term
            self.status = status
            self.progress = progress
        }
    }

    public var rows: [Row]
    public var canCreate: Bool

    public init(rows: [Row], canCreate: Bool) {
        self.rows = rows
        self.canCreate = canCreate
    }

    public static let mock = AssignmentListPage(
        rows: [
            Row(
                id: MockID.of(1), title: "Модель ресурсного центра по информатике", organization: "МБОУ «Лицей № 2»",
                term: "01.09.2026 — 30.06.2027", status: .issued, progress: "выполнено 2 из 4")
        ], canCreate: true)

    public func render(_ ctx: PageContext) -> String {
        let columns = ["Задание", "Исполнитель", "Срок", "Состояние", "Результаты"]
        return Layout.page(ctx, title: AssignmentWords.title, crumbs: [Crumb(AssignmentWords.title)]) {
            el("h1") { AssignmentWords.title }
            el("p", .cls("muted")) { AssignmentWords.intro }
            if canCreate {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.assignments.path + "/new")) { AssignmentWords.create }
                }
            }
            if rows.isEmpty {
                UI.empty(AssignmentWords.none)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") { el("tr") { for column in columns { el("th") { column } } } }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", columns[0])) {
                                    el("a", .href(SiteURL.assignment(row.id).path)) { row.title }
                                }
                                el("td", Attr("data-label", columns[1])) { row.organization }
                                el("td", Attr("data-label", columns[2])) { row.term }
                                el("td", Attr("data-label", columns[3])) { row.status.title }
                                el("td", Attr("data-label", columns[4])) { row.progress }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One assignment: its texts, the results with the state of their plan items, the history.
public struct AssignmentPage: Sendable {
    public struct Result: Sendable {
        public var deliverable: AssignmentDeliverable
        public var itemID: UUID?
        public var state: String?
        public var overdue: Bool
        public var evidence: Bool
        public init(deliverable: AssignmentDeliverable, itemID: UUID?, state: String?, overdue: Bool, evidence: Bool) {
            self.deliverable = deliverable
            self.itemID = itemID
            self.state = state
            self.overdue = overdue
            self.evidence = evidence
        }
    }

    public var id: UUID
    public var title: String
    public var organization: String
    public var status: AssignmentStatus
    public var input: AssignmentInput
    public var issued: String?
    public var results: [Result]
    public var canEdit: Bool
    public var history: [HistoryLine]

    public init(
        id: UUID, title: String, organization: String, status: AssignmentStatus, input: AssignmentInput,
        issued: String?, results: [Result], canEdit: Bool, history: [HistoryLine]
    ) {
        self.id = id
        self.title = title
        self.organization = organization
        self.status = status
        self.input = input
        self.issued = issued
        self.results = results
        self.canEdit = canEdit
        self.history = history
    }

    public static let mock: AssignmentPage = {
        let input = AssignmentInput(
            title: "Модель ресурсного центра по информатике", basis: "Программа развития образования округа.",
            goals: "Создать условия для развития одарённости.", content: "Разработать модель ресурсного центра.",
            results: "Описание модели, публикации.", financing: "В рамках муниципальной программы.",
            startsOn: CivilDay(year: 2026, month: 9, day: 1)!, endsOn: CivilDay(year: 2027, month: 6, day: 30)!,
            deliverables: AssignmentDeliverable.standard(startYear: 2026))
        return AssignmentPage(
            id: MockID.of(1), title: input.title, organization: "МБОУ «Лицей № 2»", status: .issued, input: input,
            issued: "01.09.2026",
            results: input.deliverables.enumerated().map {
                Result(
                    deliverable: $1, itemID: MockID.of(10 + $0), state: $0 == 0 ? "выполнено" : "не начато",
                    overdue: $0 == 1, evidence: $0 == 0)
            }, canEdit: false, history: [])
    }()

    public func render(_ ctx: PageContext) -> String {
        let path = SiteURL.assignment(id).path
        let columns = ["№", "Вид", "Результат", "Срок", "Состояние", "Подтверждение"]
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(AssignmentWords.title, SiteURL.assignments.path), Crumb(title)]
        ) {
            el("h1") {
                title + " "
                el("span", .cls("badge")) { status.title }
            }
            el("p") {
                el("strong") { AssignmentWords.Field.organization + ": " }
                organization
            }
            el("p") {
                el("strong") { "Срок выполнения: " }
                AssignmentWords.term(input.startsOn.formatted, input.endsOn.formatted)
                if let issued { el("span", .cls("muted")) { " · выдано " + issued } }
            }
            el("div", .cls("actions no-print")) {
                if canEdit { el("a", .cls("button primary"), .href(path + "/edit")) { AssignmentWords.edit } }
                el("a", .cls("button"), .href(path + "/document")) { AssignmentWords.document }
            }
            el("h2") { AssignmentWords.Field.deliverables }
            el("table", .cls("list stack")) {
                el("thead") { el("tr") { for column in columns { el("th") { column } } } }
                el("tbody") {
                    for (index, result) in results.enumerated() {
                        el("tr", attrs: result.overdue ? [.cls("late")] : []) {
                            el("td", Attr("data-label", columns[0])) { String(index + 1) }
                            el("td", Attr("data-label", columns[1])) { result.deliverable.kind.title }
                            el("td", Attr("data-label", columns[2])) {
                                if let item = result.itemID {
                                    el("a", .href(SiteURL.planItem(item).path)) { result.deliverable.title }
                                } else {
                                    result.deliverable.title
                                }
                            }
                            el("td", Attr("data-label", columns[3])) {
                                result.deliverable.dueOn.formatted
                                if result.overdue { el("div", .cls("overdue")) { "просрочено" } }
                            }
                            el("td", Attr("data-label", columns[4])) { result.state ?? "—" }
                            el("td", Attr("data-label", columns[5])) {
                                result.itemID == nil
                                    ? "—" : result.evidence ? AssignmentWords.hasEvidence : AssignmentWords.noEvidence
                            }
                        }
                    }
                }
            }
            for (heading, text) in [
                (AssignmentWords.Field.basis, input.basis), (AssignmentWords.Field.goals, input.goals),
                (AssignmentWords.Field.content, input.content), (AssignmentWords.Field.results, input.results),
                (AssignmentWords.Field.financing, input.financing),
            ] {
                el("h2") { heading }
                el("div", .cls("panel pre")) { text ?? "—" }
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
