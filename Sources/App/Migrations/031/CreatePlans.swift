import Fluent
import SQLKit

/// Plans made from roadmap templates (issue 22, item 2; `004_5209da8e0aa92458.txt`): an organisation's plan (a
/// resource centre, a school with its «Точка роста» centre) or the municipality's own for a year, and its items —
/// each side of each template row, the quarterly ones once per quarter — with the day they are due, their state,
/// the person answering for them and the evidence (a note, a link, a file). One plan per owner, template and year.
struct CreatePlans: AsyncMigration {
    var name: String { "031_CreatePlans" }

    func prepare(on db: any Database) async throws {
        try await db.schema("plans").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            // The owner as one key for the uniqueness below: the organisation's id, or «municipality» for its own.
            .field("owner_key", .string, .required)
            .field("template_key", .string, .required)
            .field("title", .string, .required)
            .field("year", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id", "owner_key", "template_key", "year")
            .create()
        try await db.sql().create(index: "plans_organization").on("plans").column("organization_id").run()
        try await db.schema("plan_items").id()
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("side", .string, .required)
            .field("section", .string, .required)
            .field("number", .string)
            .field("position", .int, .required)
            .field("measure", .string, .required)
            .field("deadline", .string, .required)
            .field("due_on", .int)
            .field("starts_on", .int)
            .field("quarter", .int)
            .field("evidence_required", .bool, .required)
            .field("status", .string, .required)
            .field("done_on", .int)
            .field("responsible", .string)
            .field("responsible_user_id", .uuid, .references("users", "id"))
            .field("evidence_note", .string)
            .field("evidence_link", .string)
            .field("cancel_reason", .string)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "plan_items_plan").on("plan_items").column("plan_id").column("position").run()
        // «Мои сроки» and the overdue counts read open items by day.
        try await db.sql().create(index: "plan_items_due").on("plan_items").column("municipality_id")
            .column("due_on").run()
        try await db.sql().create(index: "plan_items_responsible").on("plan_items").column("responsible_user_id").run()
        // An item's evidence file, as an achievement's scan is kept: one per item, its kind read from the content.
        try await db.schema("plan_item_files").id()
            .field("plan_item_id", .uuid, .required, .references("plan_items", "id"))
            .field("file_name", .string, .required).field("kind", .string, .required).field("size", .int, .required)
            .field("content", .data, .required).field("storage", .string, .required)
            .field("uploaded_at", .datetime, .required).field("uploaded_by", .string, .required)
            .unique(on: "plan_item_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("plan_item_files").delete()
        try await db.schema("plan_items").delete()
        try await db.schema("plans").delete()
    }
}
