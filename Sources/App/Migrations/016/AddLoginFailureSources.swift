import Fluent
import SQLKit

/// Login failures remember their source address (issue 19), so throttling counts an account per address and an
/// address across accounts instead of locking the account for everyone. The index serves the per-address count (the
/// per-account one has `login_failures_user_at` from migration 001).
struct AddLoginFailureSources: AsyncMigration {
    var name: String { "016_AddLoginFailureSources" }

    func prepare(on db: any Database) async throws {
        try await db.schema("login_failures").field("source_address", .string).update()
        try await db.sql().create(index: "login_failures_source_at")
            .on("login_failures").column("source_address").column("at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "login_failures_source_at").run()
        try await db.schema("login_failures").deleteField("source_address").update()
    }
}
