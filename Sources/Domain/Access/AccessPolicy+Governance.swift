import Foundation

/// The per-role rules of governing the network (issue 22): roadmap templates, plans and their items, report campaigns
/// and reports, the КМЦ's meetings, activity programmes, technical assignments, analytic notes.
extension AccessPolicy {
    func governanceAllows(_ grant: RoleGrant, _ action: Action, _ resource: Resource) -> Bool {
        let scope = grant.scope
        switch resource {
        case .plan(let owner, let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator: return action == .read || action == .create || action == .update
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                return action == .read && owner != nil && scope.organizationID == owner?.id
            case .teacher, .student, .guardian: return false
            }
        case .planItem(let owner, let side, _, let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return action == .read || action == .update
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                guard owner != nil, scope.organizationID == owner?.id else { return false }
                return action == .read || (action == .update && side == .center)
            case .teacher, .student, .guardian: return false
            }
        case .meeting(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist, .centerHead, .schoolAdmin: return action == .read
            case .teacher, .student, .guardian: return false
            }
        case .reportCampaign(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator: return action == .read || action == .create || action == .update
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin, .teacher, .student, .guardian: return false
            }
        case .report(let organization):
            guard scope.municipalityID == organization.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return action == .read || action == .approve
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                return scope.organizationID == organization.id && (action == .read || action == .update)
            case .teacher, .student, .guardian: return false
            }
        case .activityProgram(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return action == .read || action == .approve
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                return scope.organizationID == center.id && (action == .read || action == .create || action == .update)
            case .teacher, .student, .guardian: return false
            }
        case .assignment(let organization, let issued):
            guard scope.municipalityID == organization.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator: return action == .read || action == .create || action == .update
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin: return issued && action == .read && scope.organizationID == organization.id
            case .teacher, .student, .guardian: return false
            }
        case .analyticNote(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist:
                return action == .read || action == .create || action == .update
            case .centerHead, .schoolAdmin:
                return scope.organizationID == center.id && (action == .read || action == .create || action == .update)
            case .teacher, .student, .guardian: return false
            }
        case .reportForm(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator, .methodologist: return action == .read
            case .centerHead, .schoolAdmin, .teacher, .student, .guardian: return false
            }
        case .roadmapTemplate(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator, .methodologist, .centerHead, .schoolAdmin: return action == .read
            case .teacher, .student, .guardian: return false
            }
        default:
            return false
        }
    }
}
