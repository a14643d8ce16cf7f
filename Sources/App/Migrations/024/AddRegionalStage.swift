import Fluent
import SQLKit

/// The regional stage of the ВсОШ as the municipality prepares for it (issue 21, item 3; `000_5375b2a087477e6d.txt`
/// §4.3): which municipal participants take part in the regional stage, and the preparation sessions held with them —
/// date, hours, trainer (an outside one is paid from the municipal programme), the resource centre, the topic.
struct AddRegionalStage: AsyncMigration {
    var name: String { "024_AddRegionalStage" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per `ALTER TABLE`.
        try await db.schema("olympiad_participants").field("regional_at", .datetime).update()
        try await db.schema("olympiad_participants").field("regional_by", .string).update()
        try await db.schema("olympiad_training_sessions").id()
            .field("stage_id", .uuid, .required, .references("olympiad_stages", "id"))
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("center_id", .uuid, .required, .references("organizations", "id"))
            .field("held_on", .datetime, .required).field("hours", .double, .required)
            .field("trainer", .string, .required).field("trainer_outside", .bool, .required)
            .field("topic", .string, .required)
            .field("created_by", .string, .required).field("created_at", .datetime, .required)
            .create()
        try await db.sql().create(index: "olympiad_training_sessions_stage").on("olympiad_training_sessions")
            .column("stage_id").column("held_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("olympiad_training_sessions").delete()
        try await db.schema("olympiad_participants").deleteField("regional_by").update()
        try await db.schema("olympiad_participants").deleteField("regional_at").update()
    }
}
