import Foundation

/// The signed-in user as the access policy sees them.
public struct Actor: Sendable {
    public var userID: UUID
    public var username: String
    public var grants: [RoleGrant]
    /// Students the user stands for: themselves (a student) or their children (a guardian whose link is active).
    public var students: Set<UUID>

    public init(userID: UUID, username: String, grants: [RoleGrant], students: Set<UUID> = []) {
        self.userID = userID
        self.username = username
        self.grants = grants
        self.students = students
    }

    public func activeGrants(at now: Date) -> [RoleGrant] {
        grants.filter { $0.isActive(at: now) }
    }

    public func has(_ role: Role, at now: Date) -> Bool {
        activeGrants(at: now).contains { $0.role == role }
    }
}
