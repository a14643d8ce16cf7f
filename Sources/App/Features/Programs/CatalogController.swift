import Domain
import Fluent
import Vapor
import Views

/// The public catalogue (no login): agreed programmes of the current year, filtered by profile, centre, grade and form.
struct CatalogController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("catalog", use: catalog)
    }

    func catalog(req: Request) async throws -> Response {
        var query = RegistrySupport.listQuery(
            req, filters: ["profile", "organization", "grade", "form"], sorts: ["title"], defaultSort: "title")
        query.filters["approval"] = ProgramApproval.agreed.rawValue
        guard let municipality = try await Municipality.query(on: req.db).sort(\.$createdAt).first(),
            let municipalityID = municipality.id
        else {
            return req.render(
                CatalogPage(yearTitle: nil, query: query, centers: [], items: [], total: 0).render(
                    await req.pageContext(active: nil)))
        }
        let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$isCurrent == true
        ).first()
        query.filters["year"] = year?.id?.uuidString ?? UUID().uuidString
        // The page's ids through the programmes' filters, then its items in one statement (`CatalogRowsSQL`).
        let (ids, total) = try await ProgramsSection.filtered(query, municipalityID: municipalityID, on: req.db)
            .pagedIDs(query)
        query.filters["year"] = nil
        let items = try await CatalogRowsSQL.items(ids: ids, on: req.db)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let options = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        query.filters["approval"] = nil
        let page = CatalogPage(yearTitle: year?.title, query: query, centers: options, items: items, total: total)
        return req.render(page.render(await req.pageContext(active: nil)))
    }
}
