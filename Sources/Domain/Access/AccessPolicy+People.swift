import Foundation

/// The per-role rules of the network's people and resources (issue 23): events and their registrations, teachers'
/// professional development.
extension AccessPolicy {
    func peopleAllows(_ grant: RoleGrant, _ action: Action, _ resource: Resource) -> Bool {
        let scope = grant.scope
        switch resource {
        case .event(let organizer):
            guard scope.municipalityID == organizer.municipalityID else { return false }
            if action == .read { return true }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist:
                return action == .create || action == .update || action == .archive
            case .centerHead, .schoolAdmin:
                return scope.organizationID == organizer.id
                    && (action == .create || action == .update || action == .archive)
            case .teacher, .student, .guardian: return false
            }
        case .eventRegistrations(let organizer):
            guard scope.municipalityID == organizer.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return action == .read || action == .update
            case .centerHead, .schoolAdmin:
                return scope.organizationID == organizer.id && (action == .read || action == .update)
            case .teacher, .student, .guardian: return false
            }
        case .development(let orgs, _, let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return true
            case .centerHead, .schoolAdmin:
                // Someone who also works elsewhere: their course is kept by each place, cancelled only by a head of
                // every place (as a staff record is archived).
                if action == .archive { return !orgs.isEmpty && orgs.allSatisfy { $0.id == scope.organizationID } }
                return orgs.contains { $0.id == scope.organizationID }
            case .teacher, .student, .guardian: return false
            }
        case .awardRound(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator: return action == .read || action == .update
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin, .teacher, .student, .guardian: return false
            }
        case .budgetLine(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator, .methodologist: return action == .read
            case .centerHead, .schoolAdmin, .teacher, .student, .guardian: return false
            }
        default:
            return false
        }
    }
}
