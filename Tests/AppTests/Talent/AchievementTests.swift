import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, contests and achievements: a school enters its students' results through the page and the API, bad
    /// input changes nothing, and who sees which school's results.
    @Suite struct AchievementTests {
        struct Setup {
            var world: World
            var cast: World.Cast
            var own: [UUID]
            var withoutConsent: UUID
            var other: UUID
            var stage: ContestEdition
            var physics: OlympiadSubject
        }

        /// «Школа № 1» (school1) with two consenting students and one without consent, «Школа № 3» (school3) with one,
        /// and the olympiad's municipal stage of this year.
        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast()
            let third = try await world.school("Школа № 3")
            try await world.user("school3", .schoolAdmin, at: third)
            let own = try await world.students(at: cast.school, count: 2, grade: 9)
            let without = try await world.students(at: cast.school, count: 1, grade: 9, consent: false, from: 2)[0]
            let other = try await world.students(at: third, count: 1, from: 3)[0]
            let olympiad = try await world.contest("Всероссийская олимпиада школьников")
            return Setup(
                world: world, cast: cast, own: own, withoutConsent: without, other: other,
                stage: try await world.edition(of: olympiad), physics: try await world.olympiadSubject("физика"))
        }

        static func form(_ s: Setup, student: UUID) -> [String: String] {
            [
                "student": student.uuidString, "edition": s.stage.id!.uuidString, "subject": s.physics.id!.uuidString,
                "result": "prizeWinner", "score": "87,5", "place": "2", "gradeStudied": "9", "gradeCompeted": "10",
                "achievedOn": "20.11.2025", "preparedBy": "Смирнова А. В.", "documentNumber": "Д-17",
            ]
        }

        @Test func aSchoolEntersAResultFromTheStudentsCardAndItIsAudited() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // The student's card links to the form with the student chosen.
                let card = try await school.get("/students/\(s.own[0])")
                let link = "/achievements/new?student=\(s.own[0].uuidString.lowercased())"
                #expect(card.body.string.contains(link))
                let form = try await school.get(link)
                #expect(form.status == .ok)
                #expect(form.body.string.contains("selected"))
                let saved = try await school.post("/achievements/new", Self.form(s, student: s.own[0]))
                #expect(saved.status == .seeOther)
                let record = try #require(try await Achievement.query(on: app.db).first())
                #expect(record.score == 87.5)
                #expect(record.gradeCompeted == 10)
                #expect(record.$school.id == s.cast.school)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == record.id).filter(
                        \.$action == "create"
                    )
                    .count() == 1)
                // The card shows the result; the student's card lists it.
                let shown = try await school.get("/achievements/\(record.id!)").body.string
                #expect(shown.contains("призёр, 2 место, 87,5 балла"))
                #expect(shown.contains("муниципальный этап"))
                #expect(try await school.get("/students/\(s.own[0])").body.string.contains("призёр, 2 место"))
                // Blank grades are the student's grade now.
                _ = try await school.get("/achievements/new")
                var blank = Self.form(s, student: s.own[1])
                blank["gradeStudied"] = ""
                blank["gradeCompeted"] = ""
                #expect(try await school.post("/achievements/new", blank).status == .seeOther)
                let second = try #require(
                    try await Achievement.query(on: app.db).filter(\.$student.$id == s.own[1]).first())
                #expect(second.gradeStudied == 9 && second.gradeCompeted == 9)
            }
        }

        @Test func badInputIsRefusedUnderItsFieldAndChangesNothing() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                try await s.world.achievement(of: s.own[0], in: s.stage, subject: s.physics, grade: 9)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                func refused(_ change: [String: String], _ message: String) async throws {
                    _ = try await school.get("/achievements/new")
                    let res = try await school.post(
                        "/achievements/new", Self.form(s, student: s.own[1]).merging(change) { _, new in new })
                    #expect(res.status == .unprocessableEntity, "\(change)")
                    #expect(res.body.string.contains(message), "\(change)")
                }
                try await refused(["student": s.own[0].uuidString], TalentWords.Check.duplicateAchievement)
                try await refused(["gradeCompeted": "8"], TalentWords.Check.gradeCompeted)
                try await refused(["score": "много"], TalentWords.Check.scoreRange)
                try await refused(["score": "1001"], TalentWords.Check.scoreRange)
                try await refused(["subject": ""], TalentWords.Check.subjectRequired)
                try await refused(["student": s.other.uuidString], TalentWords.Check.notYourStudent)
                try await refused(["edition": UUID().uuidString], TalentWords.Check.chooseEdition)
                let later = RuDate.format(Date().addingTimeInterval(40 * 86_400), timeZone: s.world.zone)
                try await refused(["achievedOn": later], TalentWords.Check.achievedInFuture)
                #expect(try await Achievement.query(on: app.db).count() == 1)
            }
        }

        @Test func eachRoleSeesWhatThePolicyAllows() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let shared = try await s.world.achievement(of: s.own[0], in: s.stage, subject: s.physics)
                let unshared = try await s.world.achievement(of: s.withoutConsent, in: s.stage, subject: s.physics)
                let elsewhere = try await s.world.achievement(of: s.other, in: s.stage, subject: s.physics)
                func names(_ login: String) async throws -> (list: String, status: [HTTPStatus]) {
                    var browser = Browser(app)
                    _ = try await browser.login(login, password: World.password)
                    let list = try await browser.get("/achievements")
                    var statuses: [HTTPStatus] = []
                    for record in [shared, unshared, elsewhere] {
                        statuses.append(try await browser.get("/achievements/\(record.id!)").status)
                    }
                    return (list.status == .ok ? list.body.string : "\(list.status.code)", statuses)
                }
                // The school sees its own, with or without consent, and not the other school's.
                let school = try await names("school1")
                #expect(school.status == [.ok, .ok, .forbidden])
                // The КМЦ sees every school's consenting students only: without consent a result stays at school.
                let kmc = try await names("kmc")
                #expect(kmc.status == [.ok, .forbidden, .ok])
                #expect(kmc.list.contains("Найдено 2"))
                // Other schools' administrators, teachers and families get nothing here.
                #expect(try await names("school3").status == [.forbidden, .forbidden, .ok])
                #expect(try await names("teacher1").list == "403")
                #expect(try await names("parent1").list == "403")
            }
        }

        @Test func theAPIEntersAndListsAsThePageDoes() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let school = try await directToken(app, username: "school1")
                let kmc = try await directToken(app, username: "kmc")
                var api = Browser(app)
                struct Input: Content {
                    var studentId: UUID?
                    var editionId: UUID?
                    var subjectId: UUID?
                    var result: String?
                    var score: Double?
                    var gradeStudied: Int?
                    var gradeCompeted: Int?
                }
                let body = Input(
                    studentId: s.own[0], editionId: s.stage.id, subjectId: s.physics.id, result: "winner", score: 95,
                    gradeStudied: 9, gradeCompeted: 9)
                let created = try await api.send(
                    .POST, "/api/v1/achievements", json: body, headers: ["Authorization": "Bearer \(school)"])
                #expect(created.status == .created)
                #expect(created.body.string.contains("\"result\":\"winner\""))
                let again = try await api.send(
                    .POST, "/api/v1/achievements", json: body, headers: ["Authorization": "Bearer \(school)"])
                #expect(again.status == .unprocessableEntity)
                #expect(again.body.string.contains("subject") || again.body.string.contains("edition"))
                // The КМЦ reads and may not enter results; a school may not enter another school's.
                let byKmc = try await api.send(
                    .POST, "/api/v1/achievements", json: body, headers: ["Authorization": "Bearer \(kmc)"])
                #expect(byKmc.status == .forbidden)
                var foreign = body
                foreign.studentId = s.other
                let theirs = try await api.send(
                    .POST, "/api/v1/achievements", json: foreign, headers: ["Authorization": "Bearer \(school)"])
                #expect(theirs.status == .unprocessableEntity)
                #expect(try await Achievement.query(on: app.db).count() == 1)
                let list = try await api.send(
                    .GET, "/api/v1/achievements?result=winner", headers: ["Authorization": "Bearer \(kmc)"])
                #expect(list.status == .ok)
                #expect(list.body.string.contains("\"total\":1"))
                let wrong = try await api.send(
                    .GET, "/api/v1/achievements?result=champion", headers: ["Authorization": "Bearer \(kmc)"])
                #expect(wrong.status == .badRequest)
            }
        }
    }
}
