import Fluent
import SQLKit

struct CreateUser: AsyncMigration {
    var name: String { "001_CreateUser" }
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("full_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await db.schema("role_assignments")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("valid_from", .datetime)
            .field("valid_to", .datetime)
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("role_assignments").delete()
        try await db.schema("users").delete()
    }
}

struct CreateSecurityTables: AsyncMigration {
    var name: String { "001_CreateSecurityTables" }
    func prepare(on db: any Database) async throws {
        try await db.schema("user_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("api_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.schema("login_failures")
            .id()
            .field("username_key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await db.sql().create(index: "login_failures_user_at")
            .on("login_failures").column("username_key").column("at").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("login_failures").delete()
        try await db.schema("api_tokens").delete()
        try await db.schema("user_sessions").delete()
    }
}

struct CreateAuditEntry: AsyncMigration {
    var name: String { "001_CreateAuditEntry" }
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid)
            .field("entity_title", .string, .required)
            .field("municipality_id", .uuid)
            .field("organization_id", .uuid)
            .field("before", .string)
            .field("after", .string)
            .field("ip", .string)
            .field("search_key", .string, .required)
            .create()
        try await db.sql().create(index: "audit_entries_at").on("audit_entries").column("at").run()
        try await db.sql().create(index: "audit_entries_entity").on("audit_entries").column("entity_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_entries").delete() }
}
