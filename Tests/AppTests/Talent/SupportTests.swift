import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 5: support measures — candidates ranked by points, a measure's form with its checks, the order
    /// that awards them, the weights, and who sees and keeps what.
    @Suite struct SupportTests {
        struct Setup {
            let world: World
            let prize: UUID, winner: UUID, noConsent: UUID, elsewhere: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .school1])
            let other = try await world.school("Школа № 7")
            let olympiad = try await world.contest("Всероссийская олимпиада школьников")
            let math = try await world.olympiadSubject("математика")
            let municipal = try await world.edition(of: olympiad, level: .municipal)
            let prize = try await world.student(at: cast.school, "Лебедева", "Ольга").requireID()
            let winner = try await world.student(at: cast.school, "Зуев", "Глеб").requireID()
            let noConsent = try await world.student(at: cast.school, "Соколов", "Антон", consentBy: nil).requireID()
            let elsewhere = try await world.student(at: other, "Павлов", "Никита").requireID()
            try await world.achievement(of: prize, in: municipal, subject: math, result: .prizeWinner)
            try await world.achievement(of: winner, in: municipal, subject: math, result: .winner)
            try await world.achievement(of: noConsent, in: municipal, subject: math, result: .winner)
            try await world.achievement(
                of: elsewhere, in: municipal, subject: try await world.olympiadSubject("физика"), result: .prizeWinner)
            return Setup(world: world, prize: prize, winner: winner, noConsent: noConsent, elsewhere: elsewhere)
        }

        static func stipend(_ s: Setup, student: UUID, amount: String = "3000") -> [String: String] {
            [
                "student": student.uuidString, "year": s.world.yearID.uuidString, "kind": "stipend", "amount": amount,
                "startsOn": "01.10.2026", "endsOn": "31.12.2026", "basis": "Победитель муниципального этапа",
            ]
        }

        static func measures(_ app: Application) async throws -> [SupportMeasure] {
            try await SupportMeasure.query(on: app.db).all()
        }

        @Test func candidatesAreRankedByPointsAndTheFormRefusesBadInput() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                // The municipal winner (5) above the prize-winner (3); nobody without consent.
                let page = try await kmc.get("/support/candidates").body.string
                let winnerAt = try #require(page.range(of: "Зуев")).lowerBound
                let prizeAt = try #require(page.range(of: "Лебедева")).lowerBound
                #expect(winnerAt < prizeAt)
                #expect(page.contains("призёр — Всероссийская олимпиада школьников — муниципальный этап"))
                #expect(!page.contains("Соколов"))
                // Bad input: errors under each field, nothing saved.
                _ = try await kmc.get("/support/new?student=\(s.winner)")
                var bad = Self.stipend(s, student: s.winner, amount: "три тысячи")
                bad["endsOn"] = "01.09.2026"
                bad["decreeNumber"] = "12"
                let refused = try await kmc.post("/support/new", bad)
                #expect(refused.status == .unprocessableEntity)
                let body = refused.body.string
                #expect(body.contains("Сумма в рублях — целое число"))
                #expect(body.contains("Окончание не раньше начала."))
                #expect(body.contains("Укажите дату."))
                _ = try await kmc.get("/support/new?student=\(s.winner)")
                var trip = Self.stipend(s, student: s.winner)
                trip["kind"] = "trip"
                let noTrip = try await kmc.post("/support/new", trip).body.string
                #expect(noTrip.contains("Укажите, куда поездка.") && noTrip.contains("Укажите статью расходов"))
                #expect(try await Self.measures(app).isEmpty)
                // A student without consent cannot be chosen.
                _ = try await kmc.get("/support/new")
                #expect(
                    try await kmc.post("/support/new", Self.stipend(s, student: s.noConsent)).status == .badRequest)
                // A good stipend: months counted, points kept, audited.
                _ = try await kmc.get("/support/new?student=\(s.winner)")
                #expect(try await kmc.post("/support/new", Self.stipend(s, student: s.winner)).status == .seeOther)
                let saved = try #require(try await Self.measures(app).first)
                #expect(saved.total == 9_000 && saved.points == 5 && saved.status == "proposed")
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "support_measure").count() == 1)
                let list = try await kmc.get("/support").body.string
                #expect(list.contains("Зуев") && list.contains("9\u{00A0}000\u{00A0}₽"))
            }
        }

        @Test func eachSeesTheirOwnAndOnlyTheKMCKeeps() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                for student in [s.winner, s.elsewhere] {
                    _ = try await kmc.get("/support/new?student=\(student)")
                    #expect(try await kmc.post("/support/new", Self.stipend(s, student: student)).status == .seeOther)
                }
                let measures = try await Self.measures(app)
                let own = try #require(measures.first { $0.$student.id == s.winner }).requireID()
                let foreign = try #require(measures.first { $0.$student.id == s.elsewhere }).requireID()
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let list = try await school.get("/support").body.string
                #expect(list.contains("Зуев") && !list.contains("Павлов"))
                #expect(try await school.get("/support/\(own)").status == .ok)
                #expect(try await school.get("/support/\(foreign)").status == .forbidden)
                #expect(try await school.get("/support/candidates").status == .forbidden)
                #expect(try await school.get("/support/\(own)/edit").status == .forbidden)
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                #expect(try await metod.get("/support/\(foreign)").status == .ok)
                #expect(try await metod.get("/support/new").status == .forbidden)
                // The databank card lists the measure.
                let card = try await kmc.get("/gifted/\(s.winner)").body.string
                #expect(card.contains("Меры поддержки") && card.contains("стипендия"))
                // A stale version answers a conflict and changes nothing.
                _ = try await kmc.get("/support/\(own)/edit")
                var stale = Self.stipend(s, student: s.winner, amount: "4000")
                stale["version"] = "0"
                #expect(try await kmc.post("/support/\(own)/edit", stale).status == .conflict)
                #expect(try await SupportMeasure.find(own, on: app.db)?.amount == 3_000)
                // Deleted after a confirmation page, audited.
                _ = try await kmc.get("/support/\(own)/delete")
                #expect(try await kmc.post("/support/\(own)/delete").status == .seeOther)
                #expect(try await SupportMeasure.find(own, on: app.db) == nil)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == own).filter(\.$action == "archive")
                        .count() == 1)
                // The API answers as the page does: the school only its own.
                let token = try await directToken(app, username: "school1")
                var api = Browser(app)
                let answer = try await api.send(
                    .GET, "/api/v1/support-measures", headers: ["Authorization": "Bearer \(token)"])
                #expect(answer.body.string.contains("\"total\":0"))
                let kmcToken = try await directToken(app, username: "kmc")
                let all = try await api.send(
                    .GET, "/api/v1/support-measures?kind=stipend", headers: ["Authorization": "Bearer \(kmcToken)"])
                #expect(all.body.string.contains("\"total\":1") && all.body.string.contains("Павлов"))
                let wrong = try await api.send(
                    .GET, "/api/v1/support-measures?kind=medal", headers: ["Authorization": "Bearer \(kmcToken)"])
                #expect(wrong.status == .badRequest)
            }
        }

        @Test func theOrderAwardsTheProposedMeasuresWithItsNumberAndDate() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                for student in [s.winner, s.prize] {
                    _ = try await kmc.get("/support/new?student=\(student)")
                    #expect(try await kmc.post("/support/new", Self.stipend(s, student: student)).status == .seeOther)
                }
                // A draft deleted lets its measures go; a new draft takes them again.
                _ = try await kmc.get("/support/order")
                #expect(try await kmc.post("/support/order", ["year": s.world.yearID.uuidString]).status == .seeOther)
                let first = try #require(try await Order.query(on: app.db).first())
                #expect(first.orderKind == .talentSupport && first.recipients.count == 2)
                #expect(try await Self.measures(app).allSatisfy { $0.$order.id == first.id })
                #expect(try await kmc.get("/support/order").body.string.contains(SupportWords.noProposed))
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/orders/\(first.id!)/delete")
                #expect(
                    try await admin.post("/orders/\(first.id!)/delete", ["version": String(first.version)]).status
                        == .seeOther)
                #expect(try await Self.measures(app).allSatisfy { $0.$order.id == nil })
                _ = try await kmc.get("/support/order")
                #expect(try await kmc.post("/support/order", ["year": s.world.yearID.uuidString]).status == .seeOther)
                let order = try #require(try await Order.query(on: app.db).first())
                // In the draft, a measure is frozen as the document names it.
                let drafted = try #require(try await Self.measures(app).first?.id)
                #expect(try await kmc.get("/support/\(drafted)/edit").status == .conflict)
                #expect(try await kmc.post("/support/\(drafted)/delete").status == .conflict)
                let text = try await admin.get("/orders/\(order.id!)/document").body.string
                #expect(text.contains("Зуев") && text.contains("Лебедева") && text.contains("стипендия"))
                // Signing gives the measures the order's number and date; then they are frozen.
                let today = CivilDay(Date(), timeZone: .gmt)
                _ = try await admin.get("/orders/\(order.id!)/sign")
                #expect(
                    try await admin.post(
                        "/orders/\(order.id!)/sign",
                        ["number": "77-о", "day": today.formatted, "version": String(order.version)]
                    ).status == .seeOther)
                let awarded = try await Self.measures(app)
                #expect(awarded.allSatisfy { $0.status == "awarded" && $0.decreeNumber == "77-о" })
                #expect(awarded.allSatisfy { $0.decreeDay == today.number })
                let id = try #require(awarded.first?.id)
                #expect(try await kmc.get("/support/\(id)/edit").status == .conflict)
                #expect(try await kmc.post("/support/\(id)/delete").status == .conflict)
                let bank = try await kmc.get("/gifted").body.string
                #expect(bank.contains("стипендиат, приказ № 77-о от \(today.formatted)"))
            }
        }

        @Test func theAdministratorsWeightsReorderTheCandidates() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get("/support/weights").status == .forbidden)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                let form = try await admin.get("/support/weights").body.string
                #expect(form.contains("municipal.winner"))
                var values = SupportWeightsFormPage.values(.standard).values.mapValues { $0.first ?? "" }
                values["municipal.prizeWinner"] = "-1"
                let refused = try await admin.post("/support/weights", values)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("Число от 0 до 1000."))
                values["municipal.prizeWinner"] = "50"
                _ = try await admin.get("/support/weights")
                #expect(try await admin.post("/support/weights", values).status == .seeOther)
                let page = try await kmc.get("/support/candidates").body.string
                let winnerAt = try #require(page.range(of: "Зуев")).lowerBound
                let prizeAt = try #require(page.range(of: "Лебедева")).lowerBound
                #expect(prizeAt < winnerAt)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "support_weights").count() == 1)
                _ = s
            }
        }
    }
}
