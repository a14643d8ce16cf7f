import Domain
import Fluent
import Vapor
import Views

/// The user's own page: roles, password change, API tokens (for those whose work uses the API).
struct ProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let profile = routes.grouped("profile")
        profile.get(use: show)
        profile.get("password", use: passwordForm)
        profile.post("password", use: changePassword)
        profile.post("tokens", ":id", "revoke", use: revokeToken)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let zone = try await MunicipalClock.zone(user.municipalityIDs.first, on: req.db)
        var roles: [ProfilePage.RoleLine] = []
        for grant in user.actor.grants {
            var scope = ""
            if let orgID = grant.scope.organizationID {
                scope = try await Organization.find(orgID, on: req.db)?.shortName ?? ""
            } else {
                scope = try await Municipality.find(grant.scope.municipalityID, on: req.db)?.name ?? ""
            }
            let period: String? =
                (grant.validFrom == nil && grant.validTo == nil)
                ? nil
                : AccountsWords.period(
                    from: grant.validFrom.map { RuDate.format($0, timeZone: zone) },
                    to: grant.validTo.map { RuDate.format($0, timeZone: zone) })
            roles.append(.init(role: grant.role.title, scope: scope, period: period))
        }
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == user.userID).filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > Date()).sort(\.$createdAt, .descending).all()
        let onlyPersonal = !req.policy.isStaffUser(user.actor)
        let empty: String? =
            user.actor.has(.guardian, at: Date())
            ? AccountsWords.guardianEmpty
            : onlyPersonal ? AccountsWords.personalEmpty : nil
        let courses = try await ownCourses(user, req: req)
        var page = ProfilePage(
            fullName: user.fullName, username: user.username, roles: roles,
            tokens: try tokens.map {
                .init(
                    id: try $0.requireID(), name: $0.name, created: RuDate.format($0.createdAt, timeZone: zone),
                    expires: RuDate.format($0.expiresAt, timeZone: zone))
            },
            emptyState: courses == nil ? empty : nil)
        page.courses = courses
        if let student = try await Student.query(on: req.db).filter(\.$user.$id == user.userID).first(),
            req.can(
                .read,
                .person(
                    studentID: try student.requireID(),
                    school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id)))
        {
            page.achievements = try await StudentAchievements.familySections(of: [try student.requireID()], on: req.db)
                .values.first
        }
        page.showsKeys = !onlyPersonal || !tokens.isEmpty
        return req.render(page.render(await req.pageContext(active: .profile)))
    }

    /// A student's own network courses, or the groups a teacher teaches (their staff record is linked to the account).
    func ownCourses(_ user: CurrentUser, req: Request) async throws -> RegistryCard.Section? {
        if let student = try await Student.query(on: req.db).filter(\.$user.$id == user.userID).first() {
            return try await StudentCoursesSection.load(of: student, title: StudentCoursesSection.ownTitle, req: req)
        }
        let staff = try await StaffMember.query(on: req.db).filter(\.$user.$id == user.userID).all().compactMap(\.id)
        let groups =
            staff.isEmpty
            ? []
            : try await StudyGroup.query(on: req.db).filter(\.$teacher.$id ~~ staff)
                .filter(\.$status == RecordStatus.active.rawValue).with(\.$organization).with(\.$program).sort(\.$name)
                .all()
        guard !groups.isEmpty else { return nil }
        return TeacherGroupsSection(
            rows: try groups.map {
                .init(
                    id: try $0.requireID(), name: $0.name, program: $0.program.title, center: $0.organization.shortName,
                    enrolled: $0.enrolledCount, capacity: $0.capacity)
            }
        ).section
    }

    func passwordForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return req.render(PasswordPage(forced: user.mustChangePassword).render(await req.pageContext(active: .profile)))
    }

    struct PasswordInput: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let current = try req.requireUser()
        guard let user = try await User.find(current.userID, on: req.db) else { throw AppError.unauthorized }
        let input = try req.content.decode(PasswordInput.self)
        var errors = PasswordRules.check(input.password ?? "")
        if (input.password ?? "") != (input.confirm ?? "") { errors.add("confirm", AccountsWords.passwordsDiffer) }
        let ok =
            (try? await Passwords.verify(input.current ?? "", hash: user.passwordHash, app: req.application)) ?? false
        if !ok { errors.add("current", AccountsWords.wrongCurrentPassword) }
        guard errors.isEmpty else {
            return req.render(
                PasswordPage(errors: errors, forced: current.mustChangePassword).render(
                    await req.pageContext(active: .profile)), status: .unprocessableEntity)
        }
        user.passwordHash = try await Passwords.hash(input.password ?? "", app: req.application)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other sessions of this user end: whoever knew the old password is signed out.
            try await Login.revokeAccess(userID: current.userID, keepSession: current.sessionID, on: db)
            try await Audit.record(
                on: db, req: req, action: .passwordChange, entityType: "user", entityID: user.id,
                title: user.fullName, municipalityID: current.municipalityIDs.first, organizationID: nil)
        }
        return req.redirect(to: SiteURL.profile.path, flash: AccountsWords.passwordChanged)
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let token = try await ApiToken.find(try req.idParameter(), on: req.db), token.$user.id == user.userID
        else {
            throw AppError.notFound(AccountsWords.tokenNotFound)
        }
        token.revokedAt = Date()
        try await token.save(on: req.db)
        try await Audit.record(
            on: req.db, req: req, action: .tokenRevoke, entityType: "user", entityID: user.userID,
            title: user.fullName, municipalityID: user.municipalityIDs.first, organizationID: nil)
        return req.redirect(to: SiteURL.profile.path, flash: AccountsWords.tokenRevoked)
    }
}
