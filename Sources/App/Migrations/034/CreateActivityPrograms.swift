import Fluent
import SQLKit

/// Resource centres' activity programmes (issue 22, item 3; `003_256a4293e3c370c5.txt` §3.2, §3.5, §4.2): one per
/// designation (a centre in an academic year), its content as JSON (`ActivityProgramContent`: the seven sections, the
/// work plan's rows, the working group), its state, and every version submitted with the decision on it. Once agreed,
/// its work plan is a plan (`plan_id`).
struct CreateActivityPrograms: AsyncMigration {
    var name: String { "034_CreateActivityPrograms" }

    func prepare(on db: any Database) async throws {
        try await db.schema("activity_programs").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("resource_center_id", .uuid, .required, .references("resource_centers", "id"))
            .field("start_year", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("return_comment", .string)
            .field("submitted_at", .datetime)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .field("plan_id", .uuid, .references("plans", "id"))
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "resource_center_id")
            .create()
        try await db.sql().create(index: "activity_programs_municipality").on("activity_programs")
            .column("municipality_id").column("start_year").run()
        try await db.sql().create(index: "activity_programs_organization").on("activity_programs")
            .column("organization_id").run()
        try await db.schema("activity_program_versions").id()
            .field("program_id", .uuid, .required, .references("activity_programs", "id"))
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("submitted_by", .string, .required)
            .field("submitted_at", .datetime, .required)
            // `ActivityProgramStatus` of this version: submitted until decided, then agreed or returned.
            .field("status", .string, .required)
            .field("comment", .string)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .unique(on: "program_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("activity_program_versions").delete()
        try await db.schema("activity_programs").delete()
    }
}
