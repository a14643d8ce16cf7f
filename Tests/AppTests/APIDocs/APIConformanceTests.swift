import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Every described GET answered on a small world with a token: the answer's fields and their types are the ones
    /// the document declares for its status (`SchemaCheck`), and each list has something in it to check.
    @Suite struct APIConformanceTests {
        @Test func everyGETAnswersWhatItsSchemaSays() async throws {
            try await withApp { app in
                // setup
                let world = try await World.make(app)
                let fixture = try await world.apiFixture()
                let token = try await directToken(app, username: "kmc")
                let served = try await Browser(app).getting("/api/openapi.json")
                let check = SchemaCheck(document: try AnyJSON.parse(served.body.string))
                var browser = Browser(app)
                var checked = 0
                for operation in APIDocsArea.operations where operation.method == .GET {
                    // act
                    var path = "/api/v1" + operation.path
                    if operation.path.contains("{id}") {
                        let area = String(operation.path.split(separator: "/")[0])
                        path = path.replacingOccurrences(
                            of: "{id}", with: try #require(fixture.ids[area], "no record for \(area)").uuidString)
                    } else if operation.id == "verifyCertificate" {
                        path += "?number=\(fixture.certificateNumber)&code=\(fixture.certificateCode)"
                            .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                    } else if operation.list?.parameters.contains(where: { $0.name == "group" }) == true,
                        operation.id != "listEnrollments"
                    {
                        path += "?group=\(try #require(fixture.ids["group"]))"
                    }
                    let res = try await browser.send(.GET, path, headers: ["Authorization": "Bearer \(token)"])
                    // check
                    #expect(res.status == .ok, "\(path): \(res.body.string)")
                    let schema = try #require(
                        check.document["paths"]?[operation.path]?["get"]?["responses"]?["200"]?["content"]?[
                            "application/json"]?["schema"], "\(operation.id)")
                    let answer = try AnyJSON.parse(res.body.string)
                    #expect(check.problems(answer, schema) == [], "\(path)")
                    if operation.list != nil {
                        #expect(answer["items"]?.arrayValue?.isEmpty == false, "\(path): nothing to check")
                    }
                    checked += 1
                }
                #expect(checked == APIDocsArea.operations.filter { $0.method == .GET }.count)
            }
        }

        @Test func theCheckerRefusesWhatTheSchemaDoesNotSay() throws {
            let document = try AnyJSON.parse(
                #"{"components": {"schemas": {"X": {"type": "object", "additionalProperties": false, "#
                    + #""required": ["id"], "properties": {"id": {"type": "string", "format": "uuid"}, "#
                    + #""n": {"type": "integer"}}}}}}"#)
            let check = SchemaCheck(document: document)
            let schema = AnyJSON.object(["$ref": .string("#/components/schemas/X")])
            #expect(
                check.problems(try AnyJSON.parse(#"{"id": "6F9619FF-8B86-D011-B42D-00CF4FC964FF", "n": 2}"#), schema)
                    == [])
            #expect(check.problems(try AnyJSON.parse(#"{"n": 2}"#), schema) == ["$.id: required, missing"])
            #expect(check.problems(try AnyJSON.parse(#"{"id": "x", "n": 2}"#), schema) == ["$.id: «x» is not a uuid"])
            #expect(
                check.problems(try AnyJSON.parse(#"{"id": "6F9619FF-8B86-D011-B42D-00CF4FC964FF", "n": "2"}"#), schema)
                    == [#"$.n: string("2") is not integer"#])
            #expect(
                check.problems(try AnyJSON.parse(#"{"id": "6F9619FF-8B86-D011-B42D-00CF4FC964FF", "m": 1}"#), schema)
                    == ["$.m: not declared"])
        }
    }
}
