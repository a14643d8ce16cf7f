import Foundation

/// A role a user holds within a scope (`GLOSSARY.md`: «Роль и её назначение»).
public enum Role: String, CaseIterable, Codable, Sendable {
    case authorityAdmin = "authority_admin"
    case coordinator
    case methodologist
    case centerHead = "center_head"
    case teacher
    case schoolAdmin = "school_admin"
    case student
    case guardian

    /// Russian name shown in the interface.
    public var title: String {
        switch self {
        case .authorityAdmin: "Администратор органа управления образованием"
        case .coordinator: "Координатор КМЦ"
        case .methodologist: "Методист"
        case .centerHead: "Руководитель ресурсного центра"
        case .teacher: "Педагог"
        case .schoolAdmin: "Администратор школы"
        case .student: "Обучающийся"
        case .guardian: "Родитель (законный представитель)"
        }
    }

    /// Roles whose scope is the whole municipality; the others are scoped to one organisation.
    public var isMunicipalityWide: Bool {
        switch self {
        case .authorityAdmin, .coordinator, .methodologist: true
        default: false
        }
    }
}

/// Where a role assignment applies.
public enum GrantScope: Equatable, Sendable {
    case municipality(UUID)
    case organization(UUID, municipalityID: UUID)

    public var municipalityID: UUID {
        switch self {
        case .municipality(let id): id
        case .organization(_, let municipalityID): municipalityID
        }
    }

    public var organizationID: UUID? {
        if case .organization(let id, _) = self { return id }
        return nil
    }
}

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
