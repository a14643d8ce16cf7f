import Fluent
import SQLKit

/// The municipal programme's budget (issue 23, item 6): lines with the year's planned amount and the money used
/// (committed and paid, kept with every entry's write so that two commitments at once can never take more than the
/// plan — the CHECK is the last word), and the entries, each naming the record it pays for. A record paid once (a
/// teacher's award, a student's measure) has at most one entry that is not cancelled.
struct CreateProgrammeBudget: AsyncMigration {
    var name: String { "044_CreateProgrammeBudget" }

    func prepare(on db: any Database) async throws {
        try await db.schema("budget_lines").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("planned", .int, .required)
            .field("used", .int, .required)
            .field("note", .string)
            .field("search_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id", "year", "title")
            .constraint(.sql(unsafeRaw: "CHECK (planned >= 0 AND used >= 0 AND used <= planned)"))
            .create()
        try await db.schema("budget_entries").id()
            .field("line_id", .uuid, .required, .references("budget_lines", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("amount", .int, .required)
            .field("purpose", .string, .required)
            .field("source_kind", .string)
            .field("source_id", .uuid)
            .field("source_title", .string)
            .field("state", .string, .required)
            .field("committed_on", .int, .required)
            .field("paid_on", .int)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .constraint(
                .sql(
                    unsafeRaw: "CHECK (amount > 0 AND state IN ('committed', 'paid', 'cancelled') "
                        + "AND (state <> 'paid' OR paid_on IS NOT NULL))")
            )
            .create()
        let sql = try db.sql()
        try await sql.create(index: "budget_lines_municipality_year").on("budget_lines").column("municipality_id")
            .column("year").run()
        try await sql.create(index: "budget_entries_line").on("budget_entries").column("line_id").run()
        // A teacher's award or a student's measure is paid by one entry at most (both databases read a partial index).
        try await sql.raw(
            """
            CREATE UNIQUE INDEX budget_entries_paid_once ON budget_entries (source_kind, source_id)
            WHERE state <> 'cancelled' AND source_kind IN ('teacher-award', 'support-measure')
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("budget_entries").delete()
        try await db.schema("budget_lines").delete()
    }
}
