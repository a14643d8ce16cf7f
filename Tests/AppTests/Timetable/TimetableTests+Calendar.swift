import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.TimetableTests {
    @Test func aGroupsCalendarIsNamedForTheCourseAndTheGroup() async throws {
        try await withApp { app in
            let m10 = try await Self.setUp(app).m10
            var kmc = Browser(app)
            _ = try await kmc.login("kmc", password: World.password)
            let query = "kind=group&id=\(m10.id!.uuidString.lowercased())"
            _ = try await kmc.get("/timetable/feeds/new?" + query)
            let body = try await kmc.post("/timetable/feeds?" + query).body.string
            let range = try #require(body.range(of: "/ical/"))
            let url = String(body[range.lowerBound...].prefix { $0 != "<" })
            var anonymous = Browser(app)
            let ics = try await anonymous.get(url).body.string.replacingOccurrences(of: "\r\n ", with: "")
            // A comma in an iCal text value is escaped (RFC 5545 §3.3.11).
            #expect(ics.contains("X-WR-CALNAME:Сетка — Олимпиадная математика\\, Математика-10\r\n"))
        }
    }
}
