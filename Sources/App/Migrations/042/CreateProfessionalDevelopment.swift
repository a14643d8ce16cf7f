import Fluent
import SQLKit

/// Teachers' courses of professional development — the qualification-improvement plan-schedule with its trips
/// (issue 23, item 2; `004_5209da8e0aa92458.txt`, second year §3).
struct CreateProfessionalDevelopment: AsyncMigration {
    var name: String { "042_CreateProfessionalDevelopment" }

    func prepare(on db: any Database) async throws {
        try await db.schema("professional_development").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("course", .string, .required)
            .field("provider", .string, .required)
            .field("hours", .int, .required, .sql(.check(SQLRaw("hours > 0"))))
            .field("starts_on", .int, .required)
            .field("ends_on", .int, .required)
            .field("trip", .string, .required)
            .field("is_completed", .bool, .required)
            .field("certificate", .string)
            .field("note", .string)
            .field("search_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .create()
        let sql = try db.sql()
        try await sql.create(index: "professional_development_municipality_start").on("professional_development")
            .column("municipality_id").column("starts_on").run()
        try await sql.create(index: "professional_development_staff").on("professional_development").column("staff_id")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("professional_development").delete()
    }
}
