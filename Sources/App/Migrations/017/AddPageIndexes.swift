import Fluent
import SQLKit

/// Indexes the pages' reads missed at regional scale (issue 20's page benchmark on the generated region, each read's
/// plan looked at with `EXPLAIN QUERY PLAN`): a teacher's lessons and unmarked past lessons by teacher then day (the
/// `(day, teacher_id)` index made SQLite walk every past lesson), a signed-in teacher's staff records by user, a
/// student's results by student (the family's start page scanned them all), and a centre's programmes by approval.
struct AddPageIndexes: AsyncMigration {
    var name: String { "017_AddPageIndexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("lessons_teacher_day", "lessons", ["teacher_id", "day"]),
        ("staff_user", "staff", ["user_id"]),
        ("final_results_student", "final_results", ["student_id"]),
        ("network_programs_organization_approval", "network_programs", ["organization_id", "approval"]),
    ]

    func prepare(on db: any Database) async throws {
        for index in Self.indexes {
            var create = try db.sql().create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on db: any Database) async throws {
        for index in Self.indexes.reversed() { try await db.sql().drop(index: index.name).run() }
    }
}
