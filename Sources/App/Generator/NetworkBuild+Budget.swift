import Domain
import Foundation

/// The programme's budget of a generated municipality (issue 23, item 6): this calendar year's line of each kind, and
/// on the events line one commitment per centre (every other one paid) — the list's and the card's rows grow with the
/// scale.
extension NetworkBuild {
    func budget(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let today = plan.today
        let now = moment(today)
        for kind in BudgetKind.allCases {
            let lineID = rng.uuid()
            let planned = 50_000 + 10_000 * town.centres.count
            var used = 0
            if kind == .events {
                for (index, centre) in town.centres.enumerated() {
                    let amount = 2_000 + 100 * rng.below(30)
                    used += amount
                    let paid = index % 2 == 1
                    try await rows.add(
                        "budget_entries",
                        [
                            .uuid(rng.uuid()), .uuid(lineID), .uuid(town.id), .int(amount),
                            .text("Мероприятие центра: " + town.schools[centre.school].shortName), .text(nil),
                            .text(nil), .text(nil),
                            .text((paid ? BudgetEntryState.paid : .committed).rawValue),
                            .int(today.adding(days: -30).number),
                            paid ? .int(today.adding(days: -10).number) : .text(nil),
                            .text("admin"), .date(now), .text("admin"), .date(now), .int(1),
                        ])
                }
            }
            try await rows.add(
                "budget_lines",
                [
                    .uuid(lineID), .uuid(town.id), .int(today.ymd.year), .text(kind.rawValue), .text(kind.title),
                    .int(planned), .int(used), .text(nil), .text(TextKey.search(kind.title)),
                    .text(RecordStatus.active.rawValue), .int(1),
                ])
        }
    }
}
