import Foundation
import Testing
import Vapor

@testable import App

/// One pass of the matrix over routes: every probe, every role of it, the answer judged and, for writes, the database
/// compared with its digest before.
struct MatrixRun {
    struct Violation: Hashable, Comparable {
        let role: MatrixRole
        let route: MatrixRoute
        let probe: MatrixProbe
        let outcome: String

        /// How the violation is printed and listed in `MatrixRoutes.knownViolations`.
        var key: String { "\(role.rawValue) \(route.name) [\(probe.rawValue)]" }
        static func < (lhs: Violation, rhs: Violation) -> Bool { lhs.key < rhs.key }
    }

    let app: Application
    let fixture: MatrixFixture
    var clients: [MatrixRole: MatrixClient]
    var statement = ""
    var digest = MatrixDigest(rows: [:])
    var violations: [Violation] = []
    var asked = 0
    var askedByProbe: [MatrixProbe: Int] = [:]

    init(app: Application, fixture: MatrixFixture, clients: [MatrixRole: MatrixClient]) {
        self.app = app
        self.fixture = fixture
        self.clients = clients
    }

    mutating func start() async throws {
        statement = try await MatrixDigest.statement(app)
        digest = try await MatrixDigest.read(app, statement: statement)
    }

    mutating func ask(_ routes: [MatrixRoute]) async throws {
        for route in routes {
            for probe in MatrixProbe.allCases {
                let side = try #require(fixture.sides[probe])
                guard let path = try AppTests.AuthorizationMatrixTests.path(route, probe, side) else { continue }
                for role in probe.roles {
                    asked += 1
                    askedByProbe[probe, default: 0] += 1
                    let (status, body) = try await clients[role]!.send(route, path: path)
                    var outcome = Self.outcome(status, body, shared: Self.isSharedRead(route, role, probe))
                    if route.isWrite {
                        let after = try await MatrixDigest.read(app, statement: statement)
                        let changed = after.changed(from: digest)
                        if !changed.isEmpty {
                            outcome = (outcome.map { $0 + ", " } ?? "") + "changed \(changed)"
                            digest = after
                        }
                    }
                    if let outcome {
                        violations.append(Violation(role: role, route: route, probe: probe, outcome: outcome))
                    }
                }
            }
        }
    }

    /// A read (or write) of another organisation's record that the policy opens by design (`MatrixRoutes.sharedReads`,
    /// `MatrixRoutes.sharedWrites`: a write's empty body is refused and the digest still must not change).
    static func isSharedRead(_ route: MatrixRoute, _ role: MatrixRole, _ probe: MatrixProbe) -> Bool {
        guard probe == .neighbour else { return false }
        let shared = route.isWrite ? MatrixRoutes.sharedWrites : MatrixRoutes.sharedReads
        return shared[route.name]?.roles.contains(role) == true
    }

    /// What is wrong with an answer, or nil: a refusal (403 or 404) is expected, except for a shared read, which may
    /// answer but never fails and never shows the other organisation's students.
    static func outcome(_ status: HTTPStatus, _ body: String, shared: Bool) -> String? {
        guard shared else { return status == .forbidden || status == .notFound ? nil : "\(status.code)" }
        if status.code >= 500 { return "\(status.code)" }
        return MatrixFixture.neighbourNames.contains(where: body.contains)
            ? "\(status.code) showing another organisation's student" : nil
    }
}
