import Domain
import Fluent
import Vapor
import Views

/// Reads of organisations that pages and the API share: one paged, filtered, sorted query in the database.
enum OrganizationQueries {
    static func listQuery(from req: Request) -> ListQuery {
        var query = RegistrySupport.listQuery(
            req, filters: ["kind", "status"], sorts: ["name", "kind"], defaultSort: "name", search: true)
        // Unknown values of the filters are ignored rather than matching nothing.
        if let kind = query.filters["kind"], OrganizationKind(rawValue: kind) == nil { query.filters["kind"] = nil }
        if let status = query.filters["status"], status != "all", RecordStatus(rawValue: status) == nil {
            query.filters["status"] = nil
        }
        return query
    }

    /// Organisations of the user's municipalities matching the query, and their total.
    static func list(_ query: ListQuery, user: CurrentUser, on db: any Database) async throws -> ([Organization], Int) {
        var builder = Organization.query(on: db).filter(\.$municipality.$id ~~ user.municipalityIDs)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        if let kind = query.filters["kind"] { builder = builder.filter(\.$kind == kind) }
        let status = query.filters["status"] ?? RecordStatus.active.rawValue
        if status != "all" { builder = builder.filter(\.$status == status) }
        let total = try await builder.count()
        let direction: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        switch query.sort {
        case "kind": builder = builder.sort(\.$kind, direction).sort(\.$sortKey, .ascending)
        default: builder = builder.sort(\.$sortKey, direction)
        }
        let rows = try await builder.sort(\.$id).range((query.page - 1) * query.per..<query.page * query.per).all()
        return (rows, total)
    }

    /// One organisation the user may read, or 404 / 403.
    static func find(_ id: UUID, req: Request, action: Domain.Action = .read) async throws -> Organization {
        guard let org = try await Organization.find(id, on: req.db) else {
            throw AppError.notFound(OrganizationsWords.notFound)
        }
        try req.authorize(action, .organization(org.ref))
        return org
    }

    /// Ids of organisations that are resource centres in the current academic year.
    static func currentCenterIDs(municipalityIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id ~~ municipalityIDs).filter(
            \.$isCurrent == true
        ).all()
        let ids = years.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let rcs = try await ResourceCenter.query(on: db).filter(\.$academicYear.$id ~~ ids).filter(
            \.$status == RecordStatus.active.rawValue
        ).all()
        return Set(rcs.map { $0.$organization.id })
    }

    static func summary(_ organization: Organization, municipality: String, centers: Set<UUID>) throws
        -> OrganizationSummary
    {
        OrganizationSummary(
            id: try organization.requireID(), kind: organization.orgKind, fullName: organization.fullName,
            shortName: organization.shortName, address: organization.address,
            phone: organization.phone, email: organization.email, website: organization.website,
            headName: organization.headName,
            municipality: municipality, status: organization.recordStatus,
            isResourceCenter: centers.contains(try organization.requireID()))
    }
}
