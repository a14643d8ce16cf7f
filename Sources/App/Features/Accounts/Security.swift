import Fluent
import Foundation

/// A browser session; the cookie holds a random id, the table only its SHA-256.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    init() {}
}

/// A bearer token for the API, stored hashed, expiring and revocable.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
}

/// One failed login, kept to throttle guessing per account.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    @Field(key: "at") var at: Date
    init() {}
    init(usernameKey: String, at: Date) { self.usernameKey = usernameKey; self.at = at }
}

/// An append-only audit record: who, what, when, before and after.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    @Field(key: "entity_title") var entityTitle: String
    @OptionalField(key: "municipality_id") var municipalityID: UUID?
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @OptionalField(key: "ip") var ip: String?
    @Field(key: "search_key") var searchKey: String
    init() {}
}
