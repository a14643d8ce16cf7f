import Fluent
import SQLKit

struct CreateEnrollmentCore: AsyncMigration {
    var name: String { "002_CreateEnrollmentCore" }

    func prepare(on db: any Database) async throws {
        try await db.schema("network_programs")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("subject_id", .uuid, .references("subjects", "id"))
            .field("hours", .int, .required)
            .field("approval", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("study_groups")
            .id()
            .field("program_id", .uuid, .required, .references("network_programs", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("name", .string, .required)
            .field("capacity", .int, .required)
            .field("enrolled_count", .int, .required)
            .field("waitlist_seq", .int, .required)
            .field("planned_hours", .int, .required)
            .field("teacher_id", .uuid, .references("staff", "id"))
            .field("room_id", .uuid, .references("rooms", "id"))
            .field("starts_on", .datetime)
            .field("ends_on", .datetime)
            .field("is_open", .bool, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            // The database itself refuses overbooking, whatever the application does.
            .constraint(.sql(raw: "CHECK (enrolled_count >= 0 AND enrolled_count <= capacity)"))
            .create()
        try await db.schema("students")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("surname", .string, .required)
            .field("given_name", .string, .required)
            .field("patronymic", .string)
            .field("birth_date", .datetime, .required)
            .field("grade", .int, .required)
            .field("letter", .string)
            .field("user_id", .uuid, .references("users", "id"))
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("enrollments")
            .id()
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("status", .string, .required)
            .field("waitlist_seq", .int)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "student_id", "group_id")
            .unique(on: "group_id", "waitlist_seq")
            .create()
        let sql = try db.sql()
        try await sql.create(index: "students_school_sort").on("students").column("school_id").column("sort_key").run()
        try await sql.create(index: "enrollments_group_status").on("enrollments").column("group_id").column("status").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["enrollments", "students", "study_groups", "network_programs"] { try await db.schema(table).delete() }
    }
}
