import AsyncHTTPClient
import Domain
import Fluent
import Testing
import Vapor

@testable import App

extension AppTests {
    /// Login throttling over real HTTP (issue 19): failures count per account and address and per address, never as a
    /// lockout of the account. The peer is always 127.0.0.1; with it named a trusted proxy, `X-Forwarded-For` tells
    /// the addresses apart.
    @Suite struct LoginThrottleTests {
        static let attacker = "198.51.100.7"
        static let owner = "203.0.113.9"

        /// metod, kmc, admin and teacher1 in a world of their own; 127.0.0.1 a trusted proxy unless told otherwise,
        /// and the throttle's waits shortened so that ten failures take no half a minute.
        static func setUp(_ app: Application, trustingLocalProxy: Bool = true) async throws {
            let world = try await World.make(app)
            let center = try await world.center("Школа-центр № 2")
            try await world.user("metod", .methodologist)
            try await world.user("kmc", .coordinator)
            try await world.user("admin", .authorityAdmin)
            try await world.user("teacher1", .teacher, at: center)
            if trustingLocalProxy { app.setkaConfig.trustedProxies = TrustedProxies.read("127.0.0.1").proxies }
            app.setkaConfig.loginThrottle.firstDelay = 0.01
            app.setkaConfig.loginThrottle.maxDelay = 0.02
        }

        static func withClient(_ port: Int, _ body: (SignInClient) async throws -> Void) async throws {
            let client = LiveBrowser.client()
            do {
                try await body(SignInClient(port: port, client: client))
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }

        @Test func tenWrongPasswordsRefuseThatAddressButNotTheOwner() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app)
                try await Self.withClient(port) { signIn in
                    // act
                    var guesses: [UInt] = []
                    for i in 0..<10 {
                        guesses.append(try await signIn.form("metod", "guess-\(i)", from: Self.attacker).status)
                    }
                    let attackerRight = try await signIn.form("metod", World.password, from: Self.attacker)
                    let attackerToken = try await signIn.token("metod", World.password, from: Self.attacker)
                    let ownerForm = try await signIn.form("metod", World.password, from: Self.owner)
                    let ownerToken = try await signIn.token("metod", World.password, from: "203.0.113.10")
                    let attackerOtherAccount = try await signIn.form("kmc", World.password, from: Self.attacker)
                    // check
                    #expect(guesses == Array(repeating: 401, count: 10))
                    #expect(attackerRight.status == 429)
                    #expect(attackerRight.body.contains("Слишком много неудачных попыток входа. Повторите через"))
                    #expect(attackerToken.status == 429)
                    #expect(attackerToken.body.contains("Повторите через"))
                    #expect(ownerForm.status == 303)
                    #expect(ownerToken.status == 201)
                    #expect(attackerOtherAccount.status == 303)
                }
            }
        }

        @Test func theOwnersLoginDoesNotWipeTheAttackersFailures() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app)
                try await Self.withClient(port) { signIn in
                    for i in 0..<9 { _ = try await signIn.token("metod", "guess-\(i)", from: Self.attacker) }
                    #expect(try await signIn.token("metod", World.password, from: Self.owner).status == 201)
                    #expect(try await signIn.token("metod", "guess-9", from: Self.attacker).status == 401)
                    #expect(try await signIn.token("metod", "guess-10", from: Self.attacker).status == 429)
                }
            }
        }

        @Test func forwardedForIsIgnoredWithoutATrustedProxy() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app, trustingLocalProxy: false)
                try await Self.withClient(port) { signIn in
                    // Each guess claims another address; all of them come from 127.0.0.1.
                    for i in 0..<10 {
                        #expect(try await signIn.token("metod", "guess", from: "198.51.100.\(i + 1)").status == 401)
                    }
                    #expect(try await signIn.token("metod", World.password, from: Self.owner).status == 429)
                    let addresses = try await AuditEntry.query(on: app.db).filter(\.$action == "login_failed").all()
                        .map(\.ip)
                    #expect(addresses == Array(repeating: "127.0.0.1", count: 10))
                }
            }
        }

        @Test func sprayingManyAccountsFromOneAddressRefusesThatAddress() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app)
                app.setkaConfig.loginThrottle.addressLimit = 6
                try await Self.withClient(port) { signIn in
                    // act: one guess at each of six names, two of them nobody's
                    let names = ["metod", "kmc", "admin", "nobody1", "teacher1", "nobody2"]
                    var answers: [SignInClient.Answer] = []
                    for name in names {
                        answers.append(try await signIn.form(name, "Spring2026!", from: Self.attacker))
                    }
                    let sprayer = try await signIn.form("teacher1", World.password, from: Self.attacker)
                    let sprayerToken = try await signIn.token("admin", World.password, from: Self.attacker)
                    let owner = try await signIn.form("teacher1", World.password, from: Self.owner)
                    // check: an unknown name is answered exactly as a wrong password
                    #expect(answers.map(\.status) == Array(repeating: 401, count: 6))
                    let known = answers[0].body.replacingOccurrences(of: "metod", with: "NAME")
                    let unknown = answers[3].body.replacingOccurrences(of: "nobody1", with: "NAME")
                    #expect(Self.withoutToken(known) == Self.withoutToken(unknown))
                    #expect(sprayer.status == 429)
                    #expect(sprayerToken.status == 429)
                    #expect(owner.status == 303)
                }
            }
        }

        @Test func guessingFromManyAddressesDelaysTheOwnerButLetsThemIn() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app)
                app.setkaConfig.loginThrottle.freeFailures = 2
                app.setkaConfig.loginThrottle.firstDelay = 3
                app.setkaConfig.loginThrottle.maxDelay = 3
                try await Self.withClient(port) { signIn in
                    for i in 0..<2 {
                        #expect(try await signIn.token("metod", "guess", from: "198.51.100.\(i + 1)").status == 401)
                    }
                    let clock = ContinuousClock()
                    let start = clock.now
                    let owner = try await signIn.token("metod", World.password, from: Self.owner)
                    let waited = clock.now - start
                    #expect(owner.status == 201)
                    #expect(waited >= .seconds(3), "\(waited)")
                }
            }
        }

        @Test func everyAttemptIsAuditedWithTheNameTriedAndTheAddress() async throws {
            try await withLiveApp { app, port in
                try await Self.setUp(app)
                app.setkaConfig.loginThrottle.pairLimit = 2
                let teacher = try #require(try await User.query(on: app.db).filter(\.$username == "teacher1").first())
                teacher.mustChangePassword = true
                try await teacher.save(on: app.db)
                try await Self.withClient(port) { signIn in
                    _ = try await signIn.form("nobody1", "guess", from: Self.attacker)
                    _ = try await signIn.token("metod", "guess", from: Self.attacker)
                    _ = try await signIn.form("metod", "guess", from: Self.attacker)
                    _ = try await signIn.token("metod", "guess", from: Self.attacker)
                    _ = try await signIn.form("metod", World.password, from: Self.owner)
                    _ = try await signIn.token("kmc", World.password, from: "2001:db8:5:6::1")
                    // a right password with a one-time code still to change gives no token
                    #expect(try await signIn.token("teacher1", World.password, from: Self.owner).status == 403)
                }
                let entries = try await AuditEntry.query(on: app.db).all()
                    .filter { ["login", "login_failed", "login_blocked", "token_create"].contains($0.action) }
                    .map { "\($0.action) \($0.username) \($0.ip ?? "-")" }.sorted()
                #expect(
                    entries == [
                        "login metod 203.0.113.9",
                        "login_blocked metod 198.51.100.7",
                        "login_failed metod 198.51.100.7",
                        "login_failed metod 198.51.100.7",
                        "login_failed nobody1 198.51.100.7",
                        "login_failed teacher1 203.0.113.9",
                        "token_create kmc 2001:db8:5:6::1",
                    ])
            }
        }

        @Test func trustedProxiesComeFromTheEnvironmentAndAMistakeStopsTheStart() throws {
            let proxies = try AppConfig.fromEnvironment(["SETKA_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"])
                .trustedProxies
            #expect(
                proxies
                    == TrustedProxies([
                        try #require(AddressRange("127.0.0.1")), try #require(AddressRange("10.0.0.0/8")),
                    ]))
            #expect(try AppConfig.fromEnvironment([:]).trustedProxies.ranges.isEmpty)
            do {
                _ = try AppConfig.fromEnvironment(["SETKA_TRUSTED_PROXIES": "127.0.0.1,proxy.local"])
                Issue.record("a name that is no address was accepted")
            } catch let error as ConfigError {
                #expect(error.problems.count == 1)
                #expect(error.problems.first?.hasPrefix("SETKA_TRUSTED_PROXIES: «proxy.local»") == true)
            }
        }

        /// A page with its CSRF token blanked, to compare two answers.
        static func withoutToken(_ html: String) -> String {
            guard let token = try? SignInClient.csrf(in: html) else { return html }
            return html.replacingOccurrences(of: token, with: "")
        }
    }
}
