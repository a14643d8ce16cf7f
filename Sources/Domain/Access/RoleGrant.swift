import Foundation

/// One role assignment as the policy sees it: (role, scope, from–to dates).
public struct RoleGrant: Equatable, Sendable {
    public var role: Role
    public var scope: GrantScope
    public var validFrom: Date?
    public var validTo: Date?

    public init(role: Role, scope: GrantScope, validFrom: Date? = nil, validTo: Date? = nil) {
        self.role = role
        self.scope = scope
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isActive(at now: Date) -> Bool {
        if let from = validFrom, now < from { return false }
        if let to = validTo, now > to { return false }
        return true
    }
}
