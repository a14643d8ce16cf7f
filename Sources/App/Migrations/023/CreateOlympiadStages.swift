import Fluent
import SQLKit

/// The municipal stage of the ВсОШ (issue 21, item 3): a stage per municipality, year and subject with its rules;
/// per grade its passing score, its paper's task maxima and the recorded decision on a tie across the quota's
/// boundary; the participants with their code and scores per task; the appeals with the old and new scores. A stage
/// whose results the methodologist approved is published (`published_at`).
struct CreateOlympiadStages: AsyncMigration {
    var name: String { "023_CreateOlympiadStages" }

    func prepare(on db: any Database) async throws {
        try await db.schema("olympiad_stages").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("subject_id", .uuid, .required, .references("olympiad_subjects", "id"))
            .field("edition_id", .uuid, .required, .references("contest_editions", "id"))
            .field("quota_percent", .int, .required).field("winner_min_percent", .int, .required)
            .field("prize_min_percent", .int, .required)
            .field("published_at", .datetime).field("published_by", .string)
            .field("search_key", .string, .required).field("sort_key", .string, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .unique(on: "academic_year_id", "subject_id")
            .create()
        try await db.schema("olympiad_stage_grades").id()
            .field("stage_id", .uuid, .required, .references("olympiad_stages", "id"))
            .field("grade", .int, .required).field("passing_score", .double)
            .field("task_maxima", .string, .required)
            .field("tie_choice", .string).field("tie_total", .double).field("tie_reason", .string)
            .field("tie_decided_by", .string).field("tie_decided_at", .datetime)
            .unique(on: "stage_id", "grade")
            .create()
        try await db.schema("olympiad_participants").id()
            .field("stage_id", .uuid, .required, .references("olympiad_stages", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("code", .string, .required)
            .field("grade_studied", .int, .required).field("grade_competed", .int, .required)
            .field("task_scores", .string, .required).field("total", .double, .required)
            .field("invited_as", .string, .required)
            .field("sort_key", .string, .required).field("version", .int, .required)
            .unique(on: "stage_id", "student_id")
            .unique(on: "stage_id", "code")
            .create()
        try await db.schema("olympiad_appeals").id()
            .field("participant_id", .uuid, .required, .references("olympiad_participants", "id"))
            .field("stage_id", .uuid, .required, .references("olympiad_stages", "id"))
            .field("old_scores", .string, .required).field("new_scores", .string, .required)
            .field("old_total", .double, .required).field("new_total", .double, .required)
            .field("outcome", .string, .required).field("note", .string, .required)
            .field("decided_at", .datetime, .required).field("decided_by", .string, .required)
            .create()
        let sql = try db.sql()
        try await sql.create(index: "olympiad_stages_municipality_sort").on("olympiad_stages")
            .column("municipality_id").column("sort_key").run()
        try await sql.create(index: "olympiad_participants_school").on("olympiad_participants").column("school_id")
            .run()
        try await sql.create(index: "olympiad_appeals_stage").on("olympiad_appeals").column("stage_id").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["olympiad_appeals", "olympiad_participants", "olympiad_stage_grades", "olympiad_stages"] {
            try await db.schema(table).delete()
        }
    }
}
