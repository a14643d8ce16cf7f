import Vapor
import Fluent
import SQLKit
import Domain
import Views

/// The signed-in user of a request, with what the access policy needs.
struct CurrentUser: Sendable {
    var userID: UUID
    var username: String
    var fullName: String
    var actor: Actor
    /// Municipalities the user's active roles cover.
    var municipalityIDs: [UUID]
    var sessionID: UUID?
    var csrfToken: String?
    var viaToken: Bool
    /// Signed in with a one-time code from an administrator: must set a password before anything else.
    var mustChangePassword: Bool = false
}

struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }
struct PreAuthTokenKey: StorageKey { typealias Value = String }

extension Request {
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or 401.
    func requireUser() throws -> CurrentUser {
        guard let u = currentUser else { throw AppError.unauthorized }
        return u
    }

    var policy: AccessPolicy { AccessPolicy(now: Date()) }

    /// Refuses with 403 unless the policy allows it.
    func authorize(_ action: Domain.Action, _ resource: Resource) throws {
        let user = try requireUser()
        guard policy.allows(user.actor, action, resource) else { throw AppError.forbidden }
    }

    func can(_ action: Domain.Action, _ resource: Resource) -> Bool {
        guard let user = currentUser else { return false }
        return policy.allows(user.actor, action, resource)
    }
}

enum CookieName {
    static let session = "setka_session"
    static let preAuth = "setka_pre"
    static let flash = "setka_flash"
}

/// Finds the user from a bearer token or the session cookie (`DESIGN.md`: sessions in the database).
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = Date()
        var clearSession = false
        if let bearer = req.headers.bearerAuthorization?.token {
            if let user = try await Self.load(tokenHash: Secrets.sha256(bearer), now: now, req: req), !user.mustChangePassword {
                req.currentUser = user
            }
            if req.currentUser == nil && req.isAPI {
                throw AppError(status: .unauthorized, code: "invalid_token", reason: "Ключ доступа недействителен или истёк.")
            }
        } else if let raw = req.cookies[CookieName.session]?.string, !raw.isEmpty {
            let policy = req.application.sessionPolicy
            if let session = try await UserSession.query(on: req.db).filter(\.$tokenHash == Secrets.sha256(raw)).first() {
                if policy.isAlive(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) {
                    req.currentUser = try await Self.load(userID: session.$user.id, on: req.db, sessionID: session.id,
                                                          csrf: session.csrfToken, viaToken: false)
                    if req.currentUser != nil, now.timeIntervalSince(session.lastSeenAt) > 60 {
                        session.lastSeenAt = now
                        try await session.save(on: req.db)
                    }
                } else {
                    try await session.delete(on: req.db)
                }
            }
            clearSession = req.currentUser == nil
        }
        if let user = req.currentUser, user.mustChangePassword, !user.viaToken,
           ![SiteURL.password.path, SiteURL.logout.path, SiteURL.stylesheet.path].contains(req.url.path) {
            return req.redirect(to: SiteURL.password.path)
        }
        let response = try await next.respond(to: req)
        if clearSession && response.cookies[CookieName.session] == nil {
            response.cookies[CookieName.session] = req.application.expiredCookie()
        }
        return response
    }
}

/// A CSRF token on every state-changing request made with a cookie (bearer-token calls need none).
/// Anonymous forms (login, first-run setup) use a random cookie echoed in the form.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var newPreAuth: String?
        if req.currentUser == nil, req.cookies[CookieName.preAuth] == nil, !req.isAPI {
            let t = Secrets.token()
            newPreAuth = t
            req.storage[PreAuthTokenKey.self] = t
        }
        // API calls without a session cookie carry no ambient credentials, so only cookie-based ones need the token.
        let cookieBased = req.currentUser.map { !$0.viaToken } ?? !req.isAPI
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), cookieBased {
            let expected = req.currentUser?.csrfToken ?? req.cookies[CookieName.preAuth]?.string
            // A body larger than the first read arrives as a stream (`req.body.data` is nil until collected): a form
            // without the header is read whole, up to the route's limit (a file upload's for the upload routes, 2 MB
            // otherwise), to find its token — before, a results sheet or a long description lost the token.
            // Nothing is read when no token is expected; an anonymous form (login, first-run setup) is small.
            let header = req.headers.first(name: "X-CSRF-Token")
            guard expected != nil else { throw AppError.csrf }
            if header == nil, req.body.data == nil {
                let upload = req.currentUser != nil && AppLimits.uploadPaths.contains(req.url.path)
                let limit = req.currentUser == nil ? 64 * 1024 : upload ? AppLimits.uploadBytes : req.application.routes.defaultMaxBodySize.value
                _ = try await req.body.collect(max: limit).get()
            }
            let provided = header ?? (try? req.content.get(String.self, at: "_csrf"))
            guard let expected, let provided, Secrets.equal(expected, provided) else { throw AppError.csrf }
        }
        let response = try await next.respond(to: req)
        if let t = newPreAuth {
            response.cookies[CookieName.preAuth] = req.application.cookie(t, maxAge: nil)
        }
        return response
    }
}

extension Request {
    /// The token to put into forms of this page.
    var csrfToken: String {
        currentUser?.csrfToken ?? storage[PreAuthTokenKey.self] ?? cookies[CookieName.preAuth]?.string ?? ""
    }
}

extension Application {
    var sessionPolicy: SessionPolicy {
        let c = setkaConfig.sessionPolicy
        return SessionPolicy(idleTimeout: TimeInterval(c.idleMinutes * 60), absoluteTimeout: TimeInterval(c.absoluteHours * 3600))
    }

    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
                          isSecure: setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    func expiredCookie() -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                          isSecure: setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
