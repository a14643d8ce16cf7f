import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// The groups list's rows as one statement reads them (`GroupRowsSQL`): each group's programme, centre, year,
    /// teacher, seats and waiting list, in the list's order, and the API's waiting counts from the same place.
    @Suite struct GroupListRowsTests {
        /// The table row of `/groups` that links to `group`.
        static func row(_ page: String, _ group: StudyGroup) throws -> String {
            let link = "/groups/\(try group.requireID().uuidString.lowercased())\""
            let rows = page.components(separatedBy: "<tr").filter { $0.contains(link) }
            return try #require(rows.count == 1 ? rows[0] : nil)
        }

        @Test func eachRowShowsItsGroupsFacts() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let centre = try #require(try await Organization.find(cast.center, on: app.db))
                let program = try await world.program(at: cast.center, "Робототехника")
                let full = try await world.group(of: program, "Робо-1", capacity: 1)
                let teacher = try await world.staff("Ёжикова", "Анна", "Петровна", at: [cast.center])
                try await world.staffGroup(full, teacher: teacher, room: nil)
                try await world.enroll(try await world.students(at: cast.school, count: 3), in: full)
                let open = try await world.group(of: program, "Робо-2", capacity: 5)

                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get("/groups?organization=\(cast.center.uuidString.lowercased())&sort=name")
                    .body.string
                let first = try Self.row(page, full)
                for fact in [
                    "Робо-1", "Робототехника", centre.shortName, world.year.title, "Ёжикова Анна Петровна",
                    "1 из 1: мест нет", ">2<",
                ] {
                    #expect(first.contains(fact), "«\(fact)» in the row of Робо-1")
                }
                let second = try Self.row(page, open)
                #expect(second.contains("0 из 5"))
                #expect(second.contains(">0<"))
                #expect(!second.contains("Ёжикова"))
                // Sorted by name: Робо-1 before Робо-2.
                let firstAt = try #require(page.range(of: "Робо-1")).lowerBound
                let secondAt = try #require(page.range(of: "Робо-2")).lowerBound
                #expect(firstAt < secondAt)

                let token = try await apiToken(app, "kmc", password: World.password)
                let api = try await app.sendRequest(
                    .GET, "/api/v1/groups/\(try full.requireID().uuidString.lowercased())",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(api.status == .ok)
                #expect(try api.content.decode(GroupAPIController.GroupDTO.self).waitingCount == 2)
            }
        }

        /// The card lists the seated student and the waiting ones in their order, with positions; a school's
        /// administrator sees only the school's own students and how many others there are.
        @Test func theCardListsPlacesAsThePolicyAllows() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .school1])
                let program = try await world.program(at: cast.center, "Робототехника")
                let group = try await world.group(of: program, "Робо-1", capacity: 1)
                let other = try await world.school("Школа № 7")
                try await world.enroll(try await world.students(at: other, count: 1), in: group)
                try await world.enroll(try await world.students(at: cast.school, count: 2, from: 1), in: group)
                let path = "/groups/\(try group.requireID().uuidString.lowercased())"

                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let card = try await kmc.get(path).body.string
                let names = ["Учеников0 Тест", "Учеников1 Тест", "Учеников2 Тест"]
                let at = try names.map { try #require(card.range(of: $0), "\($0) on the card").lowerBound }
                #expect(at[0] < at[1] && at[1] < at[2])
                #expect(card.contains("Школа № 7"))

                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let own = try await school.get(path).body.string
                #expect(!own.contains("Учеников0 Тест"))
                #expect(own.contains("Учеников1 Тест") && own.contains("Учеников2 Тест"))
                #expect(own.contains("ещё 1 — из других школ"))
            }
        }
    }
}
