import Fluent
import Foundation

final class StaffOrganization: Model, @unchecked Sendable {
    static let schema = "staff_organizations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Parent(key: "organization_id") var organization: Organization
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _staff, _organization] }
}
