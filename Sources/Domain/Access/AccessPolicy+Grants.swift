import Foundation

/// The per-role rules of `AccessPolicy`, one case per resource.
extension AccessPolicy {
    /// What one role grant allows on a resource (the resources `allows(_:_:_:)` decides from the actor as a whole
    /// answer false here).
    func allows(_ grant: RoleGrant, _ action: Action, _ resource: Resource) -> Bool {
        let scope = grant.scope
        switch resource {
        case .organization(let org):
            guard scope.municipalityID == org.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                // Reads across the municipality (public facts); edits only of the own card.
                return action == .read || (action == .update && scope.organizationID == org.id)
            case .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .reference(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist, .centerHead, .schoolAdmin, .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .resourceCenter(let org):
            guard scope.municipalityID == org.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist, .centerHead, .schoolAdmin, .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .agreement(let parties, let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist: return action == .read
            case .centerHead, .schoolAdmin:
                return action == .read && parties.contains { $0.id == scope.organizationID }
            case .teacher, .student, .guardian: return false
            }
        case .staff(let orgs, let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist: return action == .read || action == .update
            case .centerHead, .schoolAdmin:
                // Own organisation's people only; a new person is created into the own organisation. Someone who also
                // works elsewhere can be edited (the other places of work are kept) but not archived for everyone.
                if action == .archive { return !orgs.isEmpty && orgs.allSatisfy { $0.id == scope.organizationID } }
                return orgs.contains { $0.id == scope.organizationID }
            case .teacher, .student, .guardian: return false
            }
        case .room(let org):
            guard scope.municipalityID == org.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .methodologist: return action == .read
            // A teacher reads the rooms (and the rooms' week) of the organisation they teach at, as its head does —
            // not another centre's (issue 19).
            case .teacher: return action == .read && scope.organizationID == org.id
            case .centerHead, .schoolAdmin: return scope.organizationID == org.id
            case .student, .guardian: return false
            }
        case .users(let municipalityID), .audit(let municipalityID):
            return grant.role == .authorityAdmin && scope.municipalityID == municipalityID
        case .student(let school):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            // The КМЦ forms lists from every school's students; the administrator oversees them.
            case .authorityAdmin, .coordinator: return true
            // A school keeps its own students (issue 3).
            case .schoolAdmin: return scope.organizationID == school.id
            case .methodologist, .centerHead, .teacher, .student, .guardian: return false
            }
        case .program(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            // The centre drafts and submits its own programmes; the КМЦ agrees them (`000_5375b2a087477e6d.txt` §4.2).
            case .centerHead: return action == .read || (action != .approve && scope.organizationID == center.id)
            case .methodologist, .teacher, .schoolAdmin: return action == .read
            case .student, .guardian: return false
            }
        case .group(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .centerHead: return action == .read || scope.organizationID == center.id
            case .methodologist, .teacher, .schoolAdmin: return action == .read
            case .student, .guardian: return false
            }
        case .groupStudent(let school, let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            // The centre's head and teachers see who studies at the centre; a school sees its own students.
            case .centerHead, .teacher: return scope.organizationID == center.id && action == .read
            case .schoolAdmin: return scope.organizationID == school.id && action == .read
            case .methodologist, .student, .guardian: return false
            }
        case .enrollment(let group, let school):
            guard scope.municipalityID == group.municipalityID, school.municipalityID == group.municipalityID else {
                return false
            }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .centerHead: return scope.organizationID == group.id
            default: return false
            }
        case .person, .application, .teacherTimetable, .staffMember, .teacherHours: return false
        case .contest(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return true
            case .schoolAdmin: return action == .read || action == .create
            case .centerHead, .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .achievement(let school, let shared):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return action == .read && shared
            case .schoolAdmin: return scope.organizationID == school.id
            case .centerHead, .teacher, .student, .guardian: return false
            }
        case .olympiadStage(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return true
            case .schoolAdmin, .centerHead, .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .olympiadParticipant(let school):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return true
            case .schoolAdmin: return action == .read && scope.organizationID == school.id
            case .centerHead, .teacher, .student, .guardian: return false
            }
        case .olympiadTraining(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return true
            case .centerHead: return scope.organizationID == center.id
            case .schoolAdmin, .teacher, .student, .guardian: return false
            }
        case .gifted(let school, let shared):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator:
                return shared && (action == .read || action == .create || action == .archive)
            case .methodologist: return shared && action == .read
            case .schoolAdmin: return action == .read && scope.organizationID == school.id
            case .centerHead, .teacher, .student, .guardian: return false
            }
        case .supportMeasure(let school, let shared):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return shared
            case .methodologist: return shared && action == .read
            case .schoolAdmin: return action == .read && scope.organizationID == school.id
            case .centerHead, .teacher, .student, .guardian: return false
            }
        case .individualRoute(let school, let shared):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return shared
            case .methodologist: return shared && action == .read
            case .schoolAdmin: return scope.organizationID == school.id
            case .centerHead, .teacher, .student, .guardian: return false
            }
        case .routeSupportNote(let school):
            guard scope.municipalityID == school.municipalityID else { return false }
            return grant.role == .schoolAdmin && scope.organizationID == school.id
        case .plan, .planItem, .meeting, .reportCampaign, .report, .activityProgram, .assignment, .analyticNote,
            .roadmapTemplate, .reportForm:
            return governanceAllows(grant, action, resource)
        case .event, .eventRegistrations, .development, .awardRound, .budgetLine:
            return peopleAllows(grant, action, resource)
        case .giftedRule(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator, .methodologist: return action == .read
            default: return false
            }
        case .order(let municipalityID):
            guard scope.municipalityID == municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .coordinator: return action == .read || action == .create || action == .update
            case .methodologist: return action == .read
            default: return false
            }
        case .certificate(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return action == .read || action == .create || action == .archive
            case .methodologist: return action == .read
            case .centerHead:
                return scope.organizationID == center.id && (action == .read || action == .create || action == .archive)
            case .teacher: return scope.organizationID == center.id && action == .read
            case .schoolAdmin, .student, .guardian: return false
            }
        case .journal(let center, _):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator, .methodologist: return action == .read
            case .centerHead: return scope.organizationID == center.id && (action == .read || action == .update)
            case .teacher: return scope.organizationID == center.id && action == .read
            case .schoolAdmin, .student, .guardian: return false
            }
        case .schoolTime(let school):
            guard scope.municipalityID == school.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .schoolAdmin: return action == .read || scope.organizationID == school.id
            case .methodologist, .centerHead, .teacher: return action == .read
            case .student, .guardian: return false
            }
        case .contract(let school, let center):
            guard scope.municipalityID == school.municipalityID, school.municipalityID == center.municipalityID,
                action == .read
            else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .schoolAdmin: return scope.organizationID == school.id
            case .centerHead: return scope.organizationID == center.id
            default: return false
            }
        case .enrollmentList(let center):
            guard scope.municipalityID == center.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return action != .approve
            case .centerHead: return scope.organizationID == center.id && (action == .read || action == .approve)
            default: return false
            }
        case .account(let roles, let municipalityID):
            // Nobody manages an account that has no role, or a role in a municipality other than their own.
            guard scope.municipalityID == municipalityID, !roles.isEmpty,
                roles.allSatisfy({ $0.municipalityID == municipalityID })
            else { return false }
            switch grant.role {
            case .authorityAdmin: return true
            case .centerHead, .schoolAdmin:
                // The own organisation's staff accounts (issue 2: school administrator — own school's people and staff
                // accounts): every role of the account is a teacher role in the own organisation.
                guard let own = scope.organizationID, !roles.isEmpty else { return false }
                return roles.allSatisfy { Self.staffAccountRoles.contains($0.role) && $0.organizationID == own }
            default: return false
            }
        }
    }
}
