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
                let stale = Set(MatrixRoutes.publicRoutes.keys).union(MatrixRoutes.sharedReads.keys)
                    .union(MatrixRoutes.sharedWrites.keys).subtracting(names)
                #expect(stale.isEmpty, "allow-listed routes that no longer exist: \(stale.sorted())")
                let fixture = try await MatrixFixture.make(app)
                var clients: [MatrixRole: MatrixClient] = [:]
                for role in MatrixRole.allCases { clients[role] = try await MatrixClient.signIn(app, role) }
                try await Self.checkControls(fixture, &clients)
                let unreached = try await Self.unreached(routes, fixture, &clients)
                #expect(unreached == [], "reads no own user is answered by with the own ids: check what they take")
                var run = MatrixRun(app: app, fixture: fixture, clients: clients)
                try await run.start()
                // act: the reads, then the digest once; each write with a digest after it
                try await run.ask(routes.filter { !$0.isWrite })
                let afterReads = try await MatrixDigest.read(app, statement: run.statement)
                let changedByReads = afterReads.changed(from: run.digest)
                #expect(changedByReads.isEmpty, "reads changed these tables")
                run.digest = afterReads
                try await run.ask(routes.filter(\.isWrite))
                // check
                let violations = run.violations.sorted()
                let new = violations.filter { !MatrixRoutes.knownViolations.contains($0.key) }
                let newCount = new.count
                let fixed = MatrixRoutes.knownViolations.subtracting(violations.map(\.key)).sorted()
                print(
                    "Authorisation matrix: \(routes.count) routes, \(run.asked) requests "
                        + MatrixProbe.allCases.map { "\($0.rawValue) \(run.askedByProbe[$0] ?? 0)" }.joined(
                            separator: ", ")
                        + ", \(violations.count) violations"
                )
                #expect(
                    newCount == 0,
                    """
                    violations (role METHOD path [whose ids] → status):
                    \(new.map { "\($0.key) → \($0.outcome)" }.joined(separator: "\n"))
                    """)
                #expect(fixed == [], "no longer happen: remove them from MatrixRoutes.knownViolations")
            }
        }
    }
}
