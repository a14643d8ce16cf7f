import Foundation

/// The one place where read and write access is decided (`DESIGN.md`, security defaults).
/// Controllers ask it; they never decide access themselves.
public struct AccessPolicy: Sendable {
    public var now: Date
    public init(now: Date = Date()) { self.now = now }

    public func allows(_ actor: Actor, _ action: Action, _ resource: Resource) -> Bool {
        if case .application(let studentID, let school) = resource {
            let linked = actor.students.contains(studentID)
            return actor.activeGrants(at: now).contains { grant in
                guard grant.scope.municipalityID == school.municipalityID else { return false }
                switch grant.role {
                case .guardian, .student: return linked && action != .approve && action != .archive
                case .schoolAdmin:
                    return grant.scope.organizationID == school.id && (action == .read || action == .approve)
                case .authorityAdmin, .coordinator: return action == .read
                default: return false
                }
            }
        }
        if case .person(let studentID, let school) = resource {
            let linked = actor.students.contains(studentID)
            return actor.activeGrants(at: now).contains { grant in
                guard grant.scope.municipalityID == school.municipalityID else { return false }
                switch grant.role {
                case .guardian: return linked && (action == .read || action == .update || action == .create)
                case .student: return linked && action == .read
                default: return action == .read && allows(grant, .read, .student(school: school))
                }
            }
        }
        if case .journal(let center, let teacherUserID) = resource, let teacherUserID, teacherUserID == actor.userID,
            action == .read || action == .update,
            actor.activeGrants(at: now).contains(where: {
                $0.role == .teacher && $0.scope.municipalityID == center.municipalityID
            })
        {
            return true
        }
        if case .teacherHours(let center, let teacherUserID) = resource {
            guard action == .read else { return false }
            let own = teacherUserID != nil && teacherUserID == actor.userID
            return actor.activeGrants(at: now).contains { grant in
                guard grant.scope.municipalityID == center.municipalityID else { return false }
                switch grant.role {
                case .authorityAdmin, .coordinator, .methodologist: return true
                case .centerHead: return own || grant.scope.organizationID == center.id
                case .teacher, .schoolAdmin: return own
                // Students and guardians have no hours to read (issue 19).
                case .student, .guardian: return false
                }
            }
        }
        // The person answering for a plan item reads and marks it, whatever their role in the municipality.
        if case .planItem(_, _, let responsibleUserID?, let municipalityID) = resource,
            responsibleUserID == actor.userID, action == .read || action == .update,
            actor.activeGrants(at: now).contains(where: { $0.scope.municipalityID == municipalityID })
        {
            return true
        }
        // A member of staff reads their own courses of professional development (a student or a parent has none).
        if case .development(_, let userID?, let municipalityID) = resource, action == .read, userID == actor.userID,
            actor.activeGrants(at: now).contains(where: {
                $0.scope.municipalityID == municipalityID && $0.role != .student && $0.role != .guardian
            })
        {
            return true
        }
        switch resource {
        case .teacherTimetable(let orgs, let userID, let municipalityID),
            .staffMember(let orgs, let userID, let municipalityID):
            if action == .read, let userID, userID == actor.userID { return true }
            return allows(actor, action, .staff(orgs: orgs, municipalityID: municipalityID))
        default: break
        }
        return actor.activeGrants(at: now).contains { grant in
            allows(grant, action, resource)
        }
    }

    /// Roles a school or centre may give to accounts of its own people.
    public static let staffAccountRoles: Set<Role> = [.teacher]

    /// Organisations whose people the actor may see; `nil` means every organisation of the municipality.
    public func staffOrganizations(_ actor: Actor, municipalityID: UUID) -> Set<UUID>? {
        var orgs = Set<UUID>()
        for grant in actor.activeGrants(at: now) where grant.scope.municipalityID == municipalityID {
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return nil
            case .centerHead, .schoolAdmin:
                if let id = grant.scope.organizationID { orgs.insert(id) }
            case .teacher, .student, .guardian: break
            }
        }
        return orgs
    }

    /// Whether the actor works in the registry at all (sees the staff menu).
    public func isStaffUser(_ actor: Actor) -> Bool {
        actor.activeGrants(at: now).contains { ![.student, .guardian, .teacher].contains($0.role) }
    }
}
