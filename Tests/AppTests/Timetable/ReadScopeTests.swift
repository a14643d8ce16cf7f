import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// Every role reads the same scope of rooms, weeks and hours whatever the path (issue 19, item 8). Built on the
    /// timetable's world (`TimetableTests.setUp`): teacher1 and centre1 at «Школа-центр № 2», school1 at «Школа № 1»,
    /// another centre «Школа-центр № 5» with «Лаборатория».
    @Suite struct ReadScopeTests {
        static func week(_ org: UUID) -> String { "/timetable/centers/\(org.uuidString.lowercased())" }

        @Test func aCentresRoomsAndTheirWeekAreReadByItsOwnPeopleAndTheMunicipality() async throws {
            try await withApp { app in
                // setup
                let net = try await TimetableTests.setUp(app)
                let other = try await orgID(app, "Школа-центр № 5")
                let school = try await orgID(app, "Школа № 1")
                let lab = try #require(try await Room.query(on: app.db).filter(\.$name == "Лаборатория").first())
                let own = try #require(try await Room.query(on: app.db).filter(\.$name == "Кабинет № 21").first())
                // act and check: (user, own centre's week, another centre's week, the school's week)
                let expected: [(String, HTTPStatus, HTTPStatus, HTTPStatus)] = [
                    ("teacher1", .ok, .forbidden, .forbidden), ("centre1", .ok, .forbidden, .forbidden),
                    ("school1", .forbidden, .forbidden, .ok), ("kmc", .ok, .ok, .ok), ("metod", .ok, .ok, .ok),
                    ("student1", .forbidden, .forbidden, .forbidden), ("parent1", .forbidden, .forbidden, .forbidden),
                ]
                for (user, center, otherCenter, ownSchool) in expected {
                    var browser = Browser(app)
                    _ = try await browser.login(user, password: World.password)
                    #expect(try await browser.get(Self.week(net.center)).status == center, "\(user)")
                    #expect(try await browser.get(Self.week(other)).status == otherCenter, "\(user)")
                    #expect(try await browser.get(Self.week(school)).status == ownSchool, "\(user)")
                }
                // A teacher reads their centre's rooms, not another centre's: on the pages and through the API.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/rooms/\(own.id!.uuidString.lowercased())").status == .ok)
                #expect(try await teacher.get("/rooms/\(lab.id!.uuidString.lowercased())").status == .forbidden)
                let list = try await teacher.get("/rooms").body.string
                #expect(list.contains("Кабинет № 21") && !list.contains("Лаборатория"))
                let token = try await apiToken(app, "teacher1", password: World.password)
                var client = Browser(app)
                let rooms = try await client.send(
                    .GET, "/api/v1/rooms", headers: ["Authorization": "Bearer \(token)"])
                #expect(rooms.status == .ok)
                #expect(rooms.body.string.contains("Кабинет № 21") && !rooms.body.string.contains("Лаборатория"))
                let foreign = try await client.send(
                    .GET, "/api/v1/rooms/\(lab.id!.uuidString.lowercased())",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(foreign.status == .forbidden)
            }
        }

        @Test func teachersHoursAreNoPageForStudentsAndGuardians() async throws {
            try await withApp { app in
                _ = try await TimetableTests.setUp(app)
                for (user, status) in [
                    ("student1", HTTPStatus.forbidden), ("parent1", .forbidden), ("teacher1", .ok), ("centre1", .ok),
                    ("school1", .ok), ("kmc", .ok), ("metod", .ok),
                ] {
                    var browser = Browser(app)
                    _ = try await browser.login(user, password: World.password)
                    let page = try await browser.get("/hours")
                    #expect(page.status == status, "\(user)")
                    #expect(
                        page.body.string.contains("Проведённых занятий в журнале пока нет") == (status == .ok),
                        "\(user)")
                }
            }
        }

        @Test func aStudentsWeekIsReadByTheirOwnAndTheirSchoolNotByTheCentre() async throws {
            try await withApp { app in
                let net = try await TimetableTests.setUp(app)
                let path = "/timetable/students/\(net.student1.uuidString.lowercased())"
                for (user, status) in [
                    ("student1", HTTPStatus.ok), ("parent1", .ok), ("school1", .ok), ("kmc", .ok),
                    ("teacher1", .forbidden), ("centre1", .forbidden), ("metod", .forbidden),
                ] {
                    var browser = Browser(app)
                    _ = try await browser.login(user, password: World.password)
                    #expect(try await browser.get(path).status == status, "\(user)")
                }
            }
        }
    }
}
