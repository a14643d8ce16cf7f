import Vapor
import Domain
import Views

extension Request {
    /// The layout's view of this request: who is signed in, which menu areas the policy lets them use.
    func pageContext(active: MenuArea?) async -> PageContext {
        var flash: String?
        if let raw = cookies[CookieName.flash]?.string, !raw.isEmpty {
            flash = raw.removingPercentEncoding
            storage[FlashClearKey.self] = true
        }
        guard let user = currentUser else {
            return PageContext(csrfToken: csrfToken, flash: flash)
        }
        var menu: [MenuArea] = [.profile]
        if let m = user.municipalityIDs.first {
            let probe = OrgRef(id: UUID(), municipalityID: m)
            if policy.allows(user.actor, .read, .organization(probe)) { menu.append(.organizations) }
            if policy.allows(user.actor, .read, .audit(municipalityID: m)) { menu.append(.audit) }
        }
        let titles = user.actor.activeGrants(at: Date()).map(\.role.title)
        return PageContext(userName: user.fullName, roleTitles: titles, menu: menu, activeArea: active,
                           csrfToken: csrfToken, flash: flash)
    }

    /// Redirect after a successful POST, with a message for the next page.
    func redirect(to path: String, flash: String) -> Response {
        let r = redirect(to: path, redirectType: .normal)
        r.cookies[CookieName.flash] = HTTPCookies.Value(
            string: flash.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            maxAge: 60, path: "/", isSecure: application.setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return r
    }

    /// Renders a page, clearing a flash message once shown.
    func render(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let r = Response.html(html, status: status)
        if storage[FlashClearKey.self] == true { r.cookies[CookieName.flash] = application.expiredCookie() }
        return r
    }
}

struct FlashClearKey: StorageKey { typealias Value = Bool }
