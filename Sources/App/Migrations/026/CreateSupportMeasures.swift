import Fluent
import SQLKit

/// Support of gifted students (issue 21, item 5): the measures — premium, stipend, grant, paid trip — each of a student
/// in an academic year with its amount, period or trip, basis, the points it was chosen by, the decree's number and
/// date, and the order that awards it; and the administrator's weights of achievement points (one row per
/// municipality; none — `SupportPoints.standard`).
struct CreateSupportMeasures: AsyncMigration {
    var name: String { "026_CreateSupportMeasures" }

    func prepare(on db: any Database) async throws {
        try await db.schema("support_measures").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("kind", .string, .required).field("amount", .int, .required).field("total", .int, .required)
            .field("starts_on", .int).field("ends_on", .int)
            .field("destination", .string).field("event", .string).field("budget_line", .string)
            .field("basis", .string, .required).field("points", .int, .required)
            .field("decree_number", .string).field("decree_day", .int)
            .field("order_id", .uuid, .references("orders", "id"))
            .field("status", .string, .required)
            .field("created_by", .string, .required).field("created_at", .datetime, .required)
            .field("updated_by", .string, .required).field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "support_measures_year").on("support_measures")
            .column("municipality_id").column("academic_year_id").run()
        try await db.sql().create(index: "support_measures_student").on("support_measures").column("student_id").run()
        try await db.sql().create(index: "support_measures_order").on("support_measures").column("order_id").run()
        try await db.schema("support_weights").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("weights", .string, .required).field("years", .int, .required)
            .field("updated_by", .string, .required).field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("support_weights").delete()
        try await db.schema("support_measures").delete()
    }
}
