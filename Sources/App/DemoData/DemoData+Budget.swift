import Domain
import Fluent
import Foundation

extension DemoData {
    /// This year's budget of the municipal programme (issue 23, item 6; `000_5375b2a087477e6d.txt` §4.3, §4.5, §5):
    /// a line of each kind with its plan; the outside trainer's work committed and paid, a pupil's trip to the final
    /// stage and an event committed, the teachers' support line waiting for the approved round.
    static func loadBudget(on db: any Database, municipalityID: UUID, zone: TimeZone) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        let plans: [(BudgetKind, String, Int)] = [
            (.trainers, "Оплата педагогов-тренеров (сессии перед региональным этапом)", 60_000),
            (.trips, "Поездки на заключительный этап всероссийской олимпиады", 150_000),
            (.awards, "Финансовая поддержка учителей сети", 111_000),
            (.studentSupport, "Премии и стипендии обучающимся", 100_000),
            (.events, "Мероприятия сети: семинары, конференция, профильная смена", 40_000),
        ]
        for (kind, title, planned) in plans {
            let line = BudgetLine()
            line.$municipality.id = municipalityID
            line.year = today.ymd.year
            line.kind = kind.rawValue
            line.title = title
            line.planned = planned
            line.used = 0
            line.searchKey = TextKey.search(title)
            line.status = RecordStatus.active.rawValue
            line.version = 1
            try await line.create(on: db)
            let sources = try await BudgetEntries.sources(for: line, on: db)
            let taken: [(source: BudgetEntries.Source, amount: Int, paid: Bool)] =
                switch kind {
                case .trainers: sources.first.map { [($0, 12_000, true)] } ?? []
                case .trips: sources.first.map { [($0, $0.amount ?? 0, false)] } ?? []
                case .events: sources.first.map { [($0, 8_000, false)] } ?? []
                case .awards, .studentSupport, .other: []
                }
            for item in taken where item.amount > 0 {
                let entry = try BudgetEntries.make(
                    line: line, source: item.source, amount: item.amount, purpose: kind.title,
                    committedOn: today.adding(days: -20), paidOn: item.paid ? today.adding(days: -5) : nil,
                    user: "демо")
                try await entry.create(on: db)
                line.used += item.amount
            }
            try await line.save(on: db)
        }
    }
}
