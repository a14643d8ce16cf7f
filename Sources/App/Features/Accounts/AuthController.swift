import Domain
import Fluent
import Vapor
import Views

struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("setup", use: setupForm)
        routes.post("setup", use: setup)
    }

    struct LoginInput: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func loginForm(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.home.path) }
        if try await User.query(on: req.db).count() == 0 { return req.redirect(to: SiteURL.setup.path) }
        let next = try? req.query.get(String.self, at: "next")
        return req.render(LoginPage(next: safeNext(next)).render(await req.pageContext(active: nil)))
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let username = input.username ?? ""
        let next = safeNext(input.next)
        func fail(_ message: String, _ status: HTTPResponseStatus) async -> Response {
            req.render(
                LoginPage(username: username, error: message, next: next).render(await req.pageContext(active: nil)),
                status: status)
        }
        guard !username.isEmpty, let password = input.password, !password.isEmpty else {
            return await fail(AccountsWords.enterCredentials, .unprocessableEntity)
        }
        switch try await Login.attempt(username: username, password: password, req: req) {
        case .blocked(let until):
            return await fail(Login.blockedMessage(until), .tooManyRequests)
        case .invalid:
            return await fail(AccountsWords.wrongCredentials, .unauthorized)
        case .success(let user):
            let response = req.redirect(to: next ?? SiteURL.home.path)
            try await Login.startSession(for: user, req: req, response: response)
            return response
        }
    }

    func logout(req: Request) async throws -> Response {
        let response = req.redirect(to: SiteURL.home.path)
        if let user = req.currentUser, let sid = user.sessionID {
            try await UserSession.query(on: req.db).filter(\.$id == sid).delete()
            try await Audit.record(
                on: req.db, req: req, action: .logout, entityType: "user", entityID: user.userID,
                title: user.fullName, municipalityID: nil, organizationID: nil)
        }
        response.cookies[CookieName.session] = req.application.expiredCookie()
        return response
    }

    /// Only local paths, so a crafted link cannot send a user elsewhere after login.
    func safeNext(_ next: String?) -> String? {
        guard let path = next, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }), !path.hasPrefix("/%2F"),
            !path.hasPrefix("/%5C")
        else { return nil }
        return path
    }

    // MARK: first run without demo data

    func setupForm(req: Request) async throws -> Response {
        guard try await User.query(on: req.db).count() == 0 else { return req.redirect(to: SiteURL.login.path) }
        return req.render(SetupPage().render(await req.pageContext(active: nil)))
    }

    struct SetupInput: Content {
        var token: String?
        var municipality: String?
        var authority: String?
        var fullName: String?
        var username: String?
        var password: String?
    }

    func setup(req: Request) async throws -> Response {
        guard try await User.query(on: req.db).count() == 0 else { return req.redirect(to: SiteURL.login.path) }
        let input = try req.content.decode(SetupInput.self)
        var errors = FieldErrors()
        let expected = req.application.setupToken
        if expected == nil || !Secrets.equal(expected ?? "", (input.token ?? "").trimmingCharacters(in: .whitespaces)) {
            errors.add("token", AccountsWords.wrongSetupToken)
        }
        let municipalityID = errors.required("municipality", input.municipality, max: 200)
        let authority = errors.required("authority", input.authority, max: 300)
        let fullName = errors.required("fullName", input.fullName, max: 200)
        let username = errors.required("username", input.username, max: 60)
        if !username.isEmpty && !UserAccounts.isValidUsername(username) {
            errors.add("username", AccountsWords.badUsername)
        }
        for (field, message) in PasswordRules.check(input.password ?? "").messages { errors.add(field, message) }
        guard errors.isEmpty else {
            let values = [
                "token": input.token ?? "", "municipality": municipalityID, "authority": authority,
                "fullName": fullName,
                "username": username,
            ]
            return req.render(
                SetupPage(values: values, errors: errors, reason: AccountsWords.checkFields)
                    .render(await req.pageContext(active: nil)), status: .unprocessableEntity)
        }
        let hash = try await Passwords.hash(input.password ?? "", app: req.application)
        let user = try await req.db.transaction { db in
            let municipality = Municipality(name: municipalityID)
            try await municipality.create(on: db)
            let org = try await OrganizationStore.create(
                OrganizationInput(
                    kind: .authority, fullName: authority, shortName: authority, address: nil, phone: nil,
                    email: nil, website: nil, headName: nil),
                municipalityID: municipality.requireID(), on: db, req: nil)
            let created = User(username: username, fullName: fullName, passwordHash: hash)
            try await created.create(on: db)
            try await RoleAssignment(
                userID: created.requireID(), role: Role.authorityAdmin.rawValue,
                municipalityID: municipality.requireID(),
                organizationID: nil
            ).create(on: db)
            try await AcademicYears.ensureCurrent(
                municipalityID: municipality.requireID(), zone: municipality.zone, on: db)
            try await Audit.record(
                on: db, req: req, userID: created.id, username: username, action: .setup, entityType: "user",
                entityID: created.id, title: fullName, municipalityID: municipality.id, organizationID: org.id)
            return created
        }
        req.application.setupToken = nil
        let response = req.redirect(
            to: SiteURL.profile.path, flash: AccountsWords.adminCreated)
        try await Login.startSession(for: user, req: req, response: response)
        return response
    }
}
