import Domain
import Fluent
import Vapor
import Views

/// The audit log page for administrators, and the history shown on record cards.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: index)
    }

    static let entityTitles = AuditWords.entityTitles

    static let actionTitles = AuditWords.actionTitles

    func index(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let municipalityID = user.municipalityIDs.first(where: { req.can(.read, .audit(municipalityID: $0)) })
        else {
            throw AppError.forbidden
        }
        let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
        let paging = PageRequest(
            page: try? req.query.get(Int.self, at: "page"), per: try? req.query.get(Int.self, at: "per"), defaultPer: 50
        )
        var query = ListQuery(
            q: (try? req.query.get(String.self, at: "q")) ?? "", sort: "at", descending: true,
            page: paging.page, per: paging.per)
        // Entries of this municipality, and sign-in events (which name no municipality) of this municipality's users.
        let users = Array(
            Set(
                try await RoleAssignment.query(on: req.db).filter(\.$municipality.$id == municipalityID).all().map {
                    $0.$user.id
                }
            ))
        var builder = AuditEntry.query(on: req.db).group(.or) { group in
            group.filter(\.$municipalityID == municipalityID).group(.and) {
                $0.filter(\.$municipalityID == nil).filter(\.$userID ~~ users)
            }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        if let entity = try? req.query.get(String.self, at: "entity"),
            Self.entityTitles.contains(where: { $0.value == entity })
        {
            query.filters["entity"] = entity
            builder = builder.filter(\.$entityType == entity)
        }
        if let from = try? req.query.get(String.self, at: "from"), let start = RuDate.parse(from, timeZone: zone) {
            query.filters["from"] = from
            builder = builder.filter(\.$at >= start)
        }
        if let to = try? req.query.get(String.self, at: "to"), let end = RuDate.parse(to, timeZone: zone) {
            query.filters["to"] = to
            builder = builder.filter(\.$at < end.addingTimeInterval(86_400))
        }
        let total = try await builder.count()
        let entries = try await builder.sort(\.$at, .descending).range(paging.offset..<paging.offset + paging.per).all()
        let page = AuditPage(
            query: query, lines: entries.map { Audit.line($0, zone: zone) }, total: total,
            entityTypes: Self.entityTitles
        )
        return req.render(page.render(await req.pageContext(active: .audit)))
    }
}
