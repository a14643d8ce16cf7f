import Domain
import Fluent
import Foundation

final class RoleAssignment: Model, @unchecked Sendable {
    static let schema = "role_assignments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalParent(key: "organization_id") var organization: Organization?
    @OptionalField(key: "valid_from") var validFrom: Date?
    @OptionalField(key: "valid_to") var validTo: Date?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _user, _role, _municipality, _organization, _validFrom, _validTo] }
    init(userID: UUID, role: String, municipalityID: UUID, organizationID: UUID?) {
        self.$user.id = userID
        self.role = role
        self.$municipality.id = municipalityID
        self.$organization.id = organizationID
    }
}
