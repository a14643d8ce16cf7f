import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct CoveragePageTests {
        @Test func coverageShowsNumeratorsDenominatorsAndTheirSource() async throws {
            try await withApp { app in
                // setup: «Школа № 1» entered its headcount of seniors (30 + 28), «Школа № 3» did not; three of the
                // first school's six seniors study in this year's network groups (one of them in two), one more only
                // waits for a place.
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .school1])
                let (center, school) = (cast.center, cast.school)
                let other = try await world.school("Школа № 3")
                try await world.headcount(of: school, [10: 30, 11: 28])
                let tenth = try await world.students(at: school, count: 4, grade: 10)
                let eleventh = try await world.students(at: school, count: 2, grade: 11, from: 4)
                _ = try await world.students(at: other, count: 3, grade: 10, from: 6)
                let year = world.year
                let first = try await world.group(at: center, "Математика-10", year: year, teacher: nil)
                let second = try await world.group(
                    at: center, "Химия-10", program: "Химия в задачах", year: year, teacher: nil)
                try await world.enroll([tenth[0], tenth[1], eleventh[0]], in: first, fromStart: true)
                try await world.enroll([tenth[0]], in: second, fromStart: true)
                let waiting = Enrollment()
                waiting.$student.id = tenth[2]
                waiting.$group.id = try second.requireID()
                waiting.status = EnrollmentStatus.waitlisted.rawValue
                waiting.waitlistSeq = 1
                waiting.createdAt = Date()
                waiting.updatedAt = Date()
                try await waiting.create(on: app.db)

                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get("/coverage")
                #expect(page.status == .ok)
                let html = page.body.string
                #expect(html.contains("Муниципалитет в целом"))
                // Some schools entered their headcount and some did not: the municipality's denominator says it is
                // mixed.
                #expect(html.contains("отчёты школ и реестр"))
                #expect(html.contains("отчёт школы") && html.contains("реестр (численность не введена)"))
                // «Школа № 1»: the three seniors enrolled out of the 58 of its headcount; «Школа № 3»: none of its three
                // registered.
                #expect(html.contains("3 из 58"))
                #expect(html.contains("0 из 3"))

                // The school enters its headcount; a bad number is refused next to the field.
                var admin = Browser(app)
                _ = try await admin.login("school1", password: World.password)
                let own = try await admin.get("/coverage").body.string
                #expect(own.contains("Школа № 1") && !own.contains("Школа № 3"))
                _ = try await admin.get("/coverage/headcount/\(school.uuidString.lowercased())")
                let bad = try await admin.post("/coverage/headcount/\(school.uuidString.lowercased())", ["g10": "-3"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Число от 0 до 5000."))
                #expect(
                    try await admin.post(
                        "/coverage/headcount/\(school.uuidString.lowercased())", ["g10": "40", "g11": "40"]
                    ).status == .seeOther)
                #expect(try await admin.get("/coverage").body.string.contains("3 из 80"))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "headcount").count() == 1)
                // Another school's headcount is not the school's to change.
                #expect(try await admin.get("/coverage/headcount/\(other.uuidString.lowercased())").status == .notFound)
            }
        }
    }
}
