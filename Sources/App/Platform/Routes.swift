import Domain
import Fluent
import Vapor
import Views

/// Where an area's controllers go: pages at the root, the public part of `/api/v1`, and the part of `/api/v1` that
/// needs a signed-in user (`APIRequireUser`) with checked query parameters (`APIQueryCheck`).
struct AreaRoutes {
    let web: any RoutesBuilder
    let publicAPI: any RoutesBuilder
    let api: any RoutesBuilder
}

/// An area of the product (`Features/<Area>/`) journals its own routes.
protocol FeatureArea {
    static func register(_ routes: AreaRoutes) throws
}

func routes(_ app: Application) throws {
    app.get("health") { req async throws -> Response in
        _ = try await Municipality.query(on: req.db).count()
        return Response(status: .ok, body: .init(string: "ok"))
    }
    app.get("assets", "setka.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        let css = [
            Stylesheet.css, Stylesheet.registryCSS, Stylesheet.timetableCSS, Stylesheet.journalCSS, Stylesheet.homeCSS,
            Stylesheet.certificateCSS,
        ]
        return Response(status: .ok, headers: headers, body: .init(string: css.joined(separator: "\n")))
    }
    try app.register(collection: AuditController())

    let api = app.grouped("api", "v1")
    let routes = AreaRoutes(web: app, publicAPI: api, api: api.grouped(APIRequireUser(), APIQueryCheck()))
    let areas: [any FeatureArea.Type] = [
        HomeArea.self, AccountsArea.self, RegistryArea.self, ProgramsArea.self, StudentsArea.self, EnrollmentArea.self,
        CoverageArea.self, TimetableArea.self, JournalArea.self, AssessmentArea.self, CertificatesArea.self,
        OrdersArea.self, TalentArea.self, GovernanceArea.self, EventsArea.self, TeachersArea.self, AwardsArea.self,
        BudgetArea.self,
        APIDocsArea.self,
    ]
    for area in areas { try area.register(routes) }
}
