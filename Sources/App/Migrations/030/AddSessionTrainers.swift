import Fluent
import SQLKit

/// A preparation session's trainer as a member of the staff registry (issue 21, item 3; `000_5375b2a087477e6d.txt`
/// §4.3): an outside trainer or a teacher of the centre or the network. `trainer` keeps the name as written — for a
/// trainer who is not in the registry, and as the session's record when the registry changes.
struct AddSessionTrainers: AsyncMigration {
    var name: String { "030_AddSessionTrainers" }

    func prepare(on db: any Database) async throws {
        try await db.schema("olympiad_training_sessions")
            .field("trainer_id", .uuid, .references("staff", "id")).update()
        try await db.sql().create(index: "olympiad_training_sessions_trainer").on("olympiad_training_sessions")
            .column("trainer_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "olympiad_training_sessions_trainer").run()
        try await db.schema("olympiad_training_sessions").deleteField("trainer_id").update()
    }
}
