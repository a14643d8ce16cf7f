import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A CSRF token on every state-changing request made with a cookie (bearer-token calls need none).
/// Anonymous forms (login, first-run setup) use a random cookie echoed in the form.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var newPreAuth: String?
        if req.currentUser == nil, req.cookies[CookieName.preAuth] == nil, !req.isAPI {
            let token = Secrets.token()
            newPreAuth = token
            req.storage[PreAuthTokenKey.self] = token
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
                let limit =
                    req.currentUser == nil
                    ? 64 * 1024 : upload ? AppLimits.uploadBytes : req.application.routes.defaultMaxBodySize.value
                _ = try await req.body.collect(max: limit).get()
            }
            let provided = header ?? (try? req.content.get(String.self, at: "_csrf"))
            guard let expected, let provided, Secrets.equal(expected, provided) else { throw AppError.csrf }
        }
        let response = try await next.respond(to: req)
        if let token = newPreAuth {
            response.cookies[CookieName.preAuth] = req.application.cookie(token, maxAge: nil)
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
