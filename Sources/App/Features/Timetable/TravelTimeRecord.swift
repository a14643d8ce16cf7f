import Domain
import Fluent
import Foundation

/// How long it takes to get from one centre to another (either way).
final class TravelTimeRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "travel_times"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "from_id") var from: Organization
    @Parent(key: "to_id") var to: Organization
    @Field(key: "minutes") var minutes: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _municipality, _from, _to, _minutes, _status, _version] }
}
