import Fluent
import SQLKit

/// The timetable: the academic-year calendar (holidays), schools' busy time, travel times between centres, weekly
/// patterns and the lessons they generate. Days are stored as days since 01.01.1970 and times as minutes since
/// midnight, both in the municipality's local time (`Domain.CivilDay`, `ClockTime`).
struct CreateTimetable: AsyncMigration {
    var name: String { "007_CreateTimetable" }

    func prepare(on db: any Database) async throws {
        try await db.schema("holiday_periods")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("first_day", .int, .required)
            .field("last_day", .int, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .constraint(.sql(unsafeRaw: "CHECK (first_day <= last_day)"))
            .create()
        try await db.schema("school_busy_slots")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            // Comma-separated grades (5–11) and ISO weekdays (1 = Monday) the time applies to.
            .field("grades", .string, .required)
            .field("weekdays", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .constraint(.sql(unsafeRaw: "CHECK (start_minute < end_minute)"))
            .create()
        try await db.schema("travel_times")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("from_id", .uuid, .required, .references("organizations", "id"))
            .field("to_id", .uuid, .required, .references("organizations", "id"))
            .field("minutes", .int, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "from_id", "to_id")
            .create()
        try await db.schema("lesson_patterns")
            .id()
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("weekday", .int, .required)
            .field("start_minute", .int, .required)
            .field("hours", .int, .required)
            .field("room_id", .uuid, .references("rooms", "id"))
            .field("first_day", .int, .required)
            .field("last_day", .int, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .create()
        try await db.schema("lessons")
            .id()
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("pattern_id", .uuid, .references("lesson_patterns", "id"))
            .field("day", .int, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("hours", .int, .required)
            .field("room_id", .uuid, .references("rooms", "id"))
            .field("teacher_id", .uuid, .references("staff", "id"))
            // Set when another teacher gives the lesson: the group's own teacher it replaces.
            .field("substitute_for_id", .uuid, .references("staff", "id"))
            .field("status", .string, .required)
            .field("note", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .constraint(.sql(unsafeRaw: "CHECK (start_minute < end_minute AND hours > 0)"))
            .create()
        let sql = try db.sql()
        try await sql.create(index: "lessons_group_day").on("lessons").column("group_id").column("day").run()
        try await sql.create(index: "lessons_day_teacher").on("lessons").column("day").column("teacher_id").run()
        try await sql.create(index: "lessons_day_room").on("lessons").column("day").column("room_id").run()
        try await sql.create(index: "holiday_periods_year").on("holiday_periods").column("academic_year_id").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["lessons", "lesson_patterns", "travel_times", "school_busy_slots", "holiday_periods"] {
            try await db.schema(table).delete()
        }
    }
}
