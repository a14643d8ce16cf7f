import Vapor
import Fluent
import Domain
import Views

/// `{"items": […], "metadata": {"page", "per", "total"}}`
struct PageDTO<T: Content>: Content {
    struct Metadata: Content { var page: Int; var per: Int; var total: Int }
    var items: [T]
    var metadata: Metadata
}

struct TokenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
    }

    struct Input: Content { var username: String?; var password: String? }
    struct Output: Content { var token: String; var expiresAt: Date }

    func issue(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var errors = FieldErrors()
        let username = errors.required("username", input.username, max: 60)
        let password = errors.required("password", input.password, max: 128)
        guard errors.isEmpty else { throw AppError.validation(ValidationFailure(fields: errors)) }
        switch try await Login.attempt(username: username, password: password, req: req) {
        case .blocked(let until):
            throw AppError(status: .tooManyRequests, code: "too_many_attempts", reason: Login.blockedMessage(until))
        case .invalid:
            throw AppError(status: .unauthorized, code: "invalid_credentials", reason: "Неверное имя пользователя или пароль.")
        case .success(let user) where user.mustChangePassword:
            throw AppError(status: .forbidden, code: "password_change_required",
                           reason: "Вы вошли с одноразовым кодом: сначала задайте свой пароль в веб-интерфейсе.")
        case .success(let user):
            let raw = Secrets.token()
            let t = ApiToken()
            t.tokenHash = Secrets.sha256(raw)
            t.$user.id = try user.requireID()
            t.name = "API " + RuDate.formatDateTime(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!)
            t.createdAt = Date()
            t.expiresAt = t.createdAt.addingTimeInterval(30 * 86_400)
            try await t.create(on: req.db)
            try await Audit.record(on: req.db, req: req, userID: user.id, username: user.username, action: .tokenCreate,
                                   entityType: "user", entityID: user.id, title: user.fullName, municipalityID: nil, organizationID: nil)
            let response = Response(status: .created)
            try response.content.encode(Output(token: raw, expiresAt: t.expiresAt))
            return response
        }
    }
}

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

        init(_ o: Organization) {
            id = o.id!; municipalityId = o.$municipality.id; kind = o.kind; fullName = o.fullName; shortName = o.shortName
            address = o.address; phone = o.phone; email = o.email; website = o.website; headName = o.headName
            status = o.status; version = o.version
        }
    }

    func index(req: Request) async throws -> PageDTO<DTO> {
        let user = try req.requireUser()
        guard let muni = user.municipalityIDs.first else { throw AppError.forbidden }
        try req.authorize(.read, .organization(OrgRef(id: UUID(), municipalityID: muni)))
        try RegistrySupport.checkChoices(req, ["kind": OrganizationKind.allCases.map(\.rawValue), "status": RegistrySupport.statusChoices])
        let query = OrganizationQueries.listQuery(from: req)
        let (rows, total) = try await OrganizationQueries.list(query, user: user, on: req.db)
        return PageDTO(items: rows.map(DTO.init), metadata: .init(page: query.page, per: query.per, total: total))
    }

    func show(req: Request) async throws -> DTO {
        _ = try req.requireUser()
        return DTO(try await OrganizationQueries.find(try req.idParameter(), req: req))
    }
}
