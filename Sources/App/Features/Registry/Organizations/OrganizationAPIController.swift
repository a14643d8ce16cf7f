import Domain
import Fluent
import Vapor
import Views

struct OrganizationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("organizations")
        r.get(use: index)
        r.get(":id", use: show)
    }

    struct DTO: Content {
        var id: UUID
        var municipalityId: UUID
        var kind: String
        var fullName: String
        var shortName: String
        var address: String?
        var phone: String?
        var email: String?
        var website: String?
        var headName: String?
        var status: String
        var version: Int

        init(_ o: Organization) throws {
            id = try o.requireID()
            municipalityId = o.$municipality.id
            kind = o.kind
            fullName = o.fullName
            shortName = o.shortName
            address = o.address
            phone = o.phone
            email = o.email
            website = o.website
            headName = o.headName
            status = o.status
            version = o.version
        }
    }

    func index(req: Request) async throws -> PageDTO<DTO> {
        let user = try req.requireUser()
        guard let municipalityID = user.municipalityIDs.first else { throw AppError.forbidden }
        try req.authorize(.read, .organization(OrgRef(id: UUID(), municipalityID: municipalityID)))
        try RegistrySupport.checkChoices(
            req, ["kind": OrganizationKind.allCases.map(\.rawValue), "status": RegistrySupport.statusChoices])
        let query = OrganizationQueries.listQuery(from: req)
        let (rows, total) = try await OrganizationQueries.list(query, user: user, on: req.db)
        return PageDTO(items: try rows.map(DTO.init), metadata: .init(page: query.page, per: query.per, total: total))
    }

    func show(req: Request) async throws -> DTO {
        _ = try req.requireUser()
        return try DTO(try await OrganizationQueries.find(try req.idParameter(), req: req))
    }
}
