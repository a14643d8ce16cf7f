import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 3 (`000_5375b2a087477e6d.txt` §4.3): the regional stage's participants marked by the
    /// methodologist, preparation sessions added and deleted by a centre's head for their centre, audited.
    @Suite struct OlympiadRegionalTests {
        @Test func theMethodologistMarksTheRegionalListAndACentreRecordsItsSessions() async throws {
            try await withApp { app in
                let s = try await MunicipalStageTests.setUp(app)
                let stage = try await s.world.olympiadStage(s.math, olympiad: s.olympiad, grades: [8: ("10;10;20", 25)])
                let id = try stage.requireID()
                let passer = try await s.world.participant(
                    of: s.passer, in: stage, code: "М-01", grade: 8, scores: [10, 10, 15])
                try await s.world.participant(of: s.other, in: stage, code: "М-02", grade: 8, scores: [5, 5, 5])
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                let marked = try await metod.post(
                    "/olympiad-stages/\(id)/regional", ["participant": passer.id!.uuidString.lowercased()])
                #expect(marked.status == .seeOther)
                let regional = try await OlympiadParticipant.query(on: app.db).filter(\.$regionalAt != nil).all()
                #expect(regional.map(\.$student.id) == [s.passer])
                // The school reads its own students' lines; the other school's student is not named.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let own = try await school.get("/olympiad-stages/\(id)/regional").body.string
                #expect(own.contains("Лебедева") && !own.contains("Павлов"))
                #expect(!own.contains("Добавить занятие"))
                // The centre's head adds a session for their centre; bad hours change nothing.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let page = try await head.get("/olympiad-stages/\(id)/regional").body.string
                #expect(page.contains("Добавить занятие") && !page.contains("Лебедева"))
                let form = [
                    "center": s.cast.center.uuidString, "heldOn": "12.12.2025", "hours": "20", "trainer": "Орлов В. П.",
                    "trainerOutside": "yes", "topic": "Комбинаторика",
                ]
                let bad = try await head.post("/olympiad-stages/\(id)/sessions", form)
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains(OlympiadWords.Session.hours))
                #expect(try await OlympiadTrainingSession.query(on: app.db).count() == 0)
                _ = try await head.get("/olympiad-stages/\(id)/regional")
                var good = form
                good["hours"] = "1,5"
                let added = try await head.post("/olympiad-stages/\(id)/sessions", good)
                #expect(
                    added.status == .seeOther,
                    "\(added.body.string.components(separatedBy: "class=\"error\"").dropFirst().map { $0.prefix(200) })"
                )
                let session = try #require(try await OlympiadTrainingSession.query(on: app.db).first())
                #expect(session.hours == 1.5 && session.trainerOutside)
                let listed = try await metod.get("/olympiad-stages/\(id)/regional").body.string
                #expect(listed.contains("Орлов В. П. (привлечённый): 2 часа"))
                // A teacher adds nothing; the head deletes after a confirmation page.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                _ = try await teacher.get("/olympiad-stages/\(id)/regional")
                #expect(try await teacher.post("/olympiad-stages/\(id)/sessions", good).status == .forbidden)
                let deletePath = "/olympiad-stages/\(id)/sessions/\(session.id!)/delete"
                #expect(try await head.get(deletePath).body.string.contains(OlympiadWords.sessionDeleteQuestion))
                #expect(try await head.post(deletePath).status == .seeOther)
                #expect(try await OlympiadTrainingSession.query(on: app.db).count() == 0)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "olympiad_stage").count()
                #expect(audited == 3)
            }
        }
    }
}
