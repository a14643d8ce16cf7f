import Fluent
import SQLKit

/// The administrator's own report forms (issue 22, item 5: «The administrator defines a report form»): the current
/// title and text (`ReportForm.indicators(_:field:errors:)` reads it) under a version, every saved version kept; and the
/// text a campaign was announced with, kept on the campaign so that its reports' indicators never move (nil: a
/// built-in form, named by `form_key`).
struct CreateCustomReportForms: AsyncMigration {
    var name: String { "039_CreateCustomReportForms" }

    func prepare(on db: any Database) async throws {
        try await db.schema("custom_report_forms").id()
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
        try await db.sql().create(index: "custom_report_forms_municipality").on("custom_report_forms")
            .column("municipality_id").run()
        try await db.schema("custom_report_form_versions").id()
            .field("form_id", .uuid, .required, .references("custom_report_forms", "id"))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "form_id", "number")
            .create()
        try await db.schema("report_campaigns").field("form_text", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("report_campaigns").deleteField("form_text").update()
        try await db.schema("custom_report_form_versions").delete()
        try await db.schema("custom_report_forms").delete()
    }
}
