import Domain
import Fluent
import Vapor
import Views

/// The resource-centre designations (a centre in an academic year) that a centre's documents belong to — its activity
/// programme, its analytic note —: the year's that a user may read, and the one a form names.
enum Designations {
    /// The academic year's designations whose `resource` the user may read, by the organisations' order — archived ones
    /// too: a list keeps those that have the document (`shown`).
    static func readable(_ req: Request, year: AcademicYear?, _ resource: (OrgRef) -> Resource) async throws
        -> [ResourceCenter]
    {
        guard let yearID = year?.id else { return [] }
        return try await ResourceCenter.query(on: req.db).filter(\.$academicYear.$id == yearID)
            .with(\.$organization).all()
            .filter { req.can(.read, resource($0.organization.ref)) }
            .sorted { $0.organization.sortKey < $1.organization.sortKey }
    }

    /// Whether a list shows the designation: an active one always, an archived one (its work ended) only with its
    /// document.
    static func shown(_ center: ResourceCenter, hasDocument: Bool) -> Bool {
        center.status == RecordStatus.active.rawValue || hasDocument
    }

    /// The active designation of the user's municipality that the form's `center` names, with its organisation and
    /// year; a 400 naming the field otherwise.
    static func chosen(_ req: Request) async throws -> ResourceCenter {
        guard let center = try await named(RegistrySupport.form(req)["center"], req) else {
            throw AppError.badParameters(["center": ActivityProgramWords.chooseCenter])
        }
        return center
    }

    /// The active designation of the user's municipality with this id (as text), with its organisation and year.
    static func named(_ raw: String?, _ req: Request) async throws -> ResourceCenter? {
        let municipalityID = try RegistrySupport.municipality(req)
        guard let centerID = raw.flatMap(UUID.init(uuidString:)),
            let center = try await ResourceCenter.query(on: req.db).filter(\.$id == centerID)
                .with(\.$organization).with(\.$academicYear).first(),
            center.organization.$municipality.id == municipalityID, center.status == RecordStatus.active.rawValue
        else { return nil }
        return center
    }

    /// The designation an API body names for a new document of it (`resource`): who may make one for no organisation
    /// at all is a 403 before any id is read (and learns nothing of the designations); an id that names no active
    /// designation of the municipality is a 422 on `resourceCenterId`; one the user may not write for is a 403.
    static func sent(_ raw: String?, _ req: Request, _ resource: (OrgRef) -> Resource) async throws -> ResourceCenter {
        let municipalityID = try RegistrySupport.municipality(req)
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        guard
            ([UUID()] + own).contains(where: {
                req.can(.create, resource(OrgRef(id: $0, municipalityID: municipalityID)))
            })
        else { throw AppError.forbidden }
        guard let center = try await named(raw, req) else {
            var fields = FieldErrors()
            fields.add("resourceCenterId", ActivityProgramWords.chooseCenter)
            throw AppError.validation(ValidationFailure(fields: fields))
        }
        try req.authorize(.create, resource(center.organization.ref))
        return center
    }

    /// A centre's one document made once: `write` creates it under `id`; if it is there already (`existing`), or a
    /// twin is made meanwhile (the unique index), that one is the answer — a second click or two people at once land on
    /// the same record. `created` says whether this call made it.
    static func once(
        _ id: UUID, existing: () async throws -> UUID?, write: () async throws -> Void
    ) async throws -> (id: UUID, created: Bool) {
        if let there = try await existing() { return (there, false) }
        do {
            try await write()
        } catch  where EnrollmentService.isUniqueViolation(error) {
            return (try await existing() ?? id, false)
        }
        return (id, true)
    }
}
