import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 3: the methodologist runs the municipal stage — passing scores, the invited, results with the
    /// papers' maxima, the rating with a tie decided and an appeal that moves the boundary; schools see their own.
    @Suite struct MunicipalStageTests {
        struct Setup {
            let world: World
            let cast: World.Cast
            let math: OlympiadSubject
            let olympiad: Contest
            /// Own school: passes, below the passing score, without consent, last year's winner; another school's.
            let passer: UUID, below: UUID, noConsent: UUID, lastYear: UUID, other: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.metod, .kmc, .school1, .teacher1, .centre1])
            let otherSchool = try await world.school("Школа № 7")
            let math = try await world.olympiadSubject("математика")
            let olympiad = try await world.contest("Всероссийская олимпиада школьников")
            let schoolStage = try await world.edition(of: olympiad, level: .school)
            let passer = try await world.student(at: cast.school, "Лебедева", "Ольга", grade: 8).requireID()
            let below = try await world.student(at: cast.school, "Зуев", "Глеб", grade: 8).requireID()
            let noConsent = try await world.student(at: cast.school, "Соколов", "Антон", grade: 8, consentBy: nil)
                .requireID()
            let lastYear = try await world.student(at: cast.school, "Комаров", "Илья", grade: 9).requireID()
            let other = try await world.student(at: otherSchool, "Павлов", "Никита", grade: 8).requireID()
            for (student, score) in [(passer, 25.0), (below, 24.5), (noConsent, 30), (other, 31)] {
                try await world.achievement(
                    of: student, in: schoolStage, subject: math, result: .participant, grade: 8, score: score)
            }
            let previous = try await world.previousYear()
            let lastMunicipal = try await world.edition(of: olympiad, level: .municipal, year: previous)
            try await world.achievement(of: lastYear, in: lastMunicipal, subject: math, result: .prizeWinner, grade: 8)
            return Setup(
                world: world, cast: cast, math: math, olympiad: olympiad, passer: passer, below: below,
                noConsent: noConsent, lastYear: lastYear, other: other)
        }

        @Test func theMethodologistRunsTheStageFromPassingScoresToAppeals() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                // The stage: its year, subject and rules; the ВсОШ's municipal edition of the year is added.
                _ = try await metod.get("/olympiad-stages/new")
                let created = try await metod.post(
                    "/olympiad-stages/new",
                    [
                        "year": s.world.yearID.uuidString, "subject": s.math.id!.uuidString, "quotaPercent": "50",
                        "winnerMinPercent": "50", "prizeMinPercent": "50",
                    ])
                #expect(created.status == .seeOther)
                let stage = try #require(try await OlympiadStage.query(on: app.db).first())
                let id = try stage.requireID()
                let edition = try #require(try await ContestEdition.find(stage.$edition.id, on: app.db))
                #expect(edition.level == "municipal" && edition.$academicYear.id == s.world.yearID)
                // A passing score above the paper's maximum changes nothing.
                _ = try await metod.get("/olympiad-stages/\(id)/grades")
                let wrong = try await metod.post(
                    "/olympiad-stages/\(id)/grades", ["tasks8": "10; 10; 20", "passing8": "45", "tasks9": "10; 10; 20"])
                #expect(wrong.status == .unprocessableEntity)
                #expect(wrong.body.string.contains(OlympiadWords.Check.passing(maximum: 40)))
                #expect(try await OlympiadStageGrade.query(on: app.db).count() == 0)
                _ = try await metod.get("/olympiad-stages/\(id)/grades")
                let saved = try await metod.post(
                    "/olympiad-stages/\(id)/grades", ["tasks8": "10; 10; 20", "passing8": "25", "tasks9": "10; 10; 20"])
                #expect(saved.status == .seeOther)
                // The invited: passers at or above 25 and last year's prize-winner; no consent — named apart.
                let invited = try await metod.get("/olympiad-stages/\(id)/invited").body.string
                #expect(invited.contains("Лебедева") && invited.contains("Павлов") && invited.contains("Комаров"))
                #expect(!invited.contains("Зуев"))
                #expect(invited.contains("нет согласия") && invited.contains("Соколов"))
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let own = try await school.get("/olympiad-stages/\(id)/invited").body.string
                #expect(own.contains("Лебедева") && !own.contains("Павлов"))
                // Results: only for the invited, scores within each task's maximum, codes unique.
                func enter(_ student: UUID, _ code: String, _ grade: Int, _ scores: String) async throws
                    -> TestingHTTPResponse
                {
                    _ = try await metod.get("/olympiad-stages/\(id)/participants/new")
                    return try await metod.post(
                        "/olympiad-stages/\(id)/participants/new",
                        ["student": student.uuidString, "code": code, "gradeCompeted": String(grade), "scores": scores])
                }
                let notInvited = try await enter(s.below, "М-01", 8, "5; 5; 5")
                #expect(notInvited.body.string.contains(OlympiadWords.Check.notInvited))
                let above = try await enter(s.passer, "М-01", 8, "10; 11; 10")
                #expect(above.body.string.contains(OlympiadWords.Check.scores(.aboveMaximum(task: 2, maximum: 10))))
                #expect(try await enter(s.passer, "М-01", 8, "10; 10; 10").status == .seeOther)
                let sameCode = try await enter(s.other, "м-01", 8, "10; 5; 15")
                #expect(sameCode.body.string.contains(OlympiadWords.Check.duplicateCode))
                #expect(try await enter(s.other, "М-02", 8, "10; 5; 15").status == .seeOther)
                #expect(try await enter(s.lastYear, "М-03", 9, "2; 2; 2").status == .seeOther)
                // Two share 30 with one seat (50 % of 2): the tie waits for the methodologist's decision.
                let waiting = try await metod.get("/olympiad-stages/\(id)/rating").body.string
                #expect(waiting.contains("ждёт решения"))
                _ = try await metod.get("/olympiad-stages/\(id)/rating")
                let decided = try await metod.post(
                    "/olympiad-stages/\(id)/tie", ["grade": "8", "choice": "includeAll", "reason": "решение жюри"])
                #expect(decided.status == .seeOther)
                let tables = try await Self.tables(app, id)
                #expect(tables[8]?.rows.map(\.status) == [.winner, .winner])
                // The appeal raises one total to 31: the boundary moves, the decision no longer applies.
                let participant = try #require(
                    try await OlympiadParticipant.query(on: app.db).filter(\.$student.$id == s.other).first())
                let appealPath = "/olympiad-stages/\(id)/participants/\(participant.id!)/appeal"
                _ = try await metod.get(appealPath)
                let noNote = try await metod.post(appealPath, ["scores": "10; 5; 16", "note": ""])
                #expect(noNote.body.string.contains(OlympiadWords.Check.note))
                _ = try await metod.get(appealPath)
                #expect(
                    try await metod.post(appealPath, ["scores": "10; 5; 16", "note": "балл повышен"]).status
                        == .seeOther)
                let appeal = try #require(try await OlympiadAppeal.query(on: app.db).first())
                #expect(appeal.oldTotal == 30 && appeal.newTotal == 31 && appeal.outcome == "raised")
                let after = try await Self.tables(app, id)
                #expect(after[8]?.staleDecision == true)
                #expect(after[8]?.rows.map(\.status) == [.winner, .participant])
                let history = try await metod.get("/olympiad-stages/\(id)").body.string
                #expect(history.contains("балл повышен"))
                // The school reads its own lines of the protocol and changes nothing.
                let protocolPage = try await school.get("/olympiad-stages/\(id)/rating").body.string
                #expect(protocolPage.contains("Лебедева") && !protocolPage.contains("Павлов"))
                #expect(try await school.get("/olympiad-stages/\(id)/grades").status == .forbidden)
                #expect(try await school.get("/olympiad-stages/\(id)/participants/new").status == .forbidden)
                let xlsx = try await school.get("/olympiad-stages/\(id)/protocol.xlsx")
                #expect(xlsx.status == .ok)
                #expect(xlsx.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                // The API: the municipality's roles read every line, a school its own.
                let kmc = try await directToken(app, username: "kmc")
                let schoolToken = try await directToken(app, username: "school1")
                var api = Browser(app)
                let all = try await api.send(
                    .GET, "/api/v1/olympiad-stages/\(id)/results", headers: ["Authorization": "Bearer \(kmc)"])
                #expect(all.body.string.contains("\"total\":3"))
                let mine = try await api.send(
                    .GET, "/api/v1/olympiad-stages/\(id)/results", headers: ["Authorization": "Bearer \(schoolToken)"])
                #expect(mine.body.string.contains("\"total\":2") && !mine.body.string.contains("Павлов"))
                let teacher = try await directToken(app, username: "teacher1")
                let none = try await api.send(
                    .GET, "/api/v1/olympiad-stages/\(id)/results", headers: ["Authorization": "Bearer \(teacher)"])
                #expect(none.body.string.contains("\"total\":0"))
            }
        }

        static func tables(_ app: Application, _ id: UUID) async throws -> [Int: OlympiadRating.Table] {
            let stage = try #require(try await OlympiadStage.find(id, on: app.db))
            return try await OlympiadBoard.load(stage, on: app.db).tables()
        }

        @Test func aStageNeedsTheOlympiadAndIsOnePerSubjectAndYear() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.metod, .school1])
                let math = try await world.olympiadSubject("математика")
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                let form = [
                    "year": world.yearID.uuidString, "subject": math.id!.uuidString, "quotaPercent": "45",
                    "winnerMinPercent": "50", "prizeMinPercent": "150",
                ]
                _ = try await metod.get("/olympiad-stages/new")
                let refused = try await metod.post("/olympiad-stages/new", form)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(OlympiadWords.Check.noOlympiad))
                #expect(refused.body.string.contains(OlympiadWords.Check.percent))
                _ = try await world.contest("Всероссийская олимпиада школьников")
                var right = form
                right["prizeMinPercent"] = "50"
                _ = try await metod.get("/olympiad-stages/new")
                #expect(try await metod.post("/olympiad-stages/new", right).status == .seeOther)
                _ = try await metod.get("/olympiad-stages/new")
                let twin = try await metod.post("/olympiad-stages/new", right)
                #expect(twin.body.string.contains(OlympiadWords.Check.duplicateStage))
                #expect(try await OlympiadStage.query(on: app.db).count() == 1)
                // A school reads the stages but does not add one.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/olympiad-stages").status == .ok)
                #expect(try await school.get("/olympiad-stages/new").status == .forbidden)
            }
        }

        @Test func approvedResultsBecomeAchievementsAndAPublicProtocolWithConsentOnly() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let stage = try await s.world.olympiadStage(
                    s.math, olympiad: s.olympiad, grades: [8: ("10;10;20", 25), 9: ("10;10;20", nil)], quotaPercent: 50)
                let id = try stage.requireID()
                try await s.world.participant(of: s.passer, in: stage, code: "М-01", grade: 8, scores: [10, 10, 15])
                try await s.world.participant(of: s.other, in: stage, code: "М-02", grade: 8, scores: [5, 5, 5])
                // The school had entered the result itself, as a prize-winner: the protocol corrects it.
                let edition = try #require(try await ContestEdition.find(stage.$edition.id, on: app.db))
                try await s.world.achievement(
                    of: s.passer, in: edition, subject: s.math, result: .prizeWinner, grade: 8, score: 30)
                var visitor = Browser(app)
                #expect(try await visitor.get("/olympiad-stages/\(id)/public").status == .notFound)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get("/olympiad-stages/\(id)/rating")
                #expect(try await school.post("/olympiad-stages/\(id)/publish").status == .forbidden)
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                let confirm = try await metod.get("/olympiad-stages/\(id)/publish")
                #expect(confirm.body.string.contains(OlympiadWords.publishConsequence))
                #expect(try await metod.post("/olympiad-stages/\(id)/publish").status == .seeOther)
                let results = try await Achievement.query(on: app.db).filter(\.$edition.$id == edition.requireID())
                    .all()
                #expect(results.count == 2)
                let passer = try #require(results.first { $0.$student.id == s.passer })
                #expect(passer.result == "winner" && passer.score == 35 && passer.place == 1)
                #expect(results.first { $0.$student.id == s.other }?.result == "participant")
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "achievement").count()
                #expect(audited == 2)
                #expect(try await OlympiadStage.find(id, on: app.db)?.publishedAt != nil)
                // The public protocol names only students with consent to publication, by initials.
                let closed = try await visitor.get("/olympiad-stages/\(id)/public").body.string
                #expect(!closed.contains("Лебедева") && !closed.contains("Павлов"))
                let student = try #require(try await Student.find(s.passer, on: app.db))
                student.publicationConsentOn = Date()
                student.publicationConsentBy = "мать"
                try await student.save(on: app.db)
                let open = try await visitor.get("/olympiad-stages/\(id)/public").body.string
                #expect(open.contains("Лебедева О.") && !open.contains("Ольга") && !open.contains("Павлов"))
                let winners = try await visitor.get("/winners").body.string
                #expect(winners.contains("/olympiad-stages/\(id.uuidString.lowercased())/public"))
            }
        }
    }
}
