import Fluent
import Foundation

/// A partner of the network (`004_5209da8e0aa92458.txt`, second year §1: реестр партнёров, форма и направления
/// взаимодействия).
final class Partner: RegistryRecord, @unchecked Sendable {
    static let schema = "partners"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "sector") var sector: String
    /// Forms and directions of interaction, stored as codes joined by «;».
    @Field(key: "forms") var forms: String
    @Field(key: "directions") var directions: String
    @OptionalField(key: "contact_person") var contactPerson: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _organization, _sector, _forms, _directions, _contactPerson, _note, _status, _version]
    }
}
