import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 4: the databank of gifted students — the entry rule, the КМЦ's decisions, the filters, and who
    /// sees whom.
    @Suite struct GiftedTests {
        struct Setup {
            let world: World
            let winner: UUID, schoolOnly: UUID, regionalEarlier: UUID, tooOld: UUID, noConsent: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .school1])
            let other = try await world.school("Школа № 7")
            let olympiad = try await world.contest("Всероссийская олимпиада школьников")
            let math = try await world.olympiadSubject("математика")
            func year(_ ago: Int) async throws -> AcademicYear {
                let shift = Double(ago) * 365 * 86_400
                let year = AcademicYear(
                    municipalityID: world.municipalityID, title: "год -\(ago)",
                    startsOn: world.year.startsOn.addingTimeInterval(-shift),
                    endsOn: world.year.endsOn.addingTimeInterval(-shift), isCurrent: false)
                try await world.insertActive(year)
                return year
            }
            let twoAgo = try await year(2)
            let fourAgo = try await year(4)
            let winner = try await world.student(at: cast.school, "Лебедева", "Ольга").requireID()
            let schoolOnly = try await world.student(at: cast.school, "Зуев", "Глеб").requireID()
            let noConsent = try await world.student(at: cast.school, "Соколов", "Антон", consentBy: nil).requireID()
            let regionalEarlier = try await world.student(at: other, "Павлов", "Никита").requireID()
            let tooOld = try await world.student(at: other, "Орлова", "Мария").requireID()
            let municipal = try await world.edition(of: olympiad, level: .municipal)
            try await world.achievement(of: winner, in: municipal, subject: math, result: .prizeWinner)
            try await world.achievement(of: noConsent, in: municipal, subject: math, result: .winner)
            try await world.achievement(
                of: schoolOnly, in: try await world.edition(of: olympiad, level: .school), subject: math)
            try await world.achievement(
                of: regionalEarlier, in: try await world.edition(of: olympiad, level: .regional, year: twoAgo),
                subject: try await world.olympiadSubject("физика"))
            try await world.achievement(
                of: tooOld, in: try await world.edition(of: olympiad, level: .municipal, year: fourAgo), subject: math)
            return Setup(
                world: world, winner: winner, schoolOnly: schoolOnly, regionalEarlier: regionalEarlier, tooOld: tooOld,
                noConsent: noConsent)
        }

        @Test func theListFiltersSortsAndPagesInTheDatabase() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                func names(_ path: String) async throws -> [String] {
                    let page = try await kmc.get(path)
                    #expect(page.status == .ok, "\(path)")
                    return ["Лебедева", "Павлов"].filter { page.body.string.contains($0) }
                }
                #expect(try await names("/gifted?level=regional") == ["Павлов"])
                #expect(try await names("/gifted?direction=intellectual") == ["Лебедева", "Павлов"])
                #expect(try await names("/gifted?direction=creative").isEmpty)
                func q(_ text: String) -> String {
                    text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                }
                #expect(try await names("/gifted?q=\(q("лебед"))") == ["Лебедева"])
                #expect(try await names("/gifted?basis=rule") == ["Лебедева", "Павлов"])
                #expect(try await names("/gifted?basis=decision").isEmpty)
                // Paging and the order: the second of two by name, and the first when the order is reversed.
                #expect(try await names("/gifted?per=1&page=2") == ["Павлов"])
                #expect(try await names("/gifted?per=1&page=1&dir=desc") == ["Павлов"])
                #expect(try await names("/gifted?per=1&page=2&dir=desc") == ["Лебедева"])
                let token = try await directToken(app, username: "kmc")
                var api = Browser(app)
                let regional = try await api.send(
                    .GET, "/api/v1/gifted-students?level=regional", headers: ["Authorization": "Bearer \(token)"])
                #expect(regional.body.string.contains("\"total\":1") && regional.body.string.contains("Павлов"))
                // The route form's search finds the school's own members only.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/routes/new?q=\(q("Лебедева"))").body.string.contains("Лебедева Ольга"))
                #expect(!(try await school.get("/routes/new?q=\(q("Павлов"))").body.string.contains("Павлов Никита")))
            }
        }

        @Test func theRuleAdmitsAndTheKMCDecidesAndEachSeesTheirOwn() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let list = try await kmc.get("/gifted").body.string
                #expect(list.contains("Лебедева") && list.contains("Павлов"))
                #expect(!list.contains("Зуев") && !list.contains("Орлова") && !list.contains("Соколов"))
                // Each member's best result: its edition, contest, year and subject read with it.
                #expect(list.contains("призёр — Всероссийская олимпиада школьников — муниципальный этап"))
                #expect(list.contains("региональный этап, год -2 (физика)"))
                let math = try await s.world.olympiadSubject("математика")
                let byMath = try await kmc.get("/gifted?subject=\(math.id!)").body.string
                #expect(byMath.contains("Лебедева") && !byMath.contains("Павлов"))
                // The school sees its own, with or without consent, and nobody else's.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let own = try await school.get("/gifted").body.string
                #expect(own.contains("Лебедева") && own.contains("Соколов") && !own.contains("Павлов"))
                #expect(try await school.get("/gifted/\(s.regionalEarlier)").status == .forbidden)
                #expect(try await kmc.get("/gifted/\(s.tooOld)").status == .notFound)
                // The КМЦ enters a student by decision with a reason, and removes it after a confirmation page.
                _ = try await kmc.get("/gifted/new?student=\(s.schoolOnly)")
                let empty = try await kmc.post("/gifted/new", ["student": s.schoolOnly.uuidString, "reason": ""])
                #expect(empty.status == .unprocessableEntity)
                _ = try await kmc.get("/gifted/new?student=\(s.schoolOnly)")
                let decided = try await kmc.post(
                    "/gifted/new", ["student": s.schoolOnly.uuidString, "reason": "Призёр городского конкурса"])
                #expect(decided.status == .seeOther)
                let card = try await kmc.get("/gifted/\(s.schoolOnly)").body.string
                #expect(card.contains("по решению КМЦ: Призёр городского конкурса"))
                #expect(try await kmc.get("/gifted?basis=decision").body.string.contains("Зуев"))
                let noConsent = try await kmc.get("/gifted/new?student=\(s.noConsent)").body.string
                #expect(!noConsent.contains("Соколов"))
                _ = try await kmc.get("/gifted/\(s.schoolOnly)/decision/delete")
                #expect(try await kmc.post("/gifted/\(s.schoolOnly)/decision/delete").status == .seeOther)
                #expect(!(try await kmc.get("/gifted").body.string.contains("Зуев")))
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == s.schoolOnly).count() == 2)
                // The administrator raises the rule to the regional level; the methodologist may not.
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                #expect(try await metod.get("/gifted/rule").status == .forbidden)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/gifted/rule")
                let saved = try await admin.post(
                    "/gifted/rule", ["minLevel": "regional", "minResult": "prizeWinner", "years": "3"])
                #expect(saved.status == .seeOther)
                let raised = try await kmc.get("/gifted").body.string
                #expect(!raised.contains("Лебедева") && raised.contains("Павлов"))
                // The API answers as the page does.
                let token = try await directToken(app, username: "kmc")
                var api = Browser(app)
                let answer = try await api.send(
                    .GET, "/api/v1/gifted-students", headers: ["Authorization": "Bearer \(token)"])
                #expect(answer.body.string.contains("\"total\":1") && answer.body.string.contains("Павлов"))
            }
        }
    }
}
