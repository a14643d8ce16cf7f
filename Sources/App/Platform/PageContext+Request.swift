import Domain
import Vapor
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
        let menu = MenuArea.order.filter { area in
            user.municipalityIDs.first.map { mayOpen(area, municipalityID: $0, user: user) } ?? (area == .profile)
        }
        let titles = user.actor.activeGrants(at: Date()).map(\.role.title)
        return PageContext(
            userName: user.fullName, roleTitles: titles, menu: menu, activeArea: active,
            csrfToken: csrfToken, flash: flash)
    }

    /// Whether the left menu shows an area: the policy is asked with a probe record of the user's own scope.
    func mayOpen(_ area: MenuArea, municipalityID m: UUID, user: CurrentUser) -> Bool {
        let ownOrg = user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID).first ?? UUID()
        let probe = OrgRef(id: ownOrg, municipalityID: m)
        let p = policy
        switch area {
        case .profile: return true
        case .children: return user.actor.has(.guardian, at: Date())
        case .applications:
            return user.actor.has(.student, at: Date()) || user.actor.has(.guardian, at: Date())
                || p.allows(user.actor, .read, .application(studentID: UUID(), school: probe))
        case .coverage: return p.allows(user.actor, .read, .reference(municipalityID: m))
        case .lists: return p.allows(user.actor, .read, .enrollmentList(group: probe))
        case .enrollments:
            let other = OrgRef(id: UUID(), municipalityID: m)
            return p.allows(user.actor, .read, .groupStudent(school: probe, center: other))
                || p.allows(user.actor, .read, .groupStudent(school: other, center: probe))
        case .organizations: return p.allows(user.actor, .read, .organization(probe))
        case .audit: return p.allows(user.actor, .read, .audit(municipalityID: m))
        case .municipality: return p.allows(user.actor, .update, .users(municipalityID: m))
        // Everyone who signs in has a timetable to look at: their own week, a child's, or the network's month.
        case .timetable: return true
        case .certificates: return p.allows(user.actor, .read, .certificate(center: probe))
        case .orders: return p.allows(user.actor, .read, .order(municipalityID: m))
        case .registry(let r):
            switch r {
            case .resourceCenters: return p.allows(user.actor, .read, .resourceCenter(probe))
            case .agreements: return p.allows(user.actor, .read, .agreement(parties: [probe], municipalityID: m))
            case .staff: return p.allows(user.actor, .read, .staff(orgs: [probe], municipalityID: m))
            case .rooms: return p.allows(user.actor, .read, .room(probe))
            case .partners, .subjects, .academicYears, .kmcMembers:
                return p.allows(user.actor, .read, .reference(municipalityID: m))
            case .groups: return p.allows(user.actor, .read, .group(probe))
            case .programs: return p.allows(user.actor, .read, .program(probe))
            case .students: return p.allows(user.actor, .read, .student(school: probe))
            case .campaigns, .holidays, .travelTimes: return p.allows(user.actor, .read, .reference(municipalityID: m))
            case .busySlots:
                return p.allows(user.actor, .create, .schoolTime(probe)) || p.allows(user.actor, .create, .group(probe))
            case .certificates: return p.allows(user.actor, .read, .certificate(center: probe))
            case .orders: return p.allows(user.actor, .read, .order(municipalityID: m))
            case .users:
                return p.allows(user.actor, .read, .users(municipalityID: m))
                    || p.allows(
                        user.actor, .read,
                        .account(
                            roles: [AccountRole(.teacher, organizationID: ownOrg, municipalityID: m)], municipalityID: m
                        ))
            }
        }
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
