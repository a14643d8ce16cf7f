import Fluent

/// The municipal databank of gifted students (issue 21, item 4): the administrator's entry rule (one per
/// municipality; none — `GiftedRule.standard`) and the КМЦ's decisions that enter a student with a reason, one per
/// student.
struct CreateGiftedDatabank: AsyncMigration {
    var name: String { "025_CreateGiftedDatabank" }

    func prepare(on db: any Database) async throws {
        try await db.schema("gifted_rules").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("min_level", .string, .required).field("min_result", .string, .required)
            .field("years", .int, .required)
            .field("updated_by", .string, .required).field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id")
            .create()
        try await db.schema("gifted_decisions").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("reason", .string, .required)
            .field("decided_by", .string, .required).field("decided_at", .datetime, .required)
            .unique(on: "student_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("gifted_decisions").delete()
        try await db.schema("gifted_rules").delete()
    }
}
