import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 6: individual educational routes — drawn up by the school for a databank student, steps with
    /// their milestones, the support notes only the school sees, and who reads what.
    @Suite struct RoutesTests {
        struct Setup {
            let world: World
            let member: UUID, outsider: UUID, elsewhere: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .school1])
            let other = try await world.school("Школа № 7")
            let olympiad = try await world.contest("Всероссийская олимпиада школьников")
            let municipal = try await world.edition(of: olympiad, level: .municipal)
            let math = try await world.olympiadSubject("математика")
            let member = try await world.student(at: cast.school, "Лебедева", "Ольга").requireID()
            let outsider = try await world.student(at: cast.school, "Зуев", "Глеб").requireID()
            let elsewhere = try await world.student(at: other, "Павлов", "Никита").requireID()
            try await world.achievement(of: member, in: municipal, subject: math, result: .prizeWinner)
            try await world.achievement(of: elsewhere, in: municipal, subject: math, result: .winner)
            try await world.studentAccount("student1", of: member)
            try await world.guardian(of: member, account: "parent1")
            return Setup(world: world, member: member, outsider: outsider, elsewhere: elsewhere)
        }

        static func route(_ s: Setup, student: UUID, goals: String = "Подготовка к региональному этапу")
            -> [String: String]
        {
            [
                "student": student.uuidString, "year": s.world.yearID.uuidString, "goals": goals,
                "mentor": "Орлов Денис Андреевич", "curator": "Смирнова Анна Петровна", "status": "active",
            ]
        }

        @Test func theSchoolDrawsUpARouteWithStepsAndKeepsItsNotes() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // Only a databank student gets a route; the fields are checked, nothing saved on an error.
                _ = try await school.get("/routes/new")
                #expect(try await school.post("/routes/new", Self.route(s, student: s.outsider)).status == .badRequest)
                _ = try await school.get("/routes/new?student=\(s.member)")
                let empty = try await school.post("/routes/new", Self.route(s, student: s.member, goals: ""))
                #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Заполните это поле."))
                #expect(try await IndividualRoute.query(on: app.db).count() == 0)
                _ = try await school.get("/routes/new?student=\(s.member)")
                #expect(try await school.post("/routes/new", Self.route(s, student: s.member)).status == .seeOther)
                let route = try #require(try await IndividualRoute.query(on: app.db).first()).requireID()
                _ = try await school.get("/routes/new?student=\(s.member)")
                let twice = try await school.post("/routes/new", Self.route(s, student: s.member))
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains(RouteWords.duplicate))
                // Steps: a milestone before its start and a done step without a result are refused.
                _ = try await school.get("/routes/\(route)/steps/new")
                let backwards = try await school.post(
                    "/routes/\(route)/steps/new",
                    [
                        "kind": "summerSchool", "title": "Летняя школа", "startsOn": "10.07.2027",
                        "dueOn": "01.07.2027",
                        "status": "done",
                    ])
                #expect(backwards.status == .unprocessableEntity)
                #expect(backwards.body.string.contains("Срок не раньше начала."))
                #expect(backwards.body.string.contains("Опишите результат выполненного этапа."))
                _ = try await school.get("/routes/\(route)/steps/new")
                #expect(
                    try await school.post(
                        "/routes/\(route)/steps/new",
                        [
                            "kind": "research", "title": "Проект по статистике", "dueOn": "01.09.2020",
                            "status": "planned",
                        ]
                    ).status == .seeOther)
                let card = try await school.get("/routes/\(route)").body.string
                #expect(card.contains("Проект по статистике") && card.contains("запланирован, просрочен"))
                #expect(card.contains(RouteWords.notesTitle))
                // The school's note; the audit keeps that it was made, not its words.
                _ = try await school.get("/routes/\(route)")
                #expect(
                    try await school.post(
                        "/routes/\(route)/notes", ["notedOn": "15.10.2026", "text": "Беседа о нагрузке"]
                    ).status == .seeOther)
                #expect(try await school.get("/routes/\(route)").body.string.contains("Беседа о нагрузке"))
                let audit = try #require(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "route_support_note").first())
                #expect(!(audit.after ?? "").contains("Беседа"))
                // The КМЦ sees the route, not the notes, and may not add one.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let seen = try await kmc.get("/routes/\(route)").body.string
                #expect(seen.contains("Проект по статистике") && !seen.contains("Беседа о нагрузке"))
                #expect(!seen.contains(RouteWords.notesTitle))
                // The databank's card names the route's mentor.
                let databank = try await kmc.get("/gifted/\(s.member)").body.string
                #expect(databank.contains("Орлов Денис Андреевич (\(s.world.year.title))"))
                #expect(
                    try await kmc.post("/routes/\(route)/notes", ["notedOn": "15.10.2026", "text": "x"]).status
                        == .forbidden)
                // The student and the guardian read their own route, without the notes; they change nothing.
                for username in ["student1", "parent1"] {
                    var family = Browser(app)
                    _ = try await family.login(username, password: World.password)
                    let own = try await family.get("/routes/\(route)")
                    #expect(own.status == .ok && !own.body.string.contains("Беседа о нагрузке"))
                    #expect(try await family.get("/routes/\(route)/edit").status == .forbidden)
                }
                // The methodologist reads; another school does not.
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                #expect(try await metod.get("/routes/\(route)").status == .ok)
                #expect(try await metod.get("/routes/\(route)/edit").status == .forbidden)
                // A stale version answers a conflict.
                _ = try await school.get("/routes/\(route)/edit")
                var stale = Self.route(s, student: s.member, goals: "Другие цели")
                stale["version"] = "0"
                #expect(try await school.post("/routes/\(route)/edit", stale).status == .conflict)
                #expect(try await IndividualRoute.find(route, on: app.db)?.goals == "Подготовка к региональному этапу")
            }
        }

        @Test func theKMCDrawsUpRoutesOfConsentingStudentsAndTheAPIAnswersAsThePage() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get("/routes/new?student=\(s.elsewhere)")
                #expect(try await kmc.post("/routes/new", Self.route(s, student: s.elsewhere)).status == .seeOther)
                let route = try #require(try await IndividualRoute.query(on: app.db).first()).requireID()
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/routes/\(route)").status == .forbidden)
                #expect(!(try await school.get("/routes").body.string.contains("Павлов")))
                let token = try await directToken(app, username: "kmc")
                var api = Browser(app)
                let list = try await api.send(
                    .GET, "/api/v1/individual-routes", headers: ["Authorization": "Bearer \(token)"])
                #expect(list.body.string.contains("\"total\":1") && list.body.string.contains("Павлов"))
                let one = try await api.send(
                    .GET, "/api/v1/individual-routes/\(route)", headers: ["Authorization": "Bearer \(token)"])
                #expect(one.status == .ok && one.body.string.contains("\"steps\":[]"))
                let schoolToken = try await directToken(app, username: "school1")
                let refused = try await api.send(
                    .GET, "/api/v1/individual-routes/\(route)", headers: ["Authorization": "Bearer \(schoolToken)"])
                #expect(refused.status == .forbidden)
                let bad = try await api.send(
                    .GET, "/api/v1/individual-routes?status=lost", headers: ["Authorization": "Bearer \(token)"])
                #expect(bad.status == .badRequest)
                // Once the consent is withdrawn, the municipality no longer reads the route.
                let student = try #require(try await Student.find(s.elsewhere, on: app.db))
                student.consentWithdrawnAt = Date()
                try await student.save(on: app.db)
                #expect(try await kmc.get("/routes/\(route)").status == .forbidden)
                #expect(!(try await kmc.get("/routes").body.string.contains("Павлов")))
            }
        }
    }
}
