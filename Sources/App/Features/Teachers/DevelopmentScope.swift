import Domain
import Fluent
import Vapor

/// Whose professional development the user sees and keeps — one answer for the list, the due view, the form and the
/// API: everyone's for those who run the municipality, their organisations' people's for a centre's head or a school's
/// administration, their own for a teacher.
struct DevelopmentScope: Sendable {
    /// The staff the user sees; nil: the whole municipality.
    var staffIDs: Set<UUID>?
    /// The organisations whose people the user sees; nil: all.
    var organizations: Set<UUID>?

    static func resource(orgs: [OrgRef], teacherUserID: UUID?, municipalityID: UUID) -> Resource {
        .development(orgs: orgs, teacherUserID: teacherUserID, municipalityID: municipalityID)
    }

    /// The user's scope; 403 when they see no one's.
    static func of(_ req: Request, municipalityID: UUID) async throws -> DevelopmentScope {
        let organizations = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            resource(orgs: [$0], teacherUserID: nil, municipalityID: municipalityID)
        }
        guard let organizations else { return DevelopmentScope(staffIDs: nil, organizations: nil) }
        let userID = try req.requireUser().userID
        var staff = Set(
            try await StaffMember.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$user.$id == userID).all().map { try $0.requireID() })
        if !organizations.isEmpty {
            staff.formUnion(
                try await StaffOrganization.query(on: req.db).filter(\.$organization.$id ~~ organizations).all()
                    .map { $0.$staff.id })
        }
        // Staff who keep no one's read their own (an empty list before their staff record exists); others are refused.
        let readsOwn = req.can(.read, resource(orgs: [], teacherUserID: userID, municipalityID: municipalityID))
        if staff.isEmpty && organizations.isEmpty && !readsOwn { throw AppError.forbidden }
        return DevelopmentScope(staffIDs: staff, organizations: organizations)
    }

    /// The resource of one teacher's course, from the teacher's places of work (read unless already loaded).
    static func resource(of staff: StaffMember, on db: any Database) async throws -> Resource {
        var places = try staff.$organizations.value?.map { try $0.requireID() }
        if places == nil {
            places = try await StaffOrganization.query(on: db).filter(\.$staff.$id == staff.requireID()).all().map {
                $0.$organization.id
            }
        }
        return resource(
            orgs: (places ?? []).map { OrgRef(id: $0, municipalityID: staff.$municipality.id) },
            teacherUserID: staff.$user.id, municipalityID: staff.$municipality.id)
    }

    /// The active teachers the user may record a course for, as the form's options: «Фамилия Имя Отчество — места».
    static func teacherOptions(_ req: Request, municipalityID: UUID, keeping: UUID?) async throws
        -> [(value: String, title: String)]
    {
        let staff = try await StaffMember.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .group(.or) { or in
                or.filter(\.$status == RecordStatus.active.rawValue)
                if let keeping { or.filter(\.$id == keeping) }
            }
            .sort(\.$sortKey).with(\.$organizations).all()
        return try staff.filter { person in
            if person.id == keeping { return true }
            return req.can(
                .create,
                resource(
                    orgs: person.organizations.map(\.ref), teacherUserID: nil, municipalityID: municipalityID))
        }.map { person in
            let places = person.organizations.map(\.shortName).sorted().joined(separator: ", ")
            return (
                try person.requireID().uuidString.lowercased(),
                places.isEmpty ? person.fullName : person.fullName + " — " + places
            )
        }
    }
}
