import Domain
import Fluent
import Vapor
import Views

/// `/api/v1/orders`: the registry of orders for those who may read it (the administrator, the КМЦ, the methodologist).
struct OrderAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("orders", use: index)
        routes.get("orders", ":id", use: show)
    }

    struct DTO: Content {
        var id: UUID
        var academicYearId: UUID
        var kind: String
        var title: String
        var number: String?
        var date: String?
        var status: String
        var signedAt: Date?
        var version: Int

        static let schema = OpenAPISchema.named(
            "Order",
            .object([
                .field("id", .uuid), .field("academicYearId", .uuid),
                .field("kind", .oneOf(OrderKind.allCases.map(\.rawValue)), "Вид приказа."), .field("title", .string),
                .optional("number", .string), .optional("date", .date, "Дата приказа."),
                .field("status", .oneOf(OrderStatus.allCases.map(\.rawValue))), .optional("signedAt", .dateTime),
                .field("version", .integer),
            ]))
    }

    static func dto(_ order: Order) throws -> DTO {
        DTO(
            id: try order.requireID(), academicYearId: order.$academicYear.id, kind: order.kind, title: order.title,
            number: order.number,
            date: order.orderDay.map { CivilDay(number: $0).iso }, status: order.status, signedAt: order.signedAt,
            version: order.version)
    }

    func index(req: Request) async throws -> PageDTO<DTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .order(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["year", "kind", "status"], sorts: ["date"], defaultSort: "date")
        try RegistrySupport.checkChoices(
            req, ["kind": OrderKind.allCases.map(\.rawValue), "status": OrderStatus.allCases.map(\.rawValue)])
        var builder = Order.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let raw = query.filters["year"] {
            guard let yearID = UUID(uuidString: raw) else {
                throw AppError.badParameters(["year": OrdersWords.yearParameter])
            }
            builder = builder.filter(\.$academicYear.$id == yearID)
        }
        if let kind = query.filters["kind"] { builder = builder.filter(\.$kind == kind) }
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        let (rows, total) = try await builder.sort(\.$createdAt, .descending).sort(\.$id).paged(query)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: query.page, per: query.per, total: total))
    }

    func show(req: Request) async throws -> DTO {
        guard let order = try await Order.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(OrdersWords.notFound)
        }
        try req.authorize(.read, .order(municipalityID: order.$municipality.id))
        return try Self.dto(order)
    }
}
