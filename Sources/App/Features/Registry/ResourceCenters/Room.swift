import Fluent
import Foundation

/// A room of an organisation, with its capacity.
final class Room: RegistryRecord, @unchecked Sendable {
    static let schema = "rooms"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    @OptionalField(key: "note") var note: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _organization, _name, _capacity, _note, _searchKey, _sortKey, _status, _version]
    }
}
