import Fluent
import Foundation

/// A partner of the network (`004_5209da8e0aa92458.txt`, second year §1: реестр партнёров, форма и направления взаимодействия).
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
}

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
}

/// A person working in one or more organisations; an outside trainer may have no account.
final class StaffMember: RegistryRecord, @unchecked Sendable {
    static let schema = "staff"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "surname") var surname: String
    @Field(key: "given_name") var givenName: String
    @OptionalField(key: "patronymic") var patronymic: String?
    @Field(key: "position") var position: String
    @Field(key: "category") var category: String
    @Field(key: "is_outside_trainer") var isOutsideTrainer: Bool
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Siblings(through: StaffOrganization.self, from: \.$staff, to: \.$organization) var organizations: [Organization]
    @Siblings(through: StaffSubject.self, from: \.$staff, to: \.$subject) var subjects: [Subject]
    init() {}

    var fullName: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
}

final class StaffOrganization: Model, @unchecked Sendable {
    static let schema = "staff_organizations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Parent(key: "organization_id") var organization: Organization
    init() {}
}

final class StaffSubject: Model, @unchecked Sendable {
    static let schema = "staff_subjects"
    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Parent(key: "subject_id") var subject: Subject
    init() {}
}

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
}
