import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.AuthorizationMatrixTests {
    /// A new route with a known parameter joins the matrix by itself; one with a parameter the matrix does not know is
    /// named, so it cannot slip through unasked.
    @Test func aNewRouteIsAskedOrNamed() async throws {
        try await withApp { app in
            // setup: two routes no area has
            app.get("groups", ":id", "secret") { _ in "секрет" }
            app.post("widgets", ":widget", "remove") { _ in "удалено" }
            // act
            let (routes, unknown) = Self.routes(app)
            // check
            let secret = try #require(routes.first { $0.name == "GET /groups/:id/secret" })
            var side = MatrixSide()
            let group = UUID()
            side.ids[.group] = group
            #expect(try Self.path(secret, .foreign, side) == "/groups/\(group.uuidString.lowercased())/secret")
            #expect(unknown == ["POST /widgets/:widget/remove: widgets/:widget"])
        }
    }
}
