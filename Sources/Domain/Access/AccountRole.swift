import Foundation

/// A role assignment as seen when deciding who may manage an account.
public struct AccountRole: Equatable, Sendable {
    public var role: Role
    public var organizationID: UUID?
    public var municipalityID: UUID
    public init(_ role: Role, organizationID: UUID?, municipalityID: UUID) {
        self.role = role
        self.organizationID = organizationID
        self.municipalityID = municipalityID
    }
}
