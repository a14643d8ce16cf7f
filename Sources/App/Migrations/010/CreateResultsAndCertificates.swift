import Fluent
import SQLKit

/// Final attestation, certificates with their gap-free counters, and the municipality's certificate settings.
struct CreateResultsAndCertificates: AsyncMigration {
    var name: String { "010_CreateResultsAndCertificates" }
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await db.schema("municipalities").field("certificate_series", .string, .required, .sql(.default("СК")))
            .update()
        try await db.schema("municipalities").field("certificate_min_attendance", .int, .required, .sql(.default(75)))
            .update()
        try await db.schema("final_results")
            .id()
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("form", .string, .required)
            .field("passed", .bool, .required)
            .field("grade", .string)
            .field("result_day", .int, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "group_id", "student_id")
            .create()
        try await db.schema("certificate_counters")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("year", .int, .required)
            .field("last_sequence", .int, .required)
            .unique(on: "municipality_id", "year")
            .create()
        try await db.schema("certificates")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("year", .int, .required)
            .field("sequence", .int, .required)
            .field("number", .string, .required)
            .field("verification_code", .string, .required)
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("student_name", .string, .required)
            .field("initials", .string, .required)
            .field("program_title", .string, .required)
            .field("hours", .int, .required)
            .field("center_name", .string, .required)
            .field("first_day", .int, .required)
            .field("last_day", .int, .required)
            .field("issued_at", .datetime, .required)
            .field("issued_by", .string, .required)
            .field("status", .string, .required)
            .field("annul_reason", .string)
            .field("annulled_at", .datetime)
            .unique(on: "municipality_id", "year", "sequence")
            .unique(on: "municipality_id", "number")
            .create()
        let sql = try db.sql()
        // At most one valid certificate per student and course, whatever the concurrency; an annulled one may be
        // replaced.
        try await sql.raw(
            "CREATE UNIQUE INDEX certificates_valid_once ON certificates (student_id, group_id) WHERE status = 'valid'"
        ).run()
        try await sql.create(index: "certificates_group").on("certificates").column("group_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("certificates").delete()
        try await db.schema("certificate_counters").delete()
        try await db.schema("final_results").delete()
        try await db.schema("municipalities").deleteField("certificate_series").update()
        try await db.schema("municipalities").deleteField("certificate_min_attendance").update()
    }
}
