import Fluent
import Foundation

/// A network agreement: a school with a resource centre, or a resource centre with a partner.
final class NetworkAgreement: RegistryRecord, @unchecked Sendable {
    static let schema = "network_agreements"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "kind") var kind: String
    @Parent(key: "party_a_id") var partyA: Organization
    @Parent(key: "party_b_id") var partyB: Organization
    @OptionalField(key: "number") var number: String?
    @OptionalField(key: "signed_on") var signedOn: Date?
    @Field(key: "subject") var subject: String
    @OptionalField(key: "covers") var covers: String?
    @Field(key: "starts_on") var startsOn: Date
    @Field(key: "ends_on") var endsOn: Date
    /// draft, signed, terminated; «expired» is derived from the end date.
    @Field(key: "state") var state: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _kind, _partyA, _partyB, _number, _signedOn, _subject, _covers, _startsOn, _endsOn,
            _state, _searchKey, _status, _version,
        ]
    }
}
