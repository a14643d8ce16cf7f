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
