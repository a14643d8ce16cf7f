import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _at, _userID, _username, _action, _entityType, _entityID, _entityTitle, _municipalityID,
            _organizationID, _before, _after, _ip, _searchKey,
        ]
    }
}
