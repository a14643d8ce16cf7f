import Fluent
import SQLKit

/// The journal: for each lesson the topic and hours delivered, and each student's attendance.
struct CreateJournal: AsyncMigration {
    var name: String { "009_CreateRegister" }
    func prepare(on db: any Database) async throws {
        try await db.schema("lesson_records")
            .id()
            .field("lesson_id", .uuid, .required, .references("lessons", "id"))
            .field("topic", .string, .required)
            .field("hours", .int, .required)
            .field("marked_at", .datetime, .required)
            .field("marked_by", .string, .required)
            .field("version", .int, .required)
            .unique(on: "lesson_id")
            .constraint(.sql(unsafeRaw: "CHECK (hours >= 0)"))
            .create()
        try await db.schema("attendance_marks")
            .id()
            .field("lesson_id", .uuid, .required, .references("lessons", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("status", .string, .required)
            .unique(on: "lesson_id", "student_id")
            .create()
        try await db.sql().create(index: "attendance_student").on("attendance_marks").column("student_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("attendance_marks").delete()
        try await db.schema("lesson_records").delete()
    }
}
