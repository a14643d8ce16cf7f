import Fluent
import SQLKit

/// Analytic notes (issue 22, item 7): one per resource-centre designation (a centre's academic year) — its sections as
/// JSON (key → text), the figures it was drafted from (JSON `AnalyticFigures`) and when they were counted.
struct CreateAnalyticNotes: AsyncMigration {
    var name: String { "036_CreateAnalyticNotes" }

    func prepare(on db: any Database) async throws {
        try await db.schema("analytic_notes").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("resource_center_id", .uuid, .required, .references("resource_centers", "id"))
            .field("sections", .string, .required)
            .field("figures", .string, .required)
            .field("counted_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "resource_center_id")
            .create()
        try await db.sql().create(index: "analytic_notes_organization").on("analytic_notes").column("organization_id")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("analytic_notes").delete()
    }
}
