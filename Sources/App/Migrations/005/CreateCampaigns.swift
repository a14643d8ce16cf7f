import Fluent
import SQLKit

/// Enrolment campaigns, their programmes, applications (ИУП) and ranked choices.
struct CreateCampaigns: AsyncMigration {
    var name: String { "005_CreateCampaigns" }

    func prepare(on db: any Database) async throws {
        try await db.schema("enrollment_campaigns")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("title", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("mode", .string, .required)
            .field("max_courses", .int, .required)
            .field("confirm_days", .int, .required)
            .field("seed", .string)
            .field("distributed_at", .datetime)
            .field("distributed_by", .string)
            .field("lottery_order", .string)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("campaign_programs")
            .id()
            .field("campaign_id", .uuid, .required, .references("enrollment_campaigns", "id", onDelete: .cascade))
            .field("program_id", .uuid, .required, .references("network_programs", "id"))
            .unique(on: "campaign_id", "program_id")
            .create()
        try await db.schema("applications")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("campaign_id", .uuid, .required, .references("enrollment_campaigns", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("state", .string, .required)
            .field("submitted_by_name", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("guardian_agreed_by", .string)
            .field("guardian_agreed_at", .datetime)
            .field("school_decision", .string, .required)
            .field("school_decided_at", .datetime)
            .field("school_decided_by", .string)
            .field("school_comment", .string)
            .field("hold_expires_at", .datetime)
            .field("closed_reason", .string)
            .field("version", .int, .required)
            .unique(on: "campaign_id", "student_id")
            .create()
        try await db.schema("application_choices")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("rank", .int, .required)
            .field("group_id", .uuid, .required, .references("study_groups", "id"))
            .field("outcome", .string, .required)
            .unique(on: "application_id", "rank")
            .unique(on: "application_id", "group_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "applications_school_state").on("applications").column("school_id").column("state").run()
        try await sql.create(index: "applications_student").on("applications").column("student_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("application_choices").delete()
        try await db.schema("applications").delete()
        try await db.schema("campaign_programs").delete()
        try await db.schema("enrollment_campaigns").delete()
    }
}
