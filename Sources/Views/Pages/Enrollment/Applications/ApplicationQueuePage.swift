import Domain
import Foundation

/// The school's queue of applications to confirm (and the КМЦ's overview of all of them).
public struct ApplicationQueuePage: Sendable {
    /// One application (dates already written; `schoolDecision` as stored).
    public struct Row: Sendable {
        public var id: UUID, student: String, grade: String, school: String, campaign: String, submitted: String
        public var guardianAgreed: Bool, holdExpires: String?, state: ApplicationState, schoolDecision: String
        public var canDecide: Bool
        public init(
            id: UUID, student: String, grade: String, school: String, campaign: String, submitted: String,
            guardianAgreed: Bool, holdExpires: String?, state: ApplicationState, schoolDecision: String,
            canDecide: Bool
        ) {
            self.id = id
            self.student = student
            self.grade = grade
            self.school = school
            self.campaign = campaign
            self.submitted = submitted
            self.guardianAgreed = guardianAgreed
            self.holdExpires = holdExpires
            self.state = state
            self.schoolDecision = schoolDecision
            self.canDecide = canDecide
        }
    }

    public var query: ListQuery, campaigns: [(value: String, title: String)], rows: [Row], total: Int, csrf: String

    public init(
        query: ListQuery, campaigns: [(value: String, title: String)], rows: [Row], total: Int, csrf: String
    ) {
        self.query = query
        self.campaigns = campaigns
        self.rows = rows
        self.total = total
        self.csrf = csrf
    }

    public static let mock = ApplicationQueuePage(
        query: ListQuery(filters: ["state": "submitted"], sort: "submitted"),
        campaigns: [(value: "00000000-0000-0000-0000-0000000000c1", title: "Запись на сетевые курсы, 2026/2027")],
        rows: [
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, student: "Ёлкин Артём Ильич",
                grade: "10А", school: "СОШ № 1", campaign: "Запись на сетевые курсы, 2026/2027",
                submitted: "01.05.2026 09:15", guardianAgreed: false, holdExpires: "04.05.2026 09:15",
                state: .submitted,
                schoolDecision: "confirmed", canDecide: true)
        ],
        total: 1, csrf: "csrf-mock")

    /// The registry list the controller renders.
    public var list: RegistryList {
        var list = RegistryList(
            title: "Заявки (ИУП)", area: .campaigns, query: query,
            filters: [
                FieldSpec(
                    "state", "Состояние",
                    .select(ApplicationState.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                FieldSpec("campaign", "Кампания", .select(campaigns, empty: "Все кампании")),
            ],
            columns: [
                Column("Обучающийся"), Column("Школа"), Column("Кампания"), Column("Подана", sort: "submitted"),
                Column("Согласие родителя"),
                Column("Подтвердить до"), Column("Состояние"), Column(""),
            ],
            rows: rows.map { application in
                let url = "/applications/" + application.id.uuidString.lowercased()
                return [
                    .link(application.student + ", " + application.grade, url), .text(application.school),
                    .text(application.campaign), .text(application.submitted),
                    application.guardianAgreed ? .text("дано") : .tag("ожидается", "draft"),
                    .text(application.holdExpires ?? ""),
                    .text(
                        application.state.title
                            + (application.schoolDecision == "confirmed" && application.state == .submitted
                                ? " (школа подтвердила)" : "")),
                    application.canDecide ? .post("Подтвердить", url + "/confirm", csrf: csrf) : .text(""),
                ]
            },
            total: total, noun: ("заявка", "заявки", "заявок"), createTitle: nil,
            emptyText: query.filters["state"] == "submitted" ? "Заявок, ждущих подтверждения, нет." : "Заявок нет.")
        list.searchAction = "/applications"
        return list
    }
}
