import Fluent
import SQLKit

/// КМЦ lists for groups (composed by the coordinator, accepted or returned by the centre), and the reason, date and
/// source of every place in a group (direct, list, application; withdrawal and transfer with a reason).
struct CreateEnrollmentLists: AsyncMigration {
    var name: String { "004_CreateEnrollmentLists" }

    func prepare(on db: any Database) async throws {
        try await db.schema("enrollment_lists")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("state", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("decided_at", .datetime)
            .field("decided_by_name", .string)
            .field("comment", .string)
            .field("version", .int, .required)
            .create()
        try await db.schema("enrollment_list_items")
            .id()
            .field("list_id", .uuid, .required, .references("enrollment_lists", "id", onDelete: .cascade))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("added_at", .datetime, .required)
            .unique(on: "list_id", "student_id")
            .create()
        try await db.schema("enrollments").field("source", .string).update()
        try await db.schema("enrollments").field("withdrawn_on", .datetime).update()
        try await db.schema("enrollments").field("withdraw_reason", .string).update()
        let sql = try db.sql()
        try await sql.create(index: "enrollment_lists_group").on("enrollment_lists").column("group_id").run()
        try await sql.create(index: "enrollments_student").on("enrollments").column("student_id").run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.drop(index: "enrollments_student").run()
        try await db.schema("enrollments").deleteField("source").update()
        try await db.schema("enrollments").deleteField("withdrawn_on").update()
        try await db.schema("enrollments").deleteField("withdraw_reason").update()
        try await db.schema("enrollment_list_items").delete()
        try await db.schema("enrollment_lists").delete()
    }
}
