import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 7: a guardian's consent to publication puts a child's wins on «Наши победители»; withdrawn, the
    /// child leaves it at once; without the consent to processing nothing is ever published.
    @Suite struct PublicationTests {
        @Test func theConsentPutsAChildOnThePublicPageAndItsWithdrawalTakesThemOff() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let child = s.own[0]
                _ = try await s.world.guardian(of: child, account: "mother")
                try await s.world.achievement(of: child, in: s.stage, subject: s.physics, result: .winner)
                try await s.world.achievement(of: s.own[1], in: s.stage, subject: s.physics, result: .participant)
                // A child without the consent to processing is never published, whatever else is recorded.
                try await s.world.achievement(of: s.withoutConsent, in: s.stage, subject: s.physics, result: .winner)
                let unconsented = try #require(try await Student.find(s.withoutConsent, on: app.db))
                unconsented.publicationConsentOn = Date()
                unconsented.publicationConsentBy = "мать"
                try await unconsented.save(on: app.db)
                var visitor = Browser(app)
                #expect(try await visitor.get("/winners").body.string.contains("Найдено 0 результатов"))
                var mother = Browser(app)
                _ = try await mother.login("mother", password: World.password)
                let path = "/children/\(child.uuidString.lowercased())/publication"
                #expect(try await mother.get("/children").body.string.contains(path))
                #expect(try await mother.get(path).body.string.contains("Наши победители"))
                #expect(try await mother.post(path).status == .seeOther)
                let shown = try await visitor.get("/winners").body.string
                #expect(shown.contains("Учеников0 Тест"))
                #expect(shown.contains("Найдено 1 результат"))
                #expect(!shown.contains("Учеников2"))
                #expect(try await mother.get("/children").body.string.contains(path + "/withdraw"))
                // Withdrawn: off the page at once, and both changes are in the child's history.
                _ = try await mother.get(path + "/withdraw")
                #expect(try await mother.post(path + "/withdraw").status == .seeOther)
                #expect(!(try await visitor.get("/winners").body.string.contains("Учеников0")))
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityID == child)
                    .filter(\.$action == "update").all()
                #expect(audited.count == 2)
                #expect(audited.allSatisfy { ($0.after ?? "").contains(TalentWords.Publication.field) })
                // Another family's child cannot be touched.
                #expect(
                    try await mother.post("/children/\(s.own[1].uuidString.lowercased())/publication").status
                        == .notFound)
            }
        }

        @Test func theSchoolRecordsAPaperConsentWithWhoGaveIt() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let edit = "/students/\(s.own[0])/edit"
                let form = try await school.get(edit).body.string
                let version = try #require(form.firstMatch(of: /name="version" value="(\d+)"/)?.1)
                var values = StudentTests.child
                values["school"] = s.cast.school.uuidString
                values["grade"] = "9"
                values["version"] = String(version)
                values["publicationConsentOn"] = "01.09.2026"
                let missing = try await school.post(edit, values)
                #expect(missing.status == .unprocessableEntity)
                _ = try await school.get(edit)
                values["publicationConsentBy"] = "Лесникова Ирина, мать"
                #expect(try await school.post(edit, values).status == .seeOther)
                let student = try #require(try await Student.find(s.own[0], on: app.db))
                #expect(student.publicationConsentBy == "Лесникова Ирина, мать")
                #expect(student.mayPublish)
            }
        }
    }
}
