import Fluent
import SQLKit

/// Report campaigns (issue 22, item 5; `004_5209da8e0aa92458.txt` № 43): a form, a period and its due day, and one
/// report per organisation that reports — its answers, where pre-filled numbers came from, its state (not begun,
/// draft, submitted, returned with a comment), when it was submitted and whether late.
struct CreateReportCampaigns: AsyncMigration {
    var name: String { "032_CreateReportCampaigns" }

    func prepare(on db: any Database) async throws {
        try await db.schema("report_campaigns").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("form_key", .string, .required)
            .field("title", .string, .required)
            .field("year", .int, .required)
            .field("quarter", .int)
            .field("period_from", .int, .required)
            .field("period_to", .int, .required)
            .field("due_on", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            // One campaign of a form per quarter.
            .unique(on: "municipality_id", "form_key", "year", "quarter")
            .create()
        try await db.sql().create(index: "report_campaigns_municipality").on("report_campaigns")
            .column("municipality_id").column("due_on").run()
        try await db.schema("reports").id()
            .field("campaign_id", .uuid, .required, .references("report_campaigns", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("status", .string, .required)
            // JSON objects: indicator key → answer text; indicator key → the number Setka computed when it was filled.
            .field("answers", .string, .required)
            .field("computed", .string, .required)
            .field("submitted_at", .datetime)
            .field("submitted_by", .string)
            .field("late", .bool, .required)
            .field("return_comment", .string)
            .field("returned_at", .datetime)
            .field("returned_by", .string)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "campaign_id", "organization_id")
            .create()
        try await db.sql().create(index: "reports_organization").on("reports").column("organization_id").run()
        try await db.sql().create(index: "reports_municipality").on("reports").column("municipality_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("reports").delete()
        try await db.schema("report_campaigns").delete()
    }
}
