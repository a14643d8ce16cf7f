import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Finds the user from a bearer token or the session cookie (`DESIGN.md`: sessions in the database).
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = Date()
        var clearSession = false
        if let bearer = req.headers.bearerAuthorization?.token {
            if let user = try await Self.load(tokenHash: Secrets.sha256(bearer), now: now, req: req),
                !user.mustChangePassword
            {
                req.currentUser = user
            }
            if req.currentUser == nil && req.isAPI {
                throw AppError(
                    status: .unauthorized, code: "invalid_token", reason: PlatformWords.invalidToken)
            }
        } else if let raw = req.cookies[CookieName.session]?.string, !raw.isEmpty {
            let policy = req.application.sessionPolicy
            if let session = try await Self.load(sessionHash: Secrets.sha256(raw), req: req) {
                if policy.isAlive(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) {
                    req.currentUser = session.user
                    if req.currentUser != nil, now.timeIntervalSince(session.lastSeenAt) > 60 {
                        try await UserSession.query(on: req.db).filter(\.$id == session.sessionID)
                            .set(\.$lastSeenAt, to: now).update()
                    }
                } else {
                    try await UserSession.query(on: req.db).filter(\.$id == session.sessionID).delete()
                }
            }
            clearSession = req.currentUser == nil
        }
        if let user = req.currentUser, user.mustChangePassword, !user.viaToken,
            ![SiteURL.password.path, SiteURL.logout.path, SiteURL.stylesheet.path].contains(req.url.path)
        {
            return req.redirect(to: SiteURL.password.path)
        }
        let response = try await next.respond(to: req)
        if clearSession && response.cookies[CookieName.session] == nil {
            response.cookies[CookieName.session] = req.application.expiredCookie()
        }
        return response
    }
}
