import Fluent
import SQLKit

/// Who prepared a student for a result (issue 21, item 2; `000_5375b2a087477e6d.txt` §4.3): links of an achievement to
/// the staff registry — the school's teachers, the network's teachers and the outside trainers. `achievements
/// .prepared_by` keeps the names of those who are not in the registry.
struct CreateAchievementPreparers: AsyncMigration {
    var name: String { "029_CreateAchievementPreparers" }

    func prepare(on db: any Database) async throws {
        try await db.schema("achievement_preparers").id()
            .field("achievement_id", .uuid, .required, .references("achievements", "id"))
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .unique(on: "achievement_id", "staff_id")
            .create()
        try await db.sql().create(index: "achievement_preparers_staff").on("achievement_preparers")
            .column("staff_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("achievement_preparers").delete()
    }
}
