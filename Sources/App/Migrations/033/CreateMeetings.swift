import Fluent
import SQLKit

/// Meetings of the КМЦ (issue 22, item 6; `001_4390f67d15d9225c.txt` §5.6): the day, the agenda, the participants from
/// the КМЦ's composition with their attendance, the minutes, and the decisions — each with a deadline an item of the
/// municipality's plan of decisions (`plan_item_id`).
struct CreateMeetings: AsyncMigration {
    var name: String { "033_CreateMeetings" }

    func prepare(on db: any Database) async throws {
        try await db.schema("meetings").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("held_on", .int, .required)
            .field("title", .string, .required)
            .field("agenda", .string, .required)
            .field("status", .string, .required)
            .field("minutes", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await db.sql().create(index: "meetings_municipality").on("meetings").column("municipality_id")
            .column("held_on").run()
        try await db.schema("meeting_participants").id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("kmc_member_id", .uuid, .required, .references("kmc_members", "id"))
            .field("present", .bool, .required)
            .unique(on: "meeting_id", "kmc_member_id")
            .create()
        try await db.schema("meeting_decisions").id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("position", .int, .required)
            .field("text", .string, .required)
            .field("responsible", .string)
            .field("due_on", .int)
            .field("plan_item_id", .uuid, .references("plan_items", "id"))
            .create()
        try await db.sql().create(index: "meeting_decisions_meeting").on("meeting_decisions").column("meeting_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("meeting_decisions").delete()
        try await db.schema("meeting_participants").delete()
        try await db.schema("meetings").delete()
    }
}
