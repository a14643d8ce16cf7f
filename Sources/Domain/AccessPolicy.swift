import Foundation

/// A record's place in the network, which is what access is decided from.
public struct OrgRef: Equatable, Sendable {
    public var id: UUID
    public var municipalityID: UUID
    public init(id: UUID, municipalityID: UUID) {
        self.id = id
        self.municipalityID = municipalityID
    }
}

/// What is being touched.
public enum Resource: Sendable {
    /// An organisation's own card (public facts: names, address, contacts).
    case organization(OrgRef)
    /// Municipality-level reference data: subjects, academic years, partners, КМЦ composition.
    case reference(municipalityID: UUID)
    /// Resource-centre designations of a municipality.
    case resourceCenter(OrgRef)
    /// A network agreement between parties (organisations of one municipality).
    case agreement(parties: [OrgRef], municipalityID: UUID)
    /// A person working in one or more organisations (personal data).
    case staff(orgs: [OrgRef], municipalityID: UUID)
    /// A room of an organisation.
    case room(OrgRef)
    /// All user accounts and role assignments of a municipality (the administrator's area).
    case users(municipalityID: UUID)
    /// One account, described by its role assignments (a new account: the one it will get).
    case account(roles: [AccountRole], municipalityID: UUID)
    /// The audit log.
    case audit(municipalityID: UUID)
    /// A student's record in the registry (personal data of a minor), by the student's school.
    case student(school: OrgRef)
    /// A network programme of a resource centre.
    case program(OrgRef)
    /// A study group of a resource centre (its facts and counts; not its students' personal data).
    case group(OrgRef)
    /// A student's personal data as seen through a group of a centre (names, school, grade).
    case groupStudent(school: OrgRef, center: OrgRef)
    /// Putting a student into a group directly (coordinator, or the head of the group's centre).
    case enrollment(group: OrgRef, studentSchool: OrgRef)
    /// A КМЦ list for a group: the coordinator composes and sends it (create, update); the group's centre accepts or
    /// returns it (approve); both read it.
    case enrollmentList(group: OrgRef)
    /// The contract between a school and a resource centre (names the school's students in the centre's groups):
    /// the two parties' heads, the coordinator and the administrator read it.
    case contract(school: OrgRef, center: OrgRef)
    /// A student's application (ИУП) in a campaign: the student and their guardian submit and follow it (a guardian
    /// also agrees to it), the home school confirms or refuses it (approve), the КМЦ reads it.
    case application(studentID: UUID, school: OrgRef)
    /// A school's own busy time for the timetable (its lessons until 14:30 and the like): the school keeps it, and the
    /// КМЦ and the administrator; the network's staff read it.
    case schoolTime(OrgRef)
    /// A teacher's timetable across the network: the teacher themself (their account), and whoever may read the
    /// person's staff record.
    case teacherTimetable(orgs: [OrgRef], userID: UUID?, municipalityID: UUID)
    /// The register of a group's lessons (topics, hours, attendance — names the students): the centre's head and the
    /// lesson's own teacher (`teacherUserID`, also an outside trainer) mark it; the centre's teachers, the КМЦ, the
    /// administrator and the methodologist read it.
    case register(center: OrgRef, teacherUserID: UUID?)
    /// The authority's orders of a municipality: the administrator drafts, signs (approve) and deletes drafts (archive);
    /// the coordinator drafts; the methodologist reads.
    case order(municipalityID: UUID)
    /// A teacher's hours delivered at a centre (the basis of their pay): the teacher themself, the centre's head, the
    /// КМЦ, the administrator and the methodologist — not the teacher's colleagues.
    case teacherHours(center: OrgRef, teacherUserID: UUID?)
    /// Certificates of a centre's groups: the centre's head, the coordinator and the administrator issue and annul them
    /// (create, archive); the methodologist and the centre's teachers read them. A student's own are read through
    /// `.person`.
    case certificate(center: OrgRef)
    /// One student as a person: the student and their guardians see it (a guardian also acts for the child —
    /// withdraws consent, applies); staff who may read the school's students see it too.
    case person(studentID: UUID, school: OrgRef)
}

/// A role assignment as seen when deciding who may manage an account.
public struct AccountRole: Equatable, Sendable {
    public var role: Role
    public var organizationID: UUID?
    public var municipalityID: UUID
    public init(_ role: Role, organizationID: UUID?, municipalityID: UUID) {
        self.role = role; self.organizationID = organizationID; self.municipalityID = municipalityID
    }
}

public enum Action: Sendable {
    case read, create, update, archive
    /// Agreeing or returning a programme (the КМЦ's decision).
    case approve
}

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
                case .schoolAdmin: return grant.scope.organizationID == school.id && (action == .read || action == .approve)
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
        if case .register(let center, let teacherUserID) = resource, let teacherUserID, teacherUserID == actor.userID,
           action == .read || action == .update,
           actor.activeGrants(at: now).contains(where: { $0.role == .teacher && $0.scope.municipalityID == center.municipalityID }) {
            return true
        }
        if case .teacherHours(let center, let teacherUserID) = resource {
            guard action == .read else { return false }
            if let teacherUserID, teacherUserID == actor.userID { return true }
            return actor.activeGrants(at: now).contains { g in
                g.scope.municipalityID == center.municipalityID
                    && ([.authorityAdmin, .coordinator, .methodologist].contains(g.role) || (g.role == .centerHead && g.scope.organizationID == center.id))
            }
        }
        if case .teacherTimetable(let orgs, let userID, let municipalityID) = resource {
            if action == .read, let userID, userID == actor.userID { return true }
            return allows(actor, action, .staff(orgs: orgs, municipalityID: municipalityID))
        }
        return actor.activeGrants(at: now).contains { grant in
            allows(grant, action, resource)
        }
    }

    private func allows(_ grant: RoleGrant, _ action: Action, _ resource: Resource) -> Bool {
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
            case .methodologist, .teacher: return action == .read
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
            guard scope.municipalityID == group.municipalityID, school.municipalityID == group.municipalityID else { return false }
            switch grant.role {
            case .authorityAdmin, .coordinator: return true
            case .centerHead: return scope.organizationID == group.id
            default: return false
            }
        case .person, .application, .teacherTimetable, .teacherHours: return false
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
            case .centerHead: return scope.organizationID == center.id && (action == .read || action == .create || action == .archive)
            case .teacher: return scope.organizationID == center.id && action == .read
            case .schoolAdmin, .student, .guardian: return false
            }
        case .register(let center, _):
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
            guard scope.municipalityID == school.municipalityID, school.municipalityID == center.municipalityID, action == .read else { return false }
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
                  roles.allSatisfy({ $0.municipalityID == municipalityID }) else { return false }
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
