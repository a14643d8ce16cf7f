import Fluent
import SQLKit

/// Technical assignments (issue 22, item 4; `001_4390f67d15d9225c.txt` §2.5.2, `000_5375b2a087477e6d.txt`): to whom,
/// the texts of the model assignment, the term, the results to present (JSON `AssignmentDeliverable`s) and, once
/// issued, the plan whose items track them (`plan_id`).
struct CreateTechnicalAssignments: AsyncMigration {
    var name: String { "035_CreateTechnicalAssignments" }

    func prepare(on db: any Database) async throws {
        try await db.schema("technical_assignments").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("title", .string, .required)
            .field("basis", .string)
            .field("goals", .string, .required)
            .field("content", .string, .required)
            .field("results", .string, .required)
            .field("financing", .string)
            .field("starts_on", .int, .required)
            .field("ends_on", .int, .required)
            .field("deliverables", .string, .required)
            .field("status", .string, .required)
            .field("plan_id", .uuid, .references("plans", "id"))
            .field("issued_at", .datetime)
            .field("issued_by", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "technical_assignments_municipality").on("technical_assignments")
            .column("municipality_id").column("starts_on").run()
        try await db.sql().create(index: "technical_assignments_organization").on("technical_assignments")
            .column("organization_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("technical_assignments").delete()
    }
}
