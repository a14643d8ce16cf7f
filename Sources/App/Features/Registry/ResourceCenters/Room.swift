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
}
