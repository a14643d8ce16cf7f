import Domain
import Fluent
import SQLKit
import Vapor
import Views

extension Application {
    var sessionPolicy: SessionPolicy {
        let configured = setkaConfig.sessionPolicy
        return SessionPolicy(
            idleTimeout: TimeInterval(configured.idleMinutes * 60),
            absoluteTimeout: TimeInterval(configured.absoluteHours * 3600))
    }

    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
            isSecure: setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    func expiredCookie() -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
            isSecure: setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
