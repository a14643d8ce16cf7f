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
