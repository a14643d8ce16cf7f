import Fluent
import SQLKit

/// Indexes for lookups every signed-in request or every enrolment makes, which scanned whole tables before (issue 3's
/// benchmark: the student's own records and the roles of a user on each API call, the open groups of a campaign's
/// programmes on each ИУП).
struct CreateLookupIndexes: AsyncMigration {
    var name: String { "013_CreateLookupIndexes" }
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("students_user", "students", ["user_id"]),
        ("role_assignments_user", "role_assignments", ["user_id"]),
        ("study_groups_program", "study_groups", ["program_id"]),
        ("study_groups_organization", "study_groups", ["organization_id"]),
    ]

    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        for i in Self.indexes {
            var create = sql.create(index: i.name).on(i.table)
            for c in i.columns { create = create.column(c) }
            try await create.run()
        }
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        for i in Self.indexes { try await sql.drop(index: i.name).run() }
    }
}
