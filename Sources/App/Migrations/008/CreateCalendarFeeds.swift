import Fluent

/// Secret iCal feed URLs: a user makes one for a timetable they may read; the token is stored hashed.
struct CreateCalendarFeeds: AsyncMigration {
    var name: String { "008_CreateCalendarFeeds" }
    func prepare(on db: any Database) async throws {
        try await db.schema("calendar_feeds")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("calendar_feeds").delete() }
}
