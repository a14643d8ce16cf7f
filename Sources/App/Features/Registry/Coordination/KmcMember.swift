import Fluent
import Foundation

/// A member of the КМЦ for a term of one to two years (`001_4390f67d15d9225c.txt` §5.1–5.2).
final class KmcMember: RegistryRecord, @unchecked Sendable {
    static let schema = "kmc_members"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "full_name") var fullName: String
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Field(key: "position") var position: String
    @Field(key: "kmc_role") var kmcRole: String
    @Field(key: "term_from") var termFrom: Date
    @Field(key: "term_to") var termTo: Date
    @OptionalField(key: "decree_number") var decreeNumber: String?
    @OptionalField(key: "decree_date") var decreeDate: Date?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _fullName, _organization, _position, _kmcRole, _termFrom, _termTo, _decreeNumber,
            _decreeDate, _searchKey, _sortKey, _status, _version,
        ]
    }
}
