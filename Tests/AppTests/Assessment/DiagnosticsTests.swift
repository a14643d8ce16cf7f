import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    @Suite struct DiagnosticsTests {
        /// A centre's group «Математика-11» over the academic year with three 11th-graders of «Школа № 1», and the users
        /// centre1 (the centre's head), metod (methodologist) and school1 (the students' school's administrator).
        static func setUp(_ app: Application) async throws -> (group: StudyGroup, students: [Student], year: Int) {
            let world = try await World.make(app)
            let cast = try await world.cast([.metod, .centre1, .school1])
            let (center, school) = (cast.center, cast.school)
            let group = try await world.group(of: try await world.program(at: center), "Математика-11")
            try await world.staffGroup(group, teacher: nil, room: nil)
            let ids = try await world.students(at: school, count: 3, grade: 11)
            try await world.enroll(ids, in: group, fromStart: true)
            var students: [Student] = []
            for id in ids { students.append(try #require(try await Student.find(id, on: app.db))) }
            return (group, students, world.yearDays.lowerBound.ymd.year)
        }

        @Test func aCenterDefinesAWorkRecordsScoresAndSeesTheDistribution() async throws {
            try await withApp { app in
                let (group, students, year) = try await Self.setUp(app)
                let base = "/groups/\(group.id!.uuidString.lowercased())/diagnostics"
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(base + "/new")
                let bad = try await head.post(base + "/new", ["title": "", "day": "01.01.2020", "max": "0"])
                #expect(
                    bad.status == .unprocessableEntity && bad.body.string.contains("Дата вне сроков группы")
                        && bad.body.string.contains("Число от 1 до 1000."))
                let day = try #require(CivilDay(year: year, month: 10, day: 15))
                let made = try await head.post(
                    base + "/new", ["title": "Промежуточный срез", "day": day.formatted, "max": "10"])
                #expect(made.status == .seeOther)
                let url = try #require(made.headers.first(name: .location))
                #expect(students.count == 3)
                _ = try await head.get(url)
                var form: [String: String] = [:]
                for (i, student) in students.enumerated() {
                    form["s-" + student.id!.uuidString.lowercased()] = String(i % 11)
                }
                form["version"] = "1"
                var tooMuch = form
                tooMuch["s-" + students[0].id!.uuidString.lowercased()] = "11"
                #expect(try await head.post(url, tooMuch).status == .unprocessableEntity)
                #expect(try await head.post(url, form).status == .seeOther)
                let work = try #require(
                    try await DiagnosticWork.query(on: app.db).filter(\.$title == "Промежуточный срез").first())
                let scores = try await DiagnosticScore.query(on: app.db).filter(\.$work.$id == work.id!).all()
                #expect(scores.count == students.count)
                #expect(
                    Dictionary(uniqueKeysWithValues: scores.map { ($0.$student.id, $0.score) })
                        == Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1.id!, $0 % 11) }))
                let page = try await head.get(base).body.string
                #expect(
                    page.contains("Промежуточный срез") && page.contains("<svg")
                        && page.contains("Распределение баллов"))
                // A form made before someone else's save is refused instead of wiping it.
                var stale = form
                stale["version"] = "1"
                #expect(try await head.post(url, stale).status == .conflict)
                // The methodologist reads the scores without the children's names.
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                let masked = try await metod.get(url).body.string
                #expect(!masked.contains(students[0].fullName))
                // Each child by their registry number, as the import and the form gave it.
                for student in students {
                    let number = try #require(student.registryNumber)
                    #expect(masked.contains(StudentLabel.masked(number) + "<"))
                }
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(base).status == .forbidden)
                #expect(try await school.get(url).status == .forbidden)
            }
        }
    }
}
