import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// What the API answers a request it cannot serve as asked: a parameter a list does not take, a method an address
    /// does not take, a page beyond the last, a number its field cannot hold.
    @Suite struct APIContractTests {
        /// The КМЦ's token in a world of a centre with a programme and its group.
        static func setUp(_ app: Application) async throws -> (world: World, group: StudyGroup, auth: HTTPHeaders) {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1])
            let group = try await world.group(of: try await world.program(at: cast.center))
            let token = try await apiToken(app, "kmc", password: World.password)
            return (world, group, ["Authorization": "Bearer \(token)"])
        }

        @Test func aListRefusesAParameterItDoesNotTake() async throws {
            try await withApp { app in
                let (_, _, auth) = try await Self.setUp(app)
                var browser = Browser(app)
                // setup: the enrolments list takes paging, sorting, `q` and its four filters; not `student`.
                let accepted = "page, per, sort, dir, q, school, organization, status, group"
                // act
                let unknown = try await browser.send(.GET, "/api/v1/enrollments?student=\(UUID())", headers: auth)
                // check
                #expect(unknown.status == .badRequest)
                let body = try unknown.content.decode(APITests.ErrorBody.self)
                #expect(body.error == "bad_request")
                #expect(body.reason.contains("«student»"))
                #expect(body.fields["student"] == "список не принимает такой параметр; допустимы: \(accepted)")
                // A list that does not search refuses `q`; a sort a list does not have is named with the ones it has.
                let search = try await browser.send(.GET, "/api/v1/groups?q=Группа", headers: auth)
                #expect(search.status == .badRequest)
                #expect(try search.content.decode(APITests.ErrorBody.self).fields["q"] != nil)
                let sort = try await browser.send(.GET, "/api/v1/groups?sort=capacity", headers: auth)
                #expect(sort.status == .badRequest)
                #expect(try sort.content.decode(APITests.ErrorBody.self).fields["sort"] == "допустимо: name")
                // What a list declares is still taken.
                for path in [
                    "/api/v1/enrollments?status=enrolled&page=1&per=5&sort=student&dir=desc&q=Тест",
                    "/api/v1/groups?status=active&sort=name&organization=\(UUID())", "/api/v1/resource-centers?year=",
                ] {
                    #expect(try await browser.send(.GET, path, headers: auth).status == .ok, "\(path)")
                }
                // Pages ignore what they do not read.
                _ = try await browser.login("kmc", password: World.password)
                #expect(try await browser.get("/groups?utm_source=mail").status == .ok)
            }
        }

        @Test func aMethodAnAddressDoesNotTakeAnswers405WithAllow() async throws {
            try await withApp { app in
                let (_, group, auth) = try await Self.setUp(app)
                let id = try group.requireID().uuidString.lowercased()
                var browser = Browser(app)
                for (method, path, allow) in [
                    (HTTPMethod.PUT, "/api/v1/groups", "GET, HEAD"), (.DELETE, "/api/v1/groups/\(id)", "GET, HEAD"),
                    (.PATCH, "/api/v1/groups/\(id)", "GET, HEAD"), (.PUT, "/api/v1/groups/\(id)/enrollments", "POST"),
                ] {
                    let response = try await browser.send(method, path, headers: auth)
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.headers.first(name: .allow) == allow, "\(method) \(path)")
                    let body = try response.content.decode(APITests.ErrorBody.self)
                    #expect(body.error == "method_not_allowed")
                    #expect(body.reason == "Этот адрес не принимает запрос \(method.rawValue); допустимы: \(allow).")
                }
                // A page answers with the error page and the same header.
                let page = try await browser.send(.DELETE, "/groups/\(id)")
                #expect(page.status == .methodNotAllowed)
                #expect(page.headers.contentType == .html)
                #expect(page.headers.first(name: .allow) == "GET, HEAD")
                #expect(page.body.string.contains("Этот адрес не принимает запрос DELETE"))
                // HEAD is answered from GET, and an address that is not there is still 404.
                #expect(try await browser.send(.HEAD, "/api/v1/groups", headers: auth).status == .ok)
                #expect(try await browser.send(.PUT, "/api/v1/no-such-list", headers: auth).status == .notFound)
                #expect(try await browser.send(.DELETE, "/no-such-page").headers.first(name: .allow) == nil)
            }
        }

        @Test func aPageBeyondTheLastIsEmptyWithTheTrueTotal() async throws {
            try await withApp { app in
                let (world, _, auth) = try await Self.setUp(app)
                for number in 3...13 { _ = try await world.school("Школа № \(number)") }
                var browser = Browser(app)
                // The centre, «Школа № 1» and eleven more: thirteen schools, three pages of five.
                for page in [3, 4, 1_000_000, PageRequest.maxPage] {
                    let response = try await browser.send(
                        .GET, "/api/v1/organizations?kind=school&per=5&page=\(page)", headers: auth)
                    #expect(response.status == .ok)
                    let body = try response.content.decode(APITests.OrgPage.self)
                    #expect(body.metadata.total == 13)
                    #expect(body.metadata.page == page)
                    #expect(body.metadata.per == 5)
                    #expect(body.items.count == (page == 3 ? 3 : 0))
                }
                for page in ["0", "-1", String(PageRequest.maxPage + 1)] {
                    let response = try await browser.send(
                        .GET, "/api/v1/organizations?kind=school&per=5&page=\(page)", headers: auth)
                    #expect(response.status == .badRequest, "page=\(page)")
                    #expect(
                        try response.content.decode(APITests.ErrorBody.self).fields["page"]
                            == "ожидается целое число от 1 до \(PageRequest.maxPage)")
                }
            }
        }

        @Test(arguments: [
            ("1e308", "поле «hours»: число слишком велико для этого поля."),
            ("99999999999999999999", "поле «hours»: число слишком велико для этого поля."),
            ("-1e308", "поле «hours»: число слишком мало для этого поля."),
            ("1.5", "поле «hours»: ожидается целое число."),
            ("1e400", "поле «hours»: число вне допустимого диапазона или записано неверно."),
        ])
        func aNumberItsFieldCannotHoldIsNamed(number: String, message: String) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1])
                let group = try await world.group(of: try await world.program(at: cast.center))
                let token = try await apiToken(app, "centre1", password: World.password)
                let json: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
                let path = "/api/v1/groups/\(try group.requireID())/lessons"
                var browser = Browser(app)
                // act
                let response = try await browser.send(
                    .POST, path, headers: json, raw: #"{"date": "2026-10-05", "start": "15:00", "hours": \#(number)}"#)
                // check
                #expect(response.status == .badRequest)
                let body = try response.content.decode(APITests.ErrorBody.self)
                #expect(body.fields == ["hours": message])
                #expect(body.reason == "Неверный формат данных запроса: \(message)")
                #expect(try await Lesson.query(on: app.db).count() == 0)
                // A body that is not JSON is still said to be so.
                let broken = try await browser.send(.POST, path, headers: json, raw: #"{"hours": 2"#)
                #expect(broken.status == .badRequest)
                #expect(try broken.content.decode(APITests.ErrorBody.self).reason.contains("не JSON"))
            }
        }
    }
}
