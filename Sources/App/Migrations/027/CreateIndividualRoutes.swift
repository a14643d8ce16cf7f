import Fluent
import SQLKit

/// Individual educational routes of databank students (issue 21, item 6): one route per student and year with its
/// goals, mentor, curator and status; its steps (activity, dates of start and milestone, status, result); and the
/// school's psychological-pedagogical support notes.
struct CreateIndividualRoutes: AsyncMigration {
    var name: String { "027_CreateIndividualRoutes" }

    func prepare(on db: any Database) async throws {
        try await db.schema("individual_routes").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("goals", .string, .required).field("mentor", .string).field("curator", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required).field("created_at", .datetime, .required)
            .field("updated_by", .string, .required).field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "student_id", "academic_year_id")
            .create()
        try await db.sql().create(index: "individual_routes_year").on("individual_routes")
            .column("municipality_id").column("academic_year_id").run()
        try await db.schema("individual_route_steps").id()
            .field("route_id", .uuid, .required, .references("individual_routes", "id"))
            .field("kind", .string, .required).field("title", .string, .required)
            .field("starts_on", .int).field("due_on", .int, .required)
            .field("status", .string, .required).field("result", .string)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "individual_route_steps_route").on("individual_route_steps")
            .column("route_id").column("due_on").run()
        try await db.schema("route_support_notes").id()
            .field("route_id", .uuid, .required, .references("individual_routes", "id"))
            .field("noted_on", .int, .required).field("text", .string, .required)
            .field("author", .string, .required).field("created_at", .datetime, .required)
            .create()
        try await db.sql().create(index: "route_support_notes_route").on("route_support_notes").column("route_id")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("route_support_notes").delete()
        try await db.schema("individual_route_steps").delete()
        try await db.schema("individual_routes").delete()
    }
}
