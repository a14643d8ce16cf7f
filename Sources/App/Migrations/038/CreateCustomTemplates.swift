import Fluent
import SQLKit

/// The municipality's own plan templates (issue 22, item 1: «Administrators create other templates … and edit them; a
/// template is versioned»): the current title and text (`RoadmapTemplate.sections(_:field:errors:)` reads it) under a
/// version, and every saved version kept.
struct CreateCustomTemplates: AsyncMigration {
    var name: String { "038_CreateCustomTemplates" }

    func prepare(on db: any Database) async throws {
        try await db.schema("custom_templates").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "custom_templates_municipality").on("custom_templates")
            .column("municipality_id").run()
        try await db.schema("custom_template_versions").id()
            .field("template_id", .uuid, .required, .references("custom_templates", "id"))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "template_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("custom_template_versions").delete()
        try await db.schema("custom_templates").delete()
    }
}
