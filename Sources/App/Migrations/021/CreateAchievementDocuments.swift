import Fluent

/// An achievement's scanned supporting document (issue 21, item 2): one per achievement, kept in the database with
/// its kind as read from the content and the name it was uploaded under (shown only).
struct CreateAchievementDocuments: AsyncMigration {
    var name: String { "021_CreateAchievementDocuments" }

    func prepare(on db: any Database) async throws {
        try await db.schema("achievement_documents").id()
            .field("achievement_id", .uuid, .required, .references("achievements", "id"))
            .field("file_name", .string, .required).field("kind", .string, .required).field("size", .int, .required)
            .field("content", .data, .required).field("uploaded_at", .datetime, .required)
            .field("uploaded_by", .string, .required)
            .unique(on: "achievement_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("achievement_documents").delete()
    }
}
