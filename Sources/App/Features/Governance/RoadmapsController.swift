import Domain
import Vapor
import Views

/// The roadmap templates (issue 22, item 1): the built-in «Точка роста» roadmaps of `004_5209da8e0aa92458.txt` and the
/// municipality's own (`RoadmapsController+Custom`), read by those who run the municipality, its centres and its
/// schools; one template shows its deadlines as days of a chosen calendar year (the year a plan would be made for).
struct RoadmapsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("roadmaps", use: list)
        routes.get("roadmaps", "new", use: newForm)
        routes.post("roadmaps", use: create)
        routes.get("roadmaps", ":id", use: showOwn)
        routes.get("roadmaps", ":id", "edit", use: editForm)
        routes.post("roadmaps", ":id", use: save)
        routes.get("roadmaps", ":id", "archive", use: archiveConfirm)
        routes.post("roadmaps", ":id", "archive", use: archive)
        routes.post("roadmaps", ":id", "restore", use: restore)
        // The built-in templates are the same in every municipality: fixed addresses, no record's id in the path.
        for template in RoadmapTemplate.builtIn {
            routes.get("roadmaps", PathComponent(stringLiteral: template.id)) { req in
                try await one(req, template)
            }
        }
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .roadmapTemplate(municipalityID: municipalityID))
        let own = try await Templates.kept(municipalityID, on: req.db)
        let page = RoadmapListPage(
            rows: RoadmapTemplate.builtIn.map {
                .init(id: $0.id, title: $0.title, measures: $0.measures.count, builtIn: true)
            }
                + own.map {
                    .init(
                        id: $0.key, title: $0.title, measures: $0.template?.measures.count ?? 0, builtIn: false,
                        archived: $0.status == RecordStatus.archived.rawValue)
                },
            canCreate: req.can(.create, .roadmapTemplate(municipalityID: municipalityID)))
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    func one(_ req: Request, _ template: RoadmapTemplate) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .roadmapTemplate(municipalityID: municipalityID))
        let (year, years) = try await Self.year(req)
        let page = RoadmapPage(template: template, year: year, years: years)
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    /// The calendar year of `?year=` (this year when not given), one of last year to two ahead; another is a 400
    /// naming the field.
    static func year(_ req: Request) async throws -> (year: Int, years: [Int]) {
        let thisYear = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)).ymd.year
        let years = Array((thisYear - 1)...(thisYear + 2))
        guard let raw = req.query[String.self, at: "year"], !raw.isEmpty else { return (thisYear, years) }
        guard let chosen = Int(raw), years.contains(chosen) else {
            throw AppError.badParameters(["year": GovernanceWords.chooseYear(years)])
        }
        return (chosen, years)
    }
}
