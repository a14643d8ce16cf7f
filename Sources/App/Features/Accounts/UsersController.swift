import Domain
import Fluent
import Vapor
import Views

/// Users and their role assignments, managed by the authority administrator; password reset with a one-time code.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: index)
        users.get("new", use: newForm)
        users.post("new", use: create)
        users.get(":id", use: show)
        users.get(":id", "edit", use: editForm)
        users.post(":id", "edit", use: update)
        users.get(":id", "roles", "new", use: roleForm)
        users.post(":id", "roles", "new", use: addRole)
        users.post(":id", "roles", ":role", "remove", use: removeRole)
        users.get(":id", "reset", use: resetConfirm)
        users.post(":id", "reset", use: reset)
        users.post(":id", "block", use: block)
        users.post(":id", "unblock", use: unblock)
    }

    let area = Registry.users
    var active: MenuArea { .registry(.users) }

    func municipality(_ req: Request) throws -> UUID { try RegistrySupport.municipality(req) }

    /// Organisations whose staff accounts the user manages: nil means every account of the municipality
    /// (administrator).
    func scope(_ req: Request) throws -> Set<UUID>? {
        let municipalityID = try municipality(req)
        if req.can(.read, .users(municipalityID: municipalityID)) { return nil }
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let orgs = Set(
            own.filter { org in
                req.can(
                    .read,
                    .account(
                        roles: [AccountRole(.teacher, organizationID: org, municipalityID: municipalityID)],
                        municipalityID: municipalityID)
                )
            })
        guard !orgs.isEmpty else { throw AppError.forbidden }
        return orgs
    }

    static func roles(_ assignments: [RoleAssignment]) -> [AccountRole] {
        assignments.compactMap { assignment in
            Role(rawValue: assignment.role).map {
                AccountRole(
                    $0, organizationID: assignment.$organization.id, municipalityID: assignment.$municipality.id)
            }
        }
    }

    /// Asks the policy about an account as it is (all its assignments, wherever they are) or as it will be.
    func authorize(_ req: Request, _ action: Domain.Action, roles: [AccountRole]) throws {
        try req.authorize(action, .account(roles: roles, municipalityID: try municipality(req)))
    }

    /// A user of the municipality whose account the current user may manage.
    func find(_ req: Request, _ action: Domain.Action = .read) async throws -> User {
        _ = try municipality(req)
        guard let user = try await User.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(UsersWords.notFound)
        }
        let assignments = try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).all()
        // An account with no roles belongs to no municipality: the policy leaves it to the operator (`setka user
        // create`).
        try authorize(req, action, roles: Self.roles(assignments))
        return user
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try municipality(req)
        let orgs = try scope(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["role", "state"], sorts: ["name", "login"], defaultSort: "name")
        let inMuni = try await RoleAssignment.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
        let byUser = Dictionary(grouping: inMuni, by: { $0.$user.id })
        // A scoped manager sees only accounts whose every role they may manage.
        // Listed are the accounts the policy lets this user manage, judged by all their roles (here and elsewhere).
        let candidates = Array(byUser.keys)
        let all = Dictionary(
            grouping: try await RoleAssignment.query(on: req.db).filter(\.$user.$id ~~ candidates).all(),
            by: { $0.$user.id })
        var ids = Set(
            candidates.filter {
                req.can(.read, .account(roles: Self.roles(all[$0] ?? []), municipalityID: municipalityID))
            })
        if let role = query.filters["role"] { ids = ids.filter { (byUser[$0] ?? []).contains { $0.role == role } } }
        var builder = User.query(on: req.db).filter(\.$id ~~ Array(ids))
        if let state = query.filters["state"] { builder = builder.filter(\.$isActive == (state == "active")) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder = query.sort == "login" ? builder.sort(\.$username, dir) : builder.sort(\.$sortKey, dir)
        let (users, total) = try await builder.paged(query)
        let page = UserListPage(
            query: query,
            rows: try users.map { user in
                .init(
                    id: try user.requireID(), name: user.fullName, username: user.username,
                    roles: (byUser[try user.requireID()] ?? []).compactMap { Role(rawValue: $0.role) },
                    isActive: user.isActive)
            },
            total: total, managesAll: orgs == nil
        ).list
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func show(req: Request) async throws -> Response {
        let user = try await find(req)
        let assignments = try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).with(
            \.$organization
        ).with(\.$municipality).all()
        let zone = try await RegistrySupport.zone(req)
        let id = try user.requireID()
        let card = UserCardPage(
            id: id, name: user.fullName, username: user.username, isActive: user.isActive,
            mustChangePassword: user.mustChangePassword,
            mayUpdate: (try? authorize(req, .update, roles: Self.roles(assignments))) != nil,
            isSelf: id == req.currentUser?.userID,
            assignments: try assignments.map { assignment in
                .init(
                    id: try assignment.requireID(), role: Role(rawValue: assignment.role), rawRole: assignment.role,
                    place: assignment.organization?.shortName ?? assignment.municipality.name,
                    from: assignment.validFrom.map { RuDate.format($0, timeZone: zone) },
                    to: assignment.validTo.map { RuDate.format($0, timeZone: zone) })
            },
            history: try await Audit.history(entityID: id, req: req), csrf: req.csrfToken
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

}
