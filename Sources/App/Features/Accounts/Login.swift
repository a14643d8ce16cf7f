import Domain
import Fluent
import Vapor
import Views

/// Checks a username and password with throttling and audit; shared by the login form and the token endpoint.
enum Login {
    enum Outcome {
        case success(User)
        case invalid
        case blocked(until: Date)
    }

    /// Checks the password unless `LoginThrottle` refuses the source address, after the wait it sets for the account;
    /// every attempt is audited with the name tried and the source address (`Audit` records `req.clientAddress`).
    static func attempt(username rawUsername: String, password: String, req: Request) async throws -> Outcome {
        let username = rawUsername.trimmingCharacters(in: .whitespaces)
        let key = TextKey.normalize(username)
        let address = req.clientAddress?.throttleKey ?? "?"
        let throttle = req.application.setkaConfig.loginThrottle
        let now = Date()
        // The attempt is written down as a failure before the (slow) password check and cleared on success, so
        // parallel guesses count against the limits too instead of all passing the check at once.
        let pending = LoginFailure(usernameKey: key, sourceAddress: address, at: now)
        try await pending.create(on: req.db)
        let failures = try await LoginFailure.query(on: req.db)
            .filter(\.$at >= now.addingTimeInterval(-throttle.window)).filter(\.$id != pending.requireID())
            .group(.or) { $0.filter(\.$usernameKey == key).filter(\.$sourceAddress == address) }
            .all().map { LoginThrottle.Failure(account: $0.usernameKey, address: $0.sourceAddress ?? "", at: $0.at) }
        switch throttle.decide(account: key, address: address, failures: failures, now: now) {
        case .refuse(let until):
            // A refused attempt checks no password, so it is no failure: the refusal ends as the failures behind it age.
            try await pending.delete(on: req.db)
            try await Audit.record(
                on: req.db, req: req, username: username, action: .loginBlocked, entityType: "user",
                entityID: nil, title: username, municipalityID: nil, organizationID: nil)
            return .blocked(until: until)
        case .check(let delay) where delay > 0:
            try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        case .check:
            break
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        let ok: Bool
        if let user, user.isActive {
            ok = (try? await Passwords.verify(password, hash: user.passwordHash, app: req.application)) ?? false
        } else {
            _ = try? await Passwords.verify(password, hash: Passwords.dummyHash, app: req.application)
            ok = false
        }
        guard ok, let user else {
            try await Audit.record(
                on: req.db, req: req, userID: user?.id, username: username, action: .loginFailed,
                entityType: "user", entityID: user?.id, title: username, municipalityID: nil, organizationID: nil)
            return .invalid
        }
        // Only this address's failures go: others' guesses at the account keep counting against them.
        try await LoginFailure.query(on: req.db).filter(\.$usernameKey == key).filter(\.$sourceAddress == address)
            .delete()
        return .success(user)
    }

    /// Ends every session, API token and calendar feed of a user (password reset or change, blocking).
    static func revokeAccess(userID: UUID, keepSession: UUID? = nil, on db: any Database) async throws {
        var sessions = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let keep = keepSession { sessions = sessions.filter(\.$id != keep) }
        try await sessions.delete()
        try await ApiToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(
            \.$revokedAt, to: Date()
        ).update()
        try await CalendarFeed.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(
            \.$revokedAt, to: Date()
        ).update()
    }

    static func blockedMessage(_ until: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
        return AccountsWords.blocked(minutes: minutes)
    }

    /// Starts a new session (a fresh id: rotation at login) and sets the cookie.
    static func startSession(for user: User, req: Request, response: Response) async throws {
        if let old = req.cookies[CookieName.session]?.string {
            try await UserSession.query(on: req.db).filter(\.$tokenHash == Secrets.sha256(old)).delete()
        }
        let raw = Secrets.token()
        let session = UserSession()
        session.tokenHash = Secrets.sha256(raw)
        session.$user.id = try user.requireID()
        session.csrfToken = Secrets.token()
        session.createdAt = Date()
        session.lastSeenAt = session.createdAt
        try await session.create(on: req.db)
        // Housekeeping: sessions idle past the timeout and failures older than the throttle window are dead weight.
        let policy = req.application.sessionPolicy
        try await UserSession.query(on: req.db).filter(
            \.$lastSeenAt < session.createdAt.addingTimeInterval(-policy.idleTimeout)
        ).delete()
        try await LoginFailure.query(on: req.db).filter(
            \.$at < session.createdAt.addingTimeInterval(-req.application.setkaConfig.loginThrottle.window)
        ).delete()
        response.cookies[CookieName.session] = req.application.cookie(raw, maxAge: nil)
        try await Audit.record(
            on: req.db, req: req, userID: user.id, username: user.username, action: .login,
            entityType: "user", entityID: user.id, title: user.fullName, municipalityID: nil, organizationID: nil)
    }
}
