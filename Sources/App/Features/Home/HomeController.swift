import Domain
import Fluent
import Vapor
import Views

/// The page at `/`: the public page of the network, or a signed-in user's start page (`StartController`).
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(req: Request) async throws -> Response {
        // A new installation without demo data: the first visit creates the administrator.
        if req.application.setupToken != nil, try await User.query(on: req.db).count() == 0 {
            return req.redirect(to: SiteURL.setup.path)
        }
        // A signed-in user starts from what is waiting for them.
        if let user = req.currentUser, !user.viaToken { return try await StartController.page(req, user: user) }
        // One Setka may serve several municipalities later; the public page shows the first one until then.
        guard let municipality = try await Municipality.query(on: req.db).sort(\.$createdAt).first(),
            let municipalityID = municipality.id
        else {
            return req.render(
                HomePage(municipalityName: nil, yearTitle: nil, centers: [], contacts: []).render(
                    await req.pageContext(active: nil)))
        }
        let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$isCurrent == true
        ).first()
        var centers: [HomePage.Center] = []
        if let yearID = year?.id {
            let rcs = try await ResourceCenter.query(on: req.db).filter(\.$academicYear.$id == yearID)
                .filter(\.$status == RecordStatus.active.rawValue)
                .with(\.$organization).with(\.$subjects).all()
            centers = rcs.filter { $0.organization.status == RecordStatus.active.rawValue }
                .sorted { $0.organization.sortKey < $1.organization.sortKey }
                .map { rc in
                    HomePage.Center(
                        name: rc.organization.shortName,
                        subjects: rc.subjects.sorted { $0.sortKey < $1.sortKey }.map(\.name),
                        directions: Direction.decode(rc.directions).map(\.title))
                }
        }
        let orgs = try await Organization.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        let contacts = orgs.map {
            HomePage.Contact(
                name: $0.shortName, kind: $0.orgKind.title, address: $0.address, phone: $0.phone,
                email: $0.email, website: $0.website)
        }
        let page = HomePage(
            municipalityName: municipality.name, yearTitle: year?.title, centers: centers, contacts: contacts)
        return req.render(page.render(await req.pageContext(active: nil)))
    }
}
