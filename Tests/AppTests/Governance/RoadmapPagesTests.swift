import Domain
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 1: the built-in «Точка роста» roadmaps as pages — read by those who run the municipality, its
    /// centres' heads and schools' administrations, not by teachers, students or guardians; deadlines as days of the
    /// chosen year.
    @Suite struct RoadmapPagesTests {
        @Test func theRoadmapsReadAsTemplatesWithTheirDeadlinesInTheChosenYear() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.kmc, .metod, .centre1, .school1, .teacher1, .student1, .parent1])
                for login in ["kmc", "metod", "centre1", "school1"] {
                    var user = Browser(app)
                    _ = try await user.login(login, password: World.password)
                    let list = try await user.get("/roadmaps")
                    #expect(list.status == .ok, "\(login)")
                    #expect(list.body.string.contains(RoadmapTemplate.firstYear.title))
                    #expect(list.body.string.contains("href=\"/roadmaps\""), "\(login): the menu names it")
                }
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year
                let page = try await kmc.get("/roadmaps/tochka-rosta-1?year=\(year + 1)").body.string
                #expect(page.contains("Издание приказа о создании Центра"))
                #expect(page.contains("31.05.\(year + 1)"))
                #expect(page.contains("05.04.\(year + 1), 05.07.\(year + 1), 05.10.\(year + 1), 05.01.\(year + 2)"))
                #expect(page.contains("по отдельному графику") && page.contains("дата уточняется"))
                let second = try await kmc.get("/roadmaps/tochka-rosta-2").body.string
                #expect(second.contains("Разработка целевой модели наставничества"))
                #expect(second.contains("15.02.\(year)"))
                let bad = try await kmc.get("/roadmaps/tochka-rosta-1?year=1999")
                #expect(
                    bad.status == .badRequest && bad.body.string.contains("Укажите год с \(year - 1) по \(year + 2)."))
                #expect(try await kmc.get("/roadmaps/unknown").status == .notFound)
                // An empty year is this year's.
                #expect(try await kmc.get("/roadmaps/tochka-rosta-2?year=").body.string.contains("15.02.\(year)"))
                for login in ["teacher1", "student1", "parent1"] {
                    var user = Browser(app)
                    _ = try await user.login(login, password: World.password)
                    #expect(try await user.get("/roadmaps").status == .forbidden)
                    #expect(try await user.get("/roadmaps/tochka-rosta-1").status == .forbidden)
                }
                // The API: the same templates and days; a teacher's token reads nothing.
                let token = try await directToken(app, username: "kmc")
                var api = Browser(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let listed = try await api.send(.GET, "/api/v1/roadmap-templates", headers: auth).body.string
                #expect(listed.contains("\"total\":2") && listed.contains("tochka-rosta-2"))
                let detail = try await api.send(
                    .GET, "/api/v1/roadmap-templates/tochka-rosta-1?year=\(year + 1)", headers: auth)
                #expect(detail.status == .ok)
                #expect(detail.body.string.contains("\"centerDays\":[\"\(year + 1)-05-31\"]"))
                #expect(detail.body.string.contains("\"\(year + 2)-01-05\""))
                let wrongYear = try await api.send(
                    .GET, "/api/v1/roadmap-templates/tochka-rosta-1?year=abc", headers: auth)
                #expect(
                    wrongYear.status == .badRequest
                        && wrongYear.body.string.contains("Укажите год с \(year - 1) по \(year + 2)."))
                let teacher = try await directToken(app, username: "teacher1")
                let refused = try await api.send(
                    .GET, "/api/v1/roadmap-templates", headers: ["Authorization": "Bearer \(teacher)"])
                #expect(refused.status == .forbidden)
                var anonymous = Browser(app)
                #expect(try await anonymous.get("/roadmaps").status != .ok)
            }
        }
    }
}
