import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// The OpenAPI document against the application: every `/api/v1` route described and every description routed,
    /// the lists' declared query parameters the ones `APIQueryCheck` lets through, the document and `/api` served.
    @Suite struct APIDocsTests {
        /// `METHOD /path` of the API's routes, parameters in braces (`/groups/{id}`).
        static func routed(_ app: Application) -> Set<String> {
            Set(
                app.routes.all.compactMap { route -> String? in
                    let parts = route.path.map { component -> String in
                        switch component {
                        case .constant(let text): text
                        case .parameter(let name): "{\(name)}"
                        case .anything: "*"
                        case .catchall: "**"
                        }
                    }
                    guard parts.count > 2, parts[0] == "api", parts[1] == "v1" else { return nil }
                    return route.method.rawValue + " /" + parts.dropFirst(2).joined(separator: "/")
                })
        }

        @Test func everyAPIRouteIsDescribedAndEveryDescriptionIsRouted() async throws {
            try await withApp { app in
                let routed = Self.routed(app)
                let described = APIDocsArea.operations.map { $0.method.rawValue + " " + $0.path }
                #expect(routed.count > 30)
                #expect(routed.subtracting(described).sorted() == [], "routes without a description")
                #expect(Set(described).subtracting(routed).sorted() == [], "descriptions without a route")
                #expect(described.count == Set(described).count, "an operation described twice")
                let ids = APIDocsArea.operations.map(\.id)
                #expect(ids.count == Set(ids).count, "an operationId used twice")
            }
        }

        @Test func theDocumentIsServedPubliclyAndCacheable() async throws {
            try await withApp { app in
                let res = try await Browser(app).getting("/api/openapi.json")
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                #expect(res.headers.first(name: .cacheControl)?.contains("public") == true)
                let document = try AnyJSON.parse(res.body.string)
                #expect(document["openapi"] == .string("3.1.0"))
                #expect(
                    document["paths"]?["/groups/{id}/enrollments"]?["post"]?["security"]
                        == .array([.object(["bearer": .array([])])]))
                #expect(document["paths"]?["/auth/token"]?["post"]?["responses"]?["429"] != nil)
                #expect(document["components"]?["securitySchemes"]?["bearer"]?["scheme"] == .string("bearer"))
                // Every `$ref` resolves.
                let text = res.body.string
                var rest = text[...]
                while let range = rest.range(of: "\"#/components/") {
                    let tail = rest[range.upperBound...]
                    let end = try #require(tail.firstIndex(of: "\""))
                    let parts = tail[..<end].split(separator: "/").map(String.init)
                    #expect(document["components"]?[parts[0]]?[parts[1]] != nil, "\(parts)")
                    rest = tail[end...]
                }
            }
        }

        @Test func theListsTakeExactlyTheParametersTheyDeclare() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let fixture = try await world.apiFixture()
                let token = try await directToken(app, username: "kmc")
                var browser = Browser(app)
                for operation in APIDocsArea.operations {
                    guard let list = operation.list else { continue }
                    let names = list.parameters.map(\.name)
                    let group = names.contains("group") ? "&group=\(try #require(fixture.ids["group"]))" : ""
                    // A list under a record (`/olympiad-stages/{id}/results`) is asked of the fixture's record.
                    let area = String(operation.path.split(separator: "/")[0])
                    let path = operation.path.replacingOccurrences(
                        of: "{id}", with: fixture.ids[area]?.uuidString ?? "{id}")
                    let res = try await browser.send(
                        .GET, "/api/v1\(path)?zz-probe=1&sort=zz-probe\(group)",
                        headers: ["Authorization": "Bearer \(token)"])
                    #expect(res.status == .badRequest, "\(operation.path)")
                    let fields = try #require(try AnyJSON.parse(res.body.string)["fields"], "\(operation.path)")
                    #expect(
                        fields["zz-probe"] == .string(PlatformWords.Decoding.unknownParameter(accepted: names)),
                        "\(operation.path)")
                    #expect(fields["sort"] == .string(RegistryWords.allowedValues(list.sorts)), "\(operation.path)")
                }
            }
        }

        @Test func thePageListsEveryOperation() async throws {
            try await withApp { app in
                let res = try await Browser(app).getting("/api")
                #expect(res.status == .ok)
                let page = res.body.string
                #expect(page.contains("href=\"/api/openapi.json\""))
                for operation in APIDocsArea.operations {
                    #expect(page.contains(operation.method.rawValue + " /api/v1" + operation.path), "\(operation.path)")
                }
            }
        }
    }
}
