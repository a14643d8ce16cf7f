import Fluent

/// Diagnostic works of a group (`000_5375b2a087477e6d.txt` §4.6) and the students' scores.
struct CreateDiagnostics: AsyncMigration {
    var name: String { "012_CreateDiagnostics" }
    func prepare(on db: any Database) async throws {
        try await db.schema("diagnostic_works")
            .id()
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("title", .string, .required)
            .field("work_day", .int, .required)
            .field("max_score", .int, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("diagnostic_scores")
            .id()
            .field("work_id", .uuid, .required, .references("diagnostic_works", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("score", .int, .required)
            .unique(on: "work_id", "student_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("diagnostic_scores").delete()
        try await db.schema("diagnostic_works").delete()
    }
}
