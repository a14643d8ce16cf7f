import Domain
import Fluent
import Foundation
import Views

final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "kind") var kind: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "short_name") var shortName: String
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "head_name") var headName: String?
    @Field(key: "status") var status: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _kind, _fullName, _shortName, _address, _phone, _email, _website, _headName, _status,
            _searchKey, _sortKey, _version, _createdAt, _updatedAt,
        ]
    }

    var ref: OrgRef { OrgRef(id: id!, municipalityID: $municipality.id) }
    var recordStatus: RecordStatus { RecordStatus(rawValue: status) ?? .active }
    var orgKind: OrganizationKind { OrganizationKind(rawValue: kind) ?? .other }

    func apply(_ input: OrganizationInput) {
        kind = input.kind.rawValue
        fullName = input.fullName
        shortName = input.shortName
        address = input.address
        phone = input.phone
        email = input.email
        website = input.website
        headName = input.headName
        refreshKeys()
    }

    func refreshKeys() {
        searchKey = TextKey.search(shortName, fullName, address, email)
        sortKey = TextKey.sort(shortName)
    }

    /// The fields the audit log and the history compare, with Russian names.
    var auditFields: [String: String] {
        OrganizationsWords.audit(
            kind: orgKind, fullName: fullName, shortName: shortName, address: address, phone: phone, email: email,
            website: website, headName: headName, status: recordStatus)
    }
}
