import Domain
import Fluent
import Vapor
import Views

struct TokenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
    }

    struct Input: Content {
        var username: String?
        var password: String?
    }
    struct Output: Content {
        var token: String
        var expiresAt: Date
    }

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
            throw AppError(
                status: .unauthorized, code: "invalid_credentials", reason: AccountsWords.wrongCredentials)
        case .success(let user) where user.mustChangePassword:
            // The password was right, yet no token is given: audited as a login that did not happen.
            try await Audit.record(
                on: req.db, req: req, userID: user.id, username: user.username, action: .loginFailed,
                entityType: "user", entityID: user.id, title: user.fullName, municipalityID: nil, organizationID: nil)
            throw AppError(
                status: .forbidden, code: "password_change_required",
                reason: AccountsWords.oneTimeCodeForToken)
        case .success(let user):
            let raw = Secrets.token()
            let token = ApiToken()
            token.tokenHash = Secrets.sha256(raw)
            token.$user.id = try user.requireID()
            token.name = "API " + RuDate.formatDateTime(Date(), timeZone: MunicipalClock.defaultZone)
            token.createdAt = Date()
            token.expiresAt = token.createdAt.addingTimeInterval(30 * 86_400)
            try await token.create(on: req.db)
            try await Audit.record(
                on: req.db, req: req, userID: user.id, username: user.username, action: .tokenCreate,
                entityType: "user", entityID: user.id, title: user.fullName, municipalityID: nil, organizationID: nil)
            let response = Response(status: .created)
            try response.content.encode(Output(token: raw, expiresAt: token.expiresAt))
            return response
        }
    }
}
