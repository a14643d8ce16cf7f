import Domain
import Fluent
import Foundation
import SQLKit

/// The plans' side-by-side figures (issue 22, item 2) counted by the database: a plan has some ninety items, a
/// municipality's year sixty plans at regional scale, and decoding every item to count it made `/plans` the slowest
/// page of the town (90 requests/s, `docs/PERFORMANCE.md`). Two statements whatever the plans: the counts per plan
/// (`PlanProgress`'s rules, written again as SQL — `PlanSummaryTests` holds the two equal), and each plan's next two
/// open deadlines.
enum PlanSummarySQL {
    static func counts(_ plans: [UUID], today: CivilDay, on db: any Database) async throws -> [UUID: PlanProgress] {
        guard !plans.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: plans.count).joined(separator: ", ")
        let open = "status NOT IN ('\(PlanItemStatus.done.rawValue)', '\(PlanItemStatus.cancelled.rawValue)')"
        let sql = """
            SELECT plan_id, COUNT(*) AS total,
              SUM(CASE WHEN status = '\(PlanItemStatus.done.rawValue)' THEN 1 ELSE 0 END) AS done,
              SUM(CASE WHEN status <> '\(PlanItemStatus.cancelled.rawValue)' AND due_on < ? THEN 1 ELSE 0 END) AS due,
              SUM(CASE WHEN status = '\(PlanItemStatus.done.rawValue)' AND due_on < ? AND done_on IS NOT NULL
                AND done_on <= due_on THEN 1 ELSE 0 END) AS due_on_time,
              SUM(CASE WHEN \(open) AND due_on < ? THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN \(open) AND due_on IS NULL THEN 1 ELSE 0 END) AS undated
            FROM plan_items WHERE plan_id IN (\(marks)) GROUP BY plan_id
            """
        let day = DBValue.int(today.number)
        var result: [UUID: PlanProgress] = [:]
        for row in try await db.sql().rows(sql, [day, day, day] + plans.map { .uuid($0) }) {
            guard let plan = row.uuid("plan_id") else { continue }
            result[plan] = PlanProgress(
                total: row.int("total"), done: row.int("done"), due: row.int("due"),
                dueDoneOnTime: row.int("due_on_time"), overdue: row.int("overdue"), undated: row.int("undated"))
        }
        return result
    }

    static func next(_ plans: [UUID], today: CivilDay, count: Int, on db: any Database) async throws -> [UUID: [(
        day: CivilDay, measure: String, id: UUID
    )]] {
        guard !plans.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: plans.count).joined(separator: ", ")
        let sql = """
            SELECT plan_id, id, measure, due_on FROM (
              SELECT plan_id, id, measure, due_on,
                ROW_NUMBER() OVER (PARTITION BY plan_id ORDER BY due_on, position) AS n
              FROM plan_items
              WHERE plan_id IN (\(marks)) AND due_on >= ?
                AND status NOT IN ('\(PlanItemStatus.done.rawValue)', '\(PlanItemStatus.cancelled.rawValue)')
            ) ranked WHERE n <= ? ORDER BY plan_id, n
            """
        var result: [UUID: [(day: CivilDay, measure: String, id: UUID)]] = [:]
        for row in try await db.sql().rows(sql, plans.map { .uuid($0) } + [.int(today.number), .int(count)]) {
            guard let plan = row.uuid("plan_id"), let id = row.uuid("id") else { continue }
            result[plan, default: []].append((CivilDay(number: row.int("due_on")), row.text("measure"), id))
        }
        return result
    }
}
