import Domain
import Foundation

/// The list of enrolment campaigns: their windows, modes and where each one stands now.
public struct CampaignListPage: Sendable {
    /// Where a campaign stands now.
    public enum Phase: Sendable {
        case archived, notStarted, open, awaitingDistribution, finished
    }
    /// One campaign (`opens`, `closes`: already written as date and time).
    public struct Row: Sendable {
        public var id: UUID, title: String, opens: String, closes: String, mode: CampaignMode, maxCourses: Int
        public var applications: Int, phase: Phase
        public init(
            id: UUID, title: String, opens: String, closes: String, mode: CampaignMode, maxCourses: Int,
            applications: Int, phase: Phase
        ) {
            self.id = id
            self.title = title
            self.opens = opens
            self.closes = closes
            self.mode = mode
            self.maxCourses = maxCourses
            self.applications = applications
            self.phase = phase
        }
    }

    public var query: ListQuery, rows: [Row], total: Int, canCreate: Bool

    public init(query: ListQuery, rows: [Row], total: Int, canCreate: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = CampaignListPage(
        query: ListQuery(sort: "opens"),
        rows: [
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
                title: "Запись на сетевые курсы, 2026/2027",
                opens: "01.05.2026 09:00", closes: "31.05.2026 23:59", mode: .ranked, maxCourses: 2, applications: 14,
                phase: .awaitingDistribution),
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, title: "Дополнительный набор",
                opens: "01.09.2025 00:00", closes: "15.09.2025 23:59", mode: .firstCome, maxCourses: 1, applications: 0,
                phase: .archived),
        ],
        total: 2, canCreate: true)

    /// The registry list the section returns.
    public var list: RegistryList {
        RegistryList(
            title: "Кампании записи", area: .campaigns, query: query,
            filters: [RegistryWords.Filters.search, RegistryWords.Filters.status],
            columns: [
                Column("Кампания", sort: "name"), Column("Приём заявок", sort: "opens"), Column("Порядок"),
                Column("Курсов на ученика"), Column("Заявок"), Column("Сейчас"),
            ],
            rows: rows.map { campaign in
                [
                    .link(campaign.title, SiteURL.record(.campaigns, campaign.id).path),
                    .text(campaign.opens + " — " + campaign.closes),
                    .text(campaign.mode.title), .text(String(campaign.maxCourses)),
                    .text(String(campaign.applications)), Self.cell(campaign.phase),
                ]
            },
            total: total, noun: ("кампания", "кампании", "кампаний"), createTitle: canCreate ? "Открыть кампанию" : nil,
            emptyText: "Кампаний записи пока нет.")
    }

    static func cell(_ phase: Phase) -> Cell {
        switch phase {
        case .archived: .badge(.archived)
        case .notStarted: .tag("ещё не начата", "draft")
        case .open: .tag("идёт приём заявок", "signed")
        case .awaitingDistribution: .tag("ждёт распределения", "expiring")
        case .finished: .tag("завершена", "expired")
        }
    }
}
