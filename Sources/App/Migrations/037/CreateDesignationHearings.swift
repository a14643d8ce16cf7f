import Fluent
import SQLKit

/// Hearings of resource centres' years at the КМЦ's meetings (issue 22, item 6; `001_4390f67d15d9225c.txt` §5.8,
/// `003_256a4293e3c370c5.txt` §3.11): the designation heard, the held meeting, the decision (`DesignationDecision`),
/// its reasoning and, when the status was kept, the next year's designation it carried into. A designation is heard
/// once at a meeting.
struct CreateDesignationHearings: AsyncMigration {
    var name: String { "037_CreateDesignationHearings" }

    func prepare(on db: any Database) async throws {
        try await db.schema("designation_hearings").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("resource_center_id", .uuid, .required, .references("resource_centers", "id"))
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("decision", .string, .required)
            .field("reasoning", .string)
            .field("next_center_id", .uuid, .references("resource_centers", "id"))
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "resource_center_id", "meeting_id")
            .create()
        try await db.sql().create(index: "designation_hearings_meeting").on("designation_hearings")
            .column("meeting_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("designation_hearings").delete()
    }
}
