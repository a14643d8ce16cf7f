import Domain
import Fluent
import Vapor
import Views

struct OrganizationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("organizations")
        organizations.get(use: index)
        organizations.get(":id", use: show)
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

        static let schema = OpenAPISchema.named(
            "Organization",
            .object([
                .field("id", .uuid), .field("municipalityId", .uuid, "Муниципалитет."),
                .field("kind", .oneOf(OrganizationKind.allCases.map(\.rawValue)), "Вид организации."),
                .field("fullName", .string, "Полное наименование."),
                .field("shortName", .string, "Краткое наименование."),
                .optional("address", .string), .optional("phone", .string), .optional("email", .string),
                .optional("website", .string), .optional("headName", .string, "Руководитель."),
                .field("status", .string, "Состояние записи: `active` или `archived`."),
                .field("version", .integer, "Версия записи (растёт с каждым изменением)."),
            ]))

        init(_ organization: Organization) throws {
            id = try organization.requireID()
            municipalityId = organization.$municipality.id
            kind = organization.kind
            fullName = organization.fullName
            shortName = organization.shortName
            address = organization.address
            phone = organization.phone
            email = organization.email
            website = organization.website
            headName = organization.headName
            status = organization.status
            version = organization.version
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
