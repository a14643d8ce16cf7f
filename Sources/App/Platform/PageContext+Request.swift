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
        let roles = Set(user.actor.activeGrants(at: Date()).map(\.role))
        let uses = roles.reduce(into: Set<MenuArea>()) { $0.formUnion(MenuArea.uses($1)) }
        let menu = MenuArea.order.filter { area in
            guard area == .profile || uses.contains(area) else { return false }
            return user.municipalityIDs.first.map { mayOpen(area, municipalityID: $0, user: user) }
                ?? (area == .profile)
        }
        let titles = user.actor.activeGrants(at: Date()).map(\.role.title)
        return PageContext(
            userName: user.fullName, roleTitles: titles, menu: menu, activeArea: active,
            csrfToken: csrfToken, flash: flash)
    }

    /// Whether the left menu shows an area: the policy is asked with a probe record of the user's own scope.
    func mayOpen(_ area: MenuArea, municipalityID: UUID, user: CurrentUser) -> Bool {
        let ownOrg = user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID).first ?? UUID()
        let probe = OrgRef(id: ownOrg, municipalityID: municipalityID)
        let access = policy
        switch area {
        case .profile, .start: return true
        case .journal:
            return access.allows(user.actor, .read, .journal(center: probe, teacherUserID: user.userID))
        case .children: return user.actor.has(.guardian, at: Date())
        case .applications:
            return user.actor.has(.student, at: Date()) || user.actor.has(.guardian, at: Date())
                || access.allows(user.actor, .read, .application(studentID: UUID(), school: probe))
        case .coverage: return access.allows(user.actor, .read, .reference(municipalityID: municipalityID))
        case .lists: return access.allows(user.actor, .read, .enrollmentList(group: probe))
        case .enrollments:
            let other = OrgRef(id: UUID(), municipalityID: municipalityID)
            return access.allows(user.actor, .read, .groupStudent(school: probe, center: other))
                || access.allows(user.actor, .read, .groupStudent(school: other, center: probe))
        case .organizations: return access.allows(user.actor, .read, .organization(probe))
        case .audit: return access.allows(user.actor, .read, .audit(municipalityID: municipalityID))
        case .municipality: return access.allows(user.actor, .update, .users(municipalityID: municipalityID))
        // Everyone who signs in has a timetable to look at: their own week, a child's, or the network's month.
        case .timetable: return true
        case .certificates: return access.allows(user.actor, .read, .certificate(center: probe))
        case .orders: return access.allows(user.actor, .read, .order(municipalityID: municipalityID))
        case .roadmaps: return access.allows(user.actor, .read, .roadmapTemplate(municipalityID: municipalityID))
        case .plans: return access.allows(user.actor, .read, .plan(owner: probe, municipalityID: municipalityID))
        case .meetings: return access.allows(user.actor, .read, .meeting(municipalityID: municipalityID))
        case .activityPrograms: return access.allows(user.actor, .read, .activityProgram(center: probe))
        case .assignments: return access.allows(user.actor, .read, .assignment(organization: probe, issued: true))
        case .analyticNotes: return access.allows(user.actor, .read, .analyticNote(center: probe))
        case .awards: return access.allows(user.actor, .read, .awardRound(municipalityID: municipalityID))
        case .reports:
            return access.allows(user.actor, .read, .reportCampaign(municipalityID: municipalityID))
                || access.allows(user.actor, .read, .report(organization: probe))
        case .registry(let section):
            switch section {
            case .resourceCenters: return access.allows(user.actor, .read, .resourceCenter(probe))
            case .agreements:
                return access.allows(user.actor, .read, .agreement(parties: [probe], municipalityID: municipalityID))
            case .staff: return access.allows(user.actor, .read, .staff(orgs: [probe], municipalityID: municipalityID))
            case .rooms: return access.allows(user.actor, .read, .room(probe))
            case .partners, .subjects, .academicYears, .kmcMembers:
                return access.allows(user.actor, .read, .reference(municipalityID: municipalityID))
            case .groups: return access.allows(user.actor, .read, .group(probe))
            case .programs: return access.allows(user.actor, .read, .program(probe))
            case .students: return access.allows(user.actor, .read, .student(school: probe))
            case .campaigns, .holidays, .travelTimes:
                return access.allows(user.actor, .read, .reference(municipalityID: municipalityID))
            case .busySlots:
                return access.allows(user.actor, .create, .schoolTime(probe))
                    || access.allows(user.actor, .create, .group(probe))
            case .certificates: return access.allows(user.actor, .read, .certificate(center: probe))
            case .orders: return access.allows(user.actor, .read, .order(municipalityID: municipalityID))
            case .olympiadSubjects: return access.allows(user.actor, .read, .reference(municipalityID: municipalityID))
            case .contests, .contestEditions:
                return access.allows(user.actor, .read, .contest(municipalityID: municipalityID))
            case .olympiadStages:
                return access.allows(user.actor, .read, .olympiadStage(municipalityID: municipalityID))
            case .gifted: return access.allows(user.actor, .read, .gifted(school: probe, shared: true))
            case .support: return access.allows(user.actor, .read, .supportMeasure(school: probe, shared: true))
            case .routes: return access.allows(user.actor, .read, .individualRoute(school: probe, shared: true))
            case .talentStatistics:
                return access.allows(user.actor, .read, .achievement(school: probe, shared: true))
            case .achievements: return access.allows(user.actor, .read, .achievement(school: probe, shared: true))
            case .events: return access.allows(user.actor, .read, .event(organizer: probe))
            case .budget: return access.allows(user.actor, .read, .budgetLine(municipalityID: municipalityID))
            case .development:
                // Staff read their own courses.
                return access.allows(
                    user.actor, .read,
                    .development(orgs: [probe], teacherUserID: user.userID, municipalityID: municipalityID))
            case .users:
                return access.allows(user.actor, .read, .users(municipalityID: municipalityID))
                    || access.allows(
                        user.actor, .read,
                        .account(
                            roles: [AccountRole(.teacher, organizationID: ownOrg, municipalityID: municipalityID)],
                            municipalityID: municipalityID
                        ))
            }
        }
    }

    /// Redirect after a successful POST, with a message for the next page.
    func redirect(to path: String, flash: String) -> Response {
        let response = redirect(to: path, redirectType: .normal)
        response.cookies[CookieName.flash] = HTTPCookies.Value(
            string: flash.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            maxAge: 60, path: "/", isSecure: application.setkaConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Renders a page, clearing a flash message once shown.
    func render(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response.html(html, status: status)
        if storage[FlashClearKey.self] == true { response.cookies[CookieName.flash] = application.expiredCookie() }
        return response
    }
}

struct FlashClearKey: StorageKey { typealias Value = Bool }
