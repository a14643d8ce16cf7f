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

        /// A session's trainer is chosen from the staff registry (the outside trainer, the centre's teacher) or written
        /// when not in it — not both, and never a stranger to the municipality's network.
        @Test func aSessionNamesItsTrainerFromTheStaffRegistry() async throws {
            try await withApp { app in
                let s = try await MunicipalStageTests.setUp(app)
                let stage = try await s.world.olympiadStage(s.math, olympiad: s.olympiad, grades: [8: ("10;10;20", 25)])
                let id = try stage.requireID()
                let partner = try await s.world.school("Филиал университета")
                let trainer = try await s.world.outsideTrainer("Тарасов", at: partner)
                // A teacher of a school outside the network is no trainer the centre may name.
                let stranger = try await s.world.staff("Чужаков", at: [try await s.world.school("Школа № 9")])
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let page = try await head.get("/olympiad-stages/\(id)/regional").body.string
                #expect(page.contains("Тарасов Тест Тестович — педагог-тренер"))
                var form = [
                    "center": s.cast.center.uuidString, "heldOn": "12.12.2025", "hours": "2",
                    "trainerId": stranger.id!.uuidString, "topic": "Геометрия",
                ]
                let refused = try await head.post("/olympiad-stages/\(id)/sessions", form)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(OlympiadWords.Session.trainerChoice))
                form["trainerId"] = trainer.id!.uuidString
                form["trainer"] = "Иванов И. И."
                _ = try await head.get("/olympiad-stages/\(id)/regional")
                let twice = try await head.post("/olympiad-stages/\(id)/sessions", form)
                #expect(twice.body.string.contains(OlympiadWords.Session.trainerTwice))
                #expect(try await OlympiadTrainingSession.query(on: app.db).count() == 0)
                form["trainer"] = ""
                _ = try await head.get("/olympiad-stages/\(id)/regional")
                #expect(try await head.post("/olympiad-stages/\(id)/sessions", form).status == .seeOther)
                let session = try #require(try await OlympiadTrainingSession.query(on: app.db).first())
                #expect(session.$trainerStaff.id == trainer.id && session.trainerOutside)
                #expect(session.trainer == "Тарасов Тест Тестович")
                let listed = try await head.get("/olympiad-stages/\(id)/regional").body.string
                #expect(listed.contains("Тарасов Тест Тестович (привлечённый): 2 часа"))
            }
        }

        /// The regional stage's results become achievements in the ВсОШ's regional edition of the year, with the
        /// sessions' registry trainers among the preparers; a school's own entry is corrected, not duplicated; bad
        /// input changes nothing; «no result» archives; only the stage's runners enter them.
        @Test func regionalResultsFlowIntoAchievements() async throws {
            try await withApp { app in
                let s = try await MunicipalStageTests.setUp(app)
                let stage = try await s.world.olympiadStage(s.math, olympiad: s.olympiad, grades: [8: ("10;10;20", 25)])
                let id = try stage.requireID()
                let passer = try await s.world.participant(
                    of: s.passer, in: stage, code: "М-01", grade: 8, scores: [10, 10, 15])
                let other = try await s.world.participant(
                    of: s.other, in: stage, code: "М-02", grade: 8, scores: [9, 9, 15])
                let trainer = try await s.world.outsideTrainer("Тарасов", at: s.cast.center)
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                _ = try await metod.post(
                    "/olympiad-stages/\(id)/regional",
                    values: ["participant": [passer.id!, other.id!].map { $0.uuidString.lowercased() }])
                let session = OlympiadTrainingSession()
                session.$stage.id = id
                session.$municipality.id = s.world.municipalityID
                session.$center.id = s.cast.center
                session.heldOn = Date()
                session.hours = 3
                session.$trainerStaff.id = trainer.id
                session.trainer = trainer.fullName
                session.trainerOutside = true
                session.topic = "Комбинаторика"
                session.createdBy = "metod"
                session.createdAt = Date()
                try await session.create(on: app.db)
                // The school entered the passer's regional result already: participant, no score.
                let regional = try await s.world.edition(of: s.olympiad, level: .regional)
                let own = try await s.world.achievement(
                    of: s.passer, in: regional, subject: s.math, result: .participant, grade: 8)
                let key = { (p: OlympiadParticipant) in p.id!.uuidString.lowercased() }
                // Bad input: a score out of range, a score without a result, an unknown result — nothing written.
                for (field, value, error) in [
                    ("score-\(key(passer))", "1001", TalentWords.Check.scoreRange),
                    ("score-\(key(other))", "12", OlympiadWords.Regional.scoreWithoutResult),
                    ("result-\(key(passer))", "champion", OlympiadWords.Regional.chooseResult),
                ] {
                    _ = try await metod.get("/olympiad-stages/\(id)/regional")
                    var form = [
                        "result-\(key(passer))": "prizeWinner", "score-\(key(passer))": "41",
                        "version-\(key(passer))": "\(own.version)", "result-\(key(other))": "",
                    ]
                    form[field] = value
                    let bad = try await metod.post("/olympiad-stages/\(id)/regional-results", form)
                    #expect(bad.status == .unprocessableEntity)
                    #expect(bad.body.string.contains(error))
                }
                #expect(try await Achievement.query(on: app.db).filter(\.$edition.$id == regional.id!).count() == 1)
                #expect(try await Achievement.find(own.id, on: app.db)?.result == "participant")
                // A school administrator and a centre's head enter nothing.
                for login in ["school1", "centre1"] {
                    var user = Browser(app)
                    _ = try await user.login(login, password: World.password)
                    _ = try await user.get("/olympiad-stages/\(id)/regional")
                    let post = try await user.post(
                        "/olympiad-stages/\(id)/regional-results", ["result-\(key(passer))": "winner"])
                    #expect(post.status == .forbidden)
                }
                // The page carries each row's version; a row read before the school changed it is refused whole.
                let page = try await metod.get("/olympiad-stages/\(id)/regional").body.string
                #expect(page.contains("name=\"version-\(key(passer))\" value=\"\(own.version)\""))
                let form = [
                    "regionalOn": "20.01.2026", "result-\(key(passer))": "prizeWinner", "score-\(key(passer))": "41,5",
                    "version-\(key(passer))": "\(own.version)", "result-\(key(other))": "participant",
                ]
                var stale = form
                stale["version-\(key(passer))"] = "\(own.version - 1)"
                #expect(try await metod.post("/olympiad-stages/\(id)/regional-results", stale).status == .conflict)
                #expect(try await Achievement.query(on: app.db).filter(\.$edition.$id == regional.id!).count() == 1)
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                let saved = try await metod.post("/olympiad-stages/\(id)/regional-results", form)
                #expect(saved.status == .seeOther)
                let entries = try await Achievement.query(on: app.db).filter(\.$edition.$id == regional.id!)
                    .with(\.$preparers).all()
                #expect(entries.count == 2)
                let corrected = try #require(entries.first { $0.$student.id == s.passer })
                #expect(corrected.id == own.id && corrected.result == "prizeWinner" && corrected.score == 41.5)
                #expect(corrected.$school.id == own.$school.id)
                #expect(corrected.version == own.version + 1)
                #expect(corrected.preparers.map(\.id) == [trainer.id])
                let added = try #require(entries.first { $0.$student.id == s.other })
                #expect(added.result == "participant" && added.gradeCompeted == 8 && added.status == "active")
                #expect(added.$school.id == (try await Student.find(s.other, on: app.db))?.$school.id)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "achievement")
                    .filter(\.$entityID == own.id!).all()
                #expect(audited.contains { $0.action == "update" })
                // The school sees its student's regional result; saving the same again changes nothing.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let read = try await school.get("/olympiad-stages/\(id)/regional").body.string
                #expect(read.contains("призёр, 41,5 балла") && !read.contains("Павлов"))
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                var same = form
                same["version-\(key(passer))"] = "\(corrected.version)"
                same["version-\(key(other))"] = "\(added.version)"
                let again = try await metod.post("/olympiad-stages/\(id)/regional-results", same)
                #expect(again.status == .seeOther)
                #expect(try await Achievement.find(own.id, on: app.db)?.version == corrected.version)
                // The API's results carry the regional result; a school's token reads its own student's only.
                let token = try await directToken(app, username: "school1")
                var api = Browser(app)
                let results = try await api.send(
                    .GET, "/api/v1/olympiad-stages/\(id)/results", headers: ["Authorization": "Bearer \(token)"])
                let body = results.body.string
                #expect(body.contains("\"regionalResult\":\"prizeWinner\"") && body.contains("\"regionalScore\":41.5"))
                #expect(!body.contains("Павлов") && body.contains("\"regional\":true"))
                // A row the form does not carry is left alone; «no result» archives the entry, audited as such.
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                let untouched = try await metod.post(
                    "/olympiad-stages/\(id)/regional-results",
                    [
                        "result-\(key(passer))": "prizeWinner", "score-\(key(passer))": "41,5",
                        "version-\(key(passer))": "\(corrected.version)",
                    ])
                #expect(untouched.status == .seeOther)
                #expect(try await Achievement.find(added.id, on: app.db)?.status == "active")
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                _ = try await metod.post(
                    "/olympiad-stages/\(id)/regional-results",
                    ["result-\(key(other))": "", "version-\(key(other))": "\(added.version)"])
                #expect(try await Achievement.find(added.id, on: app.db)?.status == "archived")
                let archived = try await AuditEntry.query(on: app.db).filter(\.$entityID == added.id!)
                    .filter(\.$action == "archive").count()
                #expect(archived == 1)
                // A withdrawn consent: the result does not leave the school.
                let student = try #require(try await Student.find(s.other, on: app.db))
                student.consentWithdrawnAt = Date()
                try await student.save(on: app.db)
                _ = try await metod.get("/olympiad-stages/\(id)/regional")
                let refused = try await metod.post(
                    "/olympiad-stages/\(id)/regional-results",
                    ["result-\(key(other))": "winner", "version-\(key(other))": "\(added.version + 1)"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(OlympiadWords.Regional.noConsent))
                #expect(try await Achievement.find(added.id, on: app.db)?.status == "archived")
            }
        }
    }
}
