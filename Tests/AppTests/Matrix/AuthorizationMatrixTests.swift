import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// The authorisation matrix (issue 20, item 5): every route with an id in its path, pages, downloads and API, every
    /// method, asked by every role with another municipality's ids, by the roles bound to an organisation with another
    /// organisation's ids, and by a student and a guardian with a classmate's ids — refused (403 or 404) and, for
    /// writes, nothing changed. Routes come from `app.routes`, so a new route is covered without a test of its own.
    @Suite struct AuthorizationMatrixTests {
        struct Violation: Hashable, Comparable {
            let role: MatrixRole
            let route: MatrixRoute
            let probe: MatrixProbe
            let outcome: String

            var key: String { "\(role.rawValue) \(route.name) [\(probe.rawValue)]" }
            static func < (lhs: Violation, rhs: Violation) -> Bool { lhs.key < rhs.key }
        }

        /// The routes with a parameter in their path, and the parameters the matrix does not know.
        static func routes(_ app: Application) -> (routes: [MatrixRoute], unknown: [String]) {
            var routes: Set<MatrixRoute> = []
            var unknown: [String] = []
            for route in app.routes.all {
                let matrixRoute = MatrixRoute(method: route.method, components: route.path)
                guard !matrixRoute.parameterKeys.isEmpty, MatrixRoutes.publicRoutes[matrixRoute.name] == nil else {
                    continue
                }
                let missing = matrixRoute.parameterKeys.filter { MatrixRoutes.parameters[$0] == nil }
                if missing.isEmpty {
                    routes.insert(matrixRoute)
                } else {
                    unknown.append("\(matrixRoute.name): \(missing.joined(separator: ", "))")
                }
            }
            return (routes.sorted(), unknown.sorted())
        }

        /// The path with the side's ids, or nil when the probe does not apply to the route: another organisation's ids
        /// only where the route names an organisation's record, a classmate's only where it names a student's.
        static func path(_ route: MatrixRoute, _ probe: MatrixProbe, _ side: MatrixSide) throws -> String? {
            let entities = route.parameterKeys.compactMap { MatrixRoutes.parameters[$0] }
            if probe == .neighbour, entities.allSatisfy(\.isMunicipal) { return nil }
            if probe == .classmate, !entities.contains(where: \.isPersonal) { return nil }
            var parts: [String] = []
            var keys = entities.makeIterator()
            for component in route.components {
                if case .parameter = component, let entity = keys.next() {
                    parts.append(try side.id(entity).uuidString.lowercased())
                } else {
                    parts.append(component.description)
                }
            }
            return "/" + parts.joined(separator: "/")
        }

        /// A read of another organisation's record that the policy opens by design (`MatrixRoutes.sharedReads`).
        static func isSharedRead(_ route: MatrixRoute, _ role: MatrixRole, _ probe: MatrixProbe) -> Bool {
            probe == .neighbour && !route.isWrite && MatrixRoutes.sharedReads[route.name]?.roles.contains(role) == true
        }

        /// What is wrong with an answer, or nil: a refusal (403 or 404) is expected, except for a shared read, which
        /// may answer but never fails and never shows the other organisation's students.
        static func outcome(_ status: HTTPStatus, _ body: String, shared: Bool) -> String? {
            guard shared else { return status == .forbidden || status == .notFound ? nil : "\(status.code)" }
            if status.code >= 500 { return "\(status.code)" }
            return MatrixFixture.neighbourNames.contains(where: body.contains)
                ? "\(status.code) showing another organisation's student" : nil
        }

        @Test func everyRouteWithAnIdRefusesOtherMunicipalitiesOrganisationsAndStudents() async throws {
            try await withApp { app in
                // setup
                let (routes, unknown) = Self.routes(app)
                #expect(
                    unknown.isEmpty,
                    """
                    Routes with a path parameter the authorisation matrix does not know: \(unknown). Add each \
                    `<segment>/:<name>` to `MatrixRoutes.parameters` with the kind of record it names (a new kind needs \
                    a `MatrixEntity` case and a builder in `Tests/AppTests/Support/World+Matrix.swift` making one in \
                    every side), or the route to `MatrixRoutes.publicRoutes` with the reason anyone may use it.
                    """)
                let names = Set(app.routes.all.map { MatrixRoute(method: $0.method, components: $0.path).name })
                let stale = Set(MatrixRoutes.publicRoutes.keys).union(MatrixRoutes.sharedReads.keys).subtracting(names)
                #expect(stale.isEmpty, "allow-listed routes that no longer exist: \(stale.sorted())")
                let fixture = try await MatrixFixture.make(app)
                var clients: [MatrixRole: MatrixClient] = [:]
                for role in MatrixRole.allCases { clients[role] = try await MatrixClient.signIn(app, role) }
                try await Self.checkControls(fixture, &clients)
                let statement = try await MatrixDigest.statement(app)
                var digest = try await MatrixDigest.read(app, statement: statement)
                var violations: [Violation] = []
                var asked = 0
                // act: reads first (one digest after them all), then each write with a digest after it
                for writes in [false, true] {
                    for route in routes where route.isWrite == writes {
                        for probe in MatrixProbe.allCases {
                            let side = try #require(fixture.sides[probe])
                            guard let path = try Self.path(route, probe, side) else { continue }
                            for role in probe.roles {
                                asked += 1
                                let (status, body) = try await clients[role]!.send(route, path: path)
                                var outcome = Self.outcome(
                                    status, body, shared: Self.isSharedRead(route, role, probe))
                                if writes {
                                    let after = try await MatrixDigest.read(app, statement: statement)
                                    let changed = after.changed(from: digest)
                                    if !changed.isEmpty {
                                        outcome = (outcome.map { $0 + ", " } ?? "") + "changed \(changed)"
                                        digest = after
                                    }
                                }
                                if let outcome {
                                    violations.append(
                                        Violation(role: role, route: route, probe: probe, outcome: outcome))
                                }
                            }
                        }
                    }
                    if !writes {
                        let after = try await MatrixDigest.read(app, statement: statement)
                        #expect(after.changed(from: digest).isEmpty, "reads changed \(after.changed(from: digest))")
                        digest = after
                    }
                }
                // check
                let found = Set(violations.map(\.key))
                let new = violations.sorted().filter { !MatrixRoutes.knownViolations.contains($0.key) }
                print("Authorisation matrix: \(routes.count) routes, \(asked) requests, \(violations.count) violations")
                #expect(
                    new.isEmpty,
                    """
                    violations (role METHOD path [whose ids] → status):
                    \(new.map { "\($0.key) → \($0.outcome)" }.joined(separator: "\n"))
                    """)
                #expect(
                    MatrixRoutes.knownViolations.subtracting(found).isEmpty,
                    "fixed, remove from knownViolations: \(MatrixRoutes.knownViolations.subtracting(found).sorted())")
            }
        }
    }
}
