import Fluent

/// The version of the municipality's own template a plan was made from (issue 22, item 1: «a template is versioned»),
/// so that the plan's page leads to the text its items came from; nil for the built-in roadmaps and the plans of
/// programmes, assignments and meetings.
struct AddPlanTemplateVersion: AsyncMigration {
    var name: String { "040_AddPlanTemplateVersion" }

    func prepare(on db: any Database) async throws {
        try await db.schema("plans").field("template_version", .int).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("plans").deleteField("template_version").update()
    }
}
