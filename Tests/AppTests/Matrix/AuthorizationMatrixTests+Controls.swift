import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.AuthorizationMatrixTests {
    /// The refusals mean something only if the same users use their own records: each role reads one of its own
    /// (a page through the session, the API with the token), and a form posted with the session's CSRF token reaches
    /// its handler.
    static func checkControls(_ fixture: MatrixFixture, _ clients: inout [MatrixRole: MatrixClient]) async throws {
        let own = fixture.own
        func path(_ template: String, _ entity: MatrixEntity) throws -> String {
            template.replacingOccurrences(of: "{}", with: try own.id(entity).uuidString.lowercased())
        }
        let reads: [(MatrixRole, String)] = [
            (.admin, try path("/users/{}", .user)),
            (.coordinator, try path("/api/v1/groups/{}", .group)),
            (.methodologist, try path("/orders/{}", .order)),
            (.centerHead, try path("/lessons/{}", .lesson)),
            (.teacher, try path("/groups/{}/register", .group)),
            (.schoolAdmin, try path("/students/{}", .student)),
            (.student, try path("/timetable/students/{}", .student)),
            (.guardian, try path("/applications/{}", .application)),
        ]
        for (role, path) in reads {
            let route = MatrixRoute(method: .GET, components: path.pathComponents)
            #expect(try await clients[role]!.send(route, path: path).status == .ok, "\(role) reads \(path)")
        }
        // A form without its fields: refused by validation (422), so the CSRF token and the access check passed.
        let edit = try path("/groups/{}/edit", .group)
        let status = try await clients[.centerHead]!.send(
            MatrixRoute(method: .POST, components: edit.pathComponents), path: edit
        ).status
        #expect(status == .unprocessableEntity, "the centre's head posts the own group's form: \(status)")
    }
}

extension AppTests.AuthorizationMatrixTests {
    /// Reads that no user of the own side gets an answer from with the own side's ids: a route's parameter naming the
    /// wrong kind of record would be refused for everyone, and its refusals in the matrix would prove nothing. Every
    /// read must get past its record's lookup and access check for someone (any answer but 403, 404 and 5xx: a 409 for
    /// a state the fixture's record is not in counts); the roles ask in turn until one does.
    static func unreached(
        _ routes: [MatrixRoute], _ fixture: MatrixFixture, _ clients: inout [MatrixRole: MatrixClient]
    )
        async throws -> [String]
    {
        var unreached: [String] = []
        for route in routes where !route.isWrite {
            let path = try #require(try Self.path(route, .foreign, fixture.own))
            var answers: [String] = []
            for role in MatrixRole.allCases {
                let status = try await clients[role]!.send(route, path: path).status
                if status.code < 500, status != .forbidden, status != .notFound {
                    answers = []
                    break
                }
                answers.append("\(role.rawValue) \(status.code)")
            }
            if !answers.isEmpty { unreached.append("\(route.name): \(answers.joined(separator: ", "))") }
        }
        return unreached
    }
}
