import Domain
import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// `setka generate` (`NetworkGenerator`): the same seed gives the same network, another seed another; a database
    /// with data is refused untouched; the tiny network doubles in shape; the app serves its pages from it.
    @Suite struct GeneratorTests {
        @Test func theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() async throws {
            var first: [String: [String]] = [:]
            var again: [String: [String]] = [:]
            var other: [String: [String]] = [:]
            try await withApp { app in
                try await GeneratedNetwork.generate(app, seed: 7)
                first = try await GeneratedNetwork.digest(app)
            }
            try await withApp { app in
                try await GeneratedNetwork.generate(app, seed: 7)
                again = try await GeneratedNetwork.digest(app)
            }
            try await withApp { app in
                try await GeneratedNetwork.generate(app, seed: 8)
                other = try await GeneratedNetwork.digest(app)
            }
            for (table, _) in GeneratedNetwork.digested {
                #expect(!(first[table] ?? []).isEmpty, "\(table) is empty")
                #expect(first[table] == again[table], "\(table) differs for the same seed")
            }
            #expect(first["students"] != other["students"])
            #expect(first["attendance_marks"] != other["attendance_marks"])
        }

        @Test func aDatabaseWithDataIsRefusedAndLeftAsItWas() async throws {
            try await withApp(demo: true) { app in
                let students = try await Student.query(on: app.db).count()
                let users = try await User.query(on: app.db).count()
                let groups = try await StudyGroup.query(on: app.db).count()
                await #expect(throws: NetworkGenerator.Refusal.self) { try await GeneratedNetwork.generate(app) }
                let refusal = NetworkGenerator.Refusal.notEmpty.description
                #expect(refusal.contains("уже есть данные") && refusal.contains("Ничего не изменено"))
                #expect(try await Student.query(on: app.db).count() == students)
                #expect(try await User.query(on: app.db).count() == users)
                #expect(try await StudyGroup.query(on: app.db).count() == groups)
                #expect(try await Municipality.query(on: app.db).count() == 1)
            }
        }

        @Test func theScalesAreTheIssuesTownAndRegion() {
            #expect(NetworkScale.town.schools == 15 && NetworkScale.town.students == 6_000)
            let region = NetworkScale.region
            #expect(region.municipalities == 30 && region.schools == 600 && region.centres == 60)
            #expect((195_000...205_000).contains(region.students) && (4_900...5_100).contains(region.groups))
            for scale in [NetworkScale.town, .region, .tiny, .tiny.scaled(by: 2)] { #expect(scale.problem == nil) }
            var overfull = NetworkScale.tiny
            overfull.enrolledPerGroup = overfull.groupCapacity + 1
            #expect(overfull.problem != nil)
        }

        @Test func twiceTheScaleIsTheSameShapeWithTwiceTheRows() async throws {
            let small = NetworkScale.tiny
            let big = small.scaled(by: 2)
            #expect(big.municipalities == small.municipalities && big.centres == small.centres)
            #expect(big.schools == 2 * small.schools && big.groups == 2 * small.groups)
            try await withApp { app in
                let summary = try await GeneratedNetwork.generate(app, scale: big)
                #expect(summary.groups == 2 * small.groups)
                #expect(try await StudyGroup.query(on: app.db).count() == 2 * small.groups)
                #expect(try await Organization.query(on: app.db).filter(\.$kind == "school").count() == big.schools)
                #expect(try await Student.query(on: app.db).count() == big.students)
            }
        }

        @Test func theAppServesItsPagesFromTheGeneratedNetwork() async throws {
            try await withApp { app in
                try await GeneratedNetwork.generate(app)
                let account = try #require(try await User.query(on: app.db).filter(\.$username == "student1").first())
                let student = try #require(
                    try await Student.query(on: app.db).filter(\.$user.$id == account.requireID()).first())
                let enrollment = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == student.requireID()).first())
                let group = try #require(try await StudyGroup.find(enrollment.$group.id, on: app.db))
                let teacher = try #require(try await StaffMember.find(group.$teacher.id, on: app.db))
                #expect(
                    teacher.$user.id == (try await User.query(on: app.db).filter(\.$username == "teacher1").first())?.id
                )

                var kmc = Browser(app)
                #expect(try await kmc.login("kmc").status == .seeOther)
                let start = try await kmc.get("/")
                #expect(start.status == .ok)
                let coordinator = try #require(try await User.query(on: app.db).filter(\.$username == "kmc").first())
                let given = coordinator.fullName.split(separator: " ")[1]
                #expect(start.body.string.contains("Здравствуйте, \(given)!"))
                let groups = try await kmc.get(SiteURL.list(.groups).path)
                #expect(groups.status == .ok)
                #expect(groups.body.string.contains(group.name))
                let page = try await kmc.get(SiteURL.record(.groups, try group.requireID()).path)
                #expect(page.status == .ok)
                #expect(page.body.string.contains(group.name))
                let register = try await kmc.get(SiteURL.groupJournal(try group.requireID()).path)
                #expect(register.status == .ok)
                #expect(register.body.string.contains(student.surname))
                let card = try await kmc.get(SiteURL.record(.students, try student.requireID()).path)
                #expect(card.status == .ok)
                #expect(card.body.string.contains(student.surname))
                #expect(card.body.string.contains(group.name))

                var teacher1 = Browser(app)
                #expect(try await teacher1.login("teacher1").status == .seeOther)
                #expect(try await teacher1.get(SiteURL.groupJournal(try group.requireID()).path).status == .ok)
            }
        }
    }
}
