import Fluent
import SQLKit

/// Events of the network and their registrations (issue 23, item 1): held by an organisation for students, teachers or
/// parents, with a capacity kept by a conditional update of `registered_count` (`EventRegistrations.register`) and one
/// registration per person (the unique indexes).
struct CreateEvents: AsyncMigration {
    var name: String { "041_CreateEvents" }

    func prepare(on db: any Database) async throws {
        try await db.schema("events").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("kind", .string, .required)
            .field("audience", .string, .required)
            .field("title", .string, .required)
            .field("description", .string)
            .field("starts_on", .int, .required)
            .field("ends_on", .int, .required)
            .field("starts_at", .int)
            .field("ends_at", .int)
            .field("place", .string)
            .field("link", .string)
            .field("capacity", .int)
            .field("registered_count", .int, .required, .sql(.check(SQLRaw("registered_count >= 0"))))
            .field("registration_until", .int)
            .field("is_public", .bool, .required)
            .field("results", .string)
            .field("materials", .string)
            .field("search_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .create()
        let sql = try db.sql()
        try await sql.create(index: "events_municipality_start").on("events").column("municipality_id")
            .column("starts_on").run()
        try await sql.create(index: "events_organization").on("events").column("organization_id").run()
        try await db.schema("event_registrations").id()
            .field("event_id", .uuid, .required, .references("events", "id"))
            .field("student_id", .uuid, .references("students", "id"))
            .field("user_id", .uuid, .references("users", "id"))
            .field("full_name", .string, .required)
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("attended", .bool)
            .field("registered_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "event_id", "student_id")
            .unique(on: "event_id", "user_id")
            .create()
        try await sql.create(index: "event_registrations_student").on("event_registrations").column("student_id").run()
        try await sql.create(index: "event_registrations_user").on("event_registrations").column("user_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("event_registrations").delete()
        try await db.schema("events").delete()
    }
}
