import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// No statement per row (issue 20, item 4): every GET route of `app.routes` — pages, `/api/v1` lists and details,
    /// downloads — is requested as a user allowed to see it on the same network at two sizes
    /// (`World.statementFixture`), and the SQL statements it sends (`StatementLog`) must not grow with the rows it
    /// shows. A new route is covered without writing its test; a path parameter the fixture cannot fill fails here.
    @Suite struct StatementsPerPageTests {
        /// Routes whose statements still grow with the rows, each a known debt. Exact: a route fixed must leave the
        /// set, and a route newly growing fails.
        static let knownGrowing: Set<String> = []

        /// GET routes not measured, and why.
        static let notMeasured: [String: String] = [
            "/health": "no page: a probe for the load balancer",
            "/assets/setka.css": "the stylesheet, no database",
            "/login": "the sign-in form, for a visitor",
            "/setup": "the first-run form, only before the first user exists",
            "/timetable": "a redirect to the user's own timetable, which is measured",
        ]

        /// Statements of the page frame with authentication: the session with the user, roles and children in one
        /// (`AuthenticationMiddleware.SessionUser`) — what `/profile/password`, a form with no data of its own, runs.
        static let frameStatements = 1

        struct Measured {
            var user: String
            var status: HTTPStatus
            var statements: Int
        }

        @Test func noRouteRunsAStatementPerRow() async throws {
            let small = try await Self.measure(size: 1, users: nil)
            let large = try await Self.measure(size: 3, users: small.mapValues(\.user))
            var table: [(String, Int, Int)] = []
            for (route, one) in small.sorted(by: { $0.key < $1.key }) {
                let three = try #require(large[route], "\(route) was not measured at size 3")
                #expect(three.status == one.status, "\(route) — \(one.status) at size 1, \(three.status) at size 3")
                table.append((route, one.statements, three.statements))
                let grows = three.statements > one.statements
                if grows && !Self.knownGrowing.contains(route) {
                    Issue.record(
                        "\(route) — \(one.statements) statements at size 1, \(three.statements) at size 2 (three times the rows; as \(one.user))"
                    )
                }
                if !grows && Self.knownGrowing.contains(route) {
                    Issue.record("\(route) no longer grows (\(one.statements) statements): take it out of knownGrowing")
                }
            }
            for route in Self.knownGrowing where small[route] == nil {
                Issue.record("\(route) in knownGrowing is not a measured route")
            }
            if ProcessInfo.processInfo.environment["SETKA_STATEMENTS_TABLE"] != nil {
                for (route, one, three) in table.sorted(by: { ($0.2, $0.1, $1.0) > ($1.2, $1.1, $0.0) }) {
                    print("| \(route) | \(one) | \(three) | \(small[route]!.user) |")
                }
            }
        }

        /// Each GET route (every user's start page `/` apart) → who opened it and the statements it ran, on the
        /// fixture at `size`. Without `users`, the first of the fixture's users who gets a 200 opens each route.
        static func measure(size: Int, users chosen: [String: String]?) async throws -> [String: Measured] {
            var measured: [String: Measured] = [:]
            try await withApp { app in
                let fixture = try await World.statementFixture(app, size: size)
                var browsers: [String: Browser] = [:]
                for user in fixture.users {
                    var browser = Browser(app)
                    let res = try await browser.login(user, password: World.password)
                    #expect(res.status == .seeOther, "\(user) cannot sign in")
                    browsers[user] = browser
                }
                StatementLog.start(on: app)
                defer { StatementLog.stop() }
                let frame = try await statements(&browsers["kmc"]!, "/profile/password")
                #expect(frame.status == .ok)
                #expect(
                    frame.statements == frameStatements,
                    "authentication and the page frame: \(frame.statements) statements, \(frameStatements) expected")
                for route in app.routes.all where route.method == .GET {
                    let key = "/" + route.path.map(\.description).joined(separator: "/")
                    guard notMeasured[key] == nil else { continue }
                    guard let path = fixture.paths[key] ?? resolve(route.path, fixture) else { continue }
                    if key == "/" {
                        for user in fixture.users {
                            let got = try await statements(&browsers[user]!, path)
                            #expect(got.status == .ok, "/ as \(user): \(got.status)")
                            measured["/ (\(user))"] = Measured(
                                user: user, status: got.status, statements: got.statements)
                        }
                        continue
                    }
                    var statuses: [String] = []
                    let users = chosen.map { chosen in chosen[key].map { [$0] } ?? [] } ?? fixture.users
                    for user in users {
                        let got = try await statements(&browsers[user]!, path)
                        statuses.append("\(user): \(got.status.code)")
                        if got.status == .ok || chosen != nil {
                            measured[key] = Measured(user: user, status: got.status, statements: got.statements)
                            break
                        }
                    }
                    if measured[key] == nil && chosen == nil {
                        Issue.record(
                            "\(key) (\(path)): no user of the fixture opens it — \(statuses.joined(separator: ", "))")
                    }
                }
            }
            return measured
        }

        /// The statements of a GET: after one request that warms what is kept between requests, the least of two
        /// (a session's «last seen» is written at most once a minute).
        static func statements(_ browser: inout Browser, _ path: String) async throws -> (
            status: HTTPStatus, statements: Int
        ) {
            _ = try await browser.get(path)
            var least = Int.max
            var status = HTTPStatus.ok
            for _ in 0..<2 {
                let before = StatementLog.count
                status = try await browser.get(path).status
                least = min(least, StatementLog.count - before)
            }
            return (status, least)
        }

        /// The route's path with each parameter filled from the fixture by the literal segment in front of it; nil
        /// (and an issue) for a parameter the fixture has no value for.
        static func resolve(_ components: [PathComponent], _ fixture: StatementFixture) -> String? {
            var segments: [String] = []
            var literal = ""
            let route = "/" + components.map(\.description).joined(separator: "/")
            for component in components {
                switch component {
                case .constant(let text):
                    segments.append(text)
                    literal = text
                case .parameter(let name):
                    guard let value = fixture.value(after: literal, name) else {
                        let missing = "«\(literal)/:\(name)» of \(route)"
                        Issue.record(
                            "\(missing): the statements fixture has no value for it — add one to World.statementFixture"
                        )
                        return nil
                    }
                    segments.append(value)
                case .anything, .catchall:
                    Issue.record("\(route): a wildcard route")
                    return nil
                }
            }
            return "/" + segments.joined(separator: "/")
        }
    }
}
