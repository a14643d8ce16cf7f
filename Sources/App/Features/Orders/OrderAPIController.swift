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
    }

    static func dto(_ o: Order) throws -> DTO {
        DTO(
            id: try o.requireID(), academicYearId: o.$academicYear.id, kind: o.kind, title: o.title, number: o.number,
            date: o.orderDay.map { CivilDay(number: $0).iso }, status: o.status, signedAt: o.signedAt,
            version: o.version)
    }

    func index(req: Request) async throws -> PageDTO<DTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .order(municipalityID: municipalityID))
        let q = RegistrySupport.listQuery(
            req, filters: ["year", "kind", "status"], sorts: ["date"], defaultSort: "date")
        try RegistrySupport.checkChoices(
            req, ["kind": OrderKind.allCases.map(\.rawValue), "status": OrderStatus.allCases.map(\.rawValue)])
        var b = Order.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let raw = q.filters["year"] {
            guard let y = UUID(uuidString: raw) else {
                throw AppError.badParameters(["year": OrdersWords.yearParameter])
            }
            b = b.filter(\.$academicYear.$id == y)
        }
        if let k = q.filters["kind"] { b = b.filter(\.$kind == k) }
        if let s = q.filters["status"] { b = b.filter(\.$status == s) }
        let (rows, total) = try await b.sort(\.$createdAt, .descending).sort(\.$id).paged(q)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: q.page, per: q.per, total: total))
    }

    func show(req: Request) async throws -> DTO {
        guard let o = try await Order.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(OrdersWords.notFound)
        }
        try req.authorize(.read, .order(municipalityID: o.$municipality.id))
        return try Self.dto(o)
    }
}
