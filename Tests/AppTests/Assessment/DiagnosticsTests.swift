import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    @Suite struct DiagnosticsTests {
        @Test func aCenterDefinesAWorkRecordsScoresAndSeesTheDistribution() async throws {
            try await withApp { app in
                let g = try await TimetableTests.group(app, "Математика-11")
                let base = "/groups/\(g.id!.uuidString.lowercased())/diagnostics"
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get(base + "/new")
                let bad = try await head.post(base + "/new", ["title": "", "day": "01.01.2020", "max": "0"])
                #expect(
                    bad.status == .unprocessableEntity && bad.body.string.contains("Дата вне сроков группы")
                        && bad.body.string.contains("Число от 1 до 1000."))
                let made = try await head.post(
                    base + "/new", ["title": "Промежуточный срез", "day": "15.10.2026", "max": "10"])
                #expect(made.status == .seeOther)
                let url = try #require(made.headers.first(name: .location))
                let students = try await JournalService.groupSummary(g, on: app.db).students
                #expect(students.count >= 2)
                _ = try await head.get(url)
                var form: [String: String] = [:]
                for (i, s) in students.enumerated() { form["s-" + s.id!.uuidString.lowercased()] = String(i % 11) }
                form["version"] = "1"
                var tooMuch = form
                tooMuch["s-" + students[0].id!.uuidString.lowercased()] = "11"
                #expect(try await head.post(url, tooMuch).status == .unprocessableEntity)
                #expect(try await head.post(url, form).status == .seeOther)
                let w = try #require(
                    try await DiagnosticWork.query(on: app.db).filter(\.$title == "Промежуточный срез").first())
                #expect(
                    try await DiagnosticScore.query(on: app.db).filter(\.$work.$id == w.id!).count() == students.count)
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
                _ = try await metod.login("metod")
                let masked = try await metod.get(url).body.string
                #expect(!masked.contains(students[0].fullName))
                // Each child by their registry number, as the import and the form gave it.
                for s in students {
                    let number = try #require(s.registryNumber)
                    #expect(masked.contains(StudentLabel.masked(number) + "<"))
                }
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(try await school.get(base).status == .forbidden)
                #expect(try await school.get(url).status == .forbidden)
            }
        }
    }
}
