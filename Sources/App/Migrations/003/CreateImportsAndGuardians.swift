import Fluent
import SQLKit

/// Student import batches (preview, commit, revert), guardians with invitation codes and consent withdrawal,
/// and one registry record per child (unique identity within a municipality).
struct CreateImportsAndGuardians: AsyncMigration {
    var name: String { "003_CreateImportsAndGuardians" }

    func prepare(on db: any Database) async throws {
        try await db.schema("student_import_batches")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("created_by", .uuid, .references("users", "id"))
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("content", .data)
            .field("state", .string, .required)
            .field("row_count", .int, .required)
            .field("created_count", .int, .required)
            .field("merged_count", .int, .required)
            .field("skipped_count", .int, .required)
            .field("merges", .string)
            .field("committed_at", .datetime)
            .field("reverted_at", .datetime)
            .create()
        try await db.schema("guardians")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("full_name", .string, .required)
            .field("relation", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("user_id", .uuid, .references("users", "id"))
            .field("invite_hash", .string)
            .field("invite_expires_at", .datetime)
            .field("import_batch_id", .uuid, .references("student_import_batches", "id"))
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "student_id", "user_id")
            .create()
        // No foreign key: SQLite cannot drop a referencing column when the migration is reverted.
        try await db.schema("students").field("import_batch_id", .uuid).update()
        try await db.schema("students").field("consent_withdrawn_at", .datetime).update()
        try await db.schema("students").field("consent_withdrawn_by", .string).update()
        let sql = try db.sql()
        try await sql.drop(index: "students_identity").run()
        try await sql.create(index: "students_identity").unique().on("students").column("municipality_id").column(
            "identity_key"
        ).run()
        try await sql.create(index: "students_import_batch").on("students").column("import_batch_id").run()
        try await sql.create(index: "guardians_student").on("guardians").column("student_id").run()
        try await sql.create(index: "guardians_user").on("guardians").column("user_id").run()
        try await sql.create(index: "guardians_invite").unique().on("guardians").column("invite_hash").run()
        try await sql.create(index: "import_batches_school").on("student_import_batches").column("school_id").column(
            "created_at"
        ).run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.drop(index: "students_identity").run()
        try await sql.drop(index: "students_import_batch").run()
        try await sql.create(index: "students_identity").on("students").column("municipality_id").column("identity_key")
            .run()
        try await db.schema("students").deleteField("import_batch_id").update()
        try await db.schema("students").deleteField("consent_withdrawn_at").update()
        try await db.schema("students").deleteField("consent_withdrawn_by").update()
        try await db.schema("guardians").delete()
        try await db.schema("student_import_batches").delete()
    }
}
