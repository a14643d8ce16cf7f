import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 23, item 6: the programme's budget — lines with a plan, money taken only within the remainder (beside the
    /// field, nothing changed; at once over real HTTP never more than the plan), paid and cancelled under the entry's
    /// version, the approved awards of teachers taken once, read by the КМЦ, nothing for a school.
    @Suite struct BudgetTests {
        @Test func theAdministratorPlansALineAndTakesMoneyWithinIt() async throws {
            try await withApp { app in
                // setup: an event of this year to pay for
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .school1])
                let event = try await world.event(at: cast.center, audience: .teachers, offset: 1, capacity: 20)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                // The line's year is the event's (tomorrow may be next year).
                let year = String(event.firstDay.ymd.year)
                // act: a line planned; the same title twice in a year refused
                let made = try await admin.post(
                    "/budget-lines/new",
                    [
                        "year": year, "kind": BudgetKind.events.rawValue, "title": "Мероприятия сети",
                        "planned": "50 000",
                    ])
                #expect(made.status == .seeOther)
                let line = try #require(try await BudgetLine.query(on: app.db).first())
                #expect(line.planned == 50_000 && line.used == 0)
                let twice = try await admin.post(
                    "/budget-lines/new",
                    ["year": year, "kind": BudgetKind.other.rawValue, "title": "Мероприятия сети", "planned": "1"])
                #expect(twice.status == .unprocessableEntity || twice.status == .conflict)
                // Money for the event within the plan; above the remainder refused beside the amount, nothing taken.
                let entries = SiteURL.budgetEntries(try line.requireID()).path
                let eventID = try event.requireID().uuidString.lowercased()
                let today = CivilDay(Date(), timeZone: world.zone).formatted
                #expect(try await admin.get(SiteURL.budgetEntryNew(try line.requireID()).path).status == .ok)
                let first = try await admin.post(
                    entries, ["source": eventID, "amount": "30000", "committedOn": today])
                #expect(first.status == .seeOther)
                let above = try await admin.post(
                    entries, ["source": eventID, "amount": "20001", "committedOn": today])
                #expect(above.status == .unprocessableEntity)
                #expect(above.body.string.contains(BudgetWords.refusal(.aboveRemainder(remaining: 20_000))))
                let stranger = try await admin.post(
                    entries, ["source": UUID().uuidString, "amount": "100", "committedOn": today])
                #expect(
                    stranger.status == .unprocessableEntity && stranger.body.string.contains(BudgetWords.notASource))
                #expect(try await BudgetEntry.query(on: app.db).count() == 1)
                #expect(try await BudgetLine.find(line.id, on: app.db)?.used == 30_000)
                // A second commitment, then: the first paid, the second cancelled — its money back in the line.
                #expect(
                    try await admin.post(entries, ["source": eventID, "amount": "15000", "committedOn": today]).status
                        == .seeOther)
                let taken = try await BudgetEntry.query(on: app.db).sort(\.$amount, .descending).all()
                let (paid, dropped) = (taken[0], taken[1])
                let future = CivilDay(Date(), timeZone: world.zone).adding(days: 3).formatted
                let early = try await admin.post(
                    SiteURL.budgetEntryPay(try paid.requireID()).path, ["version": "1", "paidOn": future])
                #expect(early.status == .unprocessableEntity && early.body.string.contains(BudgetWords.paidInFuture))
                #expect(
                    try await admin.post(
                        SiteURL.budgetEntryPay(try paid.requireID()).path, ["version": "1", "paidOn": today]
                    ).status == .seeOther)
                #expect(
                    try await admin.post(
                        SiteURL.budgetEntryPay(try paid.requireID()).path, ["version": "2", "paidOn": today]
                    ).status == .conflict)
                #expect(try await admin.get(SiteURL.budgetEntryCancel(try dropped.requireID()).path).status == .ok)
                #expect(
                    try await admin.post(SiteURL.budgetEntryCancel(try dropped.requireID()).path, ["version": "1"])
                        .status == .seeOther)
                let after = try #require(try await BudgetLine.find(line.id, on: app.db))
                #expect(after.used == 30_000)
                let card = try await admin.get(SiteURL.record(.budget, try line.requireID()).path).body.string
                #expect(card.contains(BudgetEntryState.paid.title) && card.contains(BudgetEntryState.cancelled.title))
                #expect(card.contains("20\u{00A0}000\u{00A0}₽"))
                // The plan never below what is taken.
                let lower = try await admin.post(
                    SiteURL.record(.budget, try line.requireID()).path + "/edit",
                    [
                        "version": String(after.version), "year": year, "kind": BudgetKind.events.rawValue,
                        "title": "Мероприятия сети", "planned": "29999",
                    ])
                #expect(lower.status == .unprocessableEntity)
                #expect(lower.body.string.contains(BudgetWords.refusal(.belowUsed(used: 30_000))))
                // The КМЦ reads the budget and its XLSX but takes nothing; a school sees none of it.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get("/budget-lines").body.string.contains("Мероприятия сети"))
                let sheet = try await kmc.get(SiteURL.budgetXLSX.path + "?year=" + year)
                #expect(sheet.status == .ok && sheet.body.readableBytes > 1000)
                #expect(
                    try await kmc.post(entries, ["source": eventID, "amount": "100", "committedOn": today]).status
                        == .forbidden)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/budget-lines").status == .forbidden)
                #expect(try await school.get(SiteURL.record(.budget, try line.requireID()).path).status == .forbidden)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "budget_line").count()
                #expect(audited == 5)
            }
        }

        @Test func approvedAwardsAreTakenOnceFromTheAwardsLine() async throws {
            try await withApp { app in
                // setup: an approved round with two amounts
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc])
                let (four, three, _) = try await AwardTests.teachers(world, at: cast.center)
                let round = try await world.awardRound()
                for (person, amount) in [(four, 30_000), (three, 20_000)] {
                    try await AwardLines.makeLine(
                        round, person, kind: AwardLines.money, amount: amount, years: 3, "kmc", Date()
                    ).create(on: app.db)
                }
                round.state = "approved"
                try await round.save(on: app.db)
                let small = try await world.budgetLine(.awards, title: "Мало", planned: 40_000)
                let line = try await world.budgetLine(.awards, title: "Поддержка учителей", planned: 111_000)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                // act & assert: too little in the line — nothing taken
                let refused = try await admin.post(SiteURL.budgetAwards(try small.requireID()).path, [:])
                #expect(refused.status == .unprocessableEntity)
                #expect(try await BudgetEntry.query(on: app.db).count() == 0)
                #expect(try await BudgetLine.find(small.id, on: app.db)?.used == 0)
                // Enough: both taken with their amounts; again — nothing more to take.
                #expect(try await admin.post(SiteURL.budgetAwards(try line.requireID()).path, [:]).status == .seeOther)
                let taken = try await BudgetEntry.query(on: app.db).all()
                #expect(taken.map(\.amount).sorted() == [20_000, 30_000])
                #expect(taken.allSatisfy { $0.sourceKind == BudgetSource.teacherAward.rawValue })
                #expect(try await BudgetLine.find(line.id, on: app.db)?.used == 50_000)
                #expect(try await admin.post(SiteURL.budgetAwards(try line.requireID()).path, [:]).status == .seeOther)
                #expect(try await BudgetEntry.query(on: app.db).count() == 2)
                // The API: an award already in the budget is not offered again (422 on `sourceId`); the line reads back.
                let token = try await directToken(app, username: "admin")
                let award = try #require(try await TeacherAward.query(on: app.db).first())
                let again = try await admin.send(
                    .POST, "/api/v1/budget-lines/\(try small.requireID().uuidString)/entries",
                    headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                    raw: "{\"sourceId\":\"\(try award.requireID().uuidString)\",\"committedOn\":\"2026-12-01\"}")
                #expect(again.status == .unprocessableEntity && again.body.string.contains("sourceId"))
                let read = try await admin.send(
                    .GET, "/api/v1/budget-lines/\(try line.requireID().uuidString)",
                    headers: ["Authorization": "Bearer \(token)"])
                struct Answer: Decodable {
                    var committed: Int
                    var remaining: Int
                    var entries: [BudgetAPIController.EntryDTO]?
                }
                let answer = try JSONDecoder().decode(Answer.self, from: Data(read.body.readableBytesView))
                #expect(answer.committed == 50_000 && answer.remaining == 61_000 && answer.entries?.count == 2)
            }
        }

        @Test func commitmentsAtOnceNeverTakeMoreThanThePlan() async throws {
            try await withLiveApp { app, port in
                // setup: a line of 100 000 ₽ for other expenses
                let world = try await World.make(app)
                _ = try await world.user("budgetadmin", .authorityAdmin, at: nil)
                let token = try await directToken(app, username: "budgetadmin")
                let line = try await world.budgetLine(.other, planned: 100_000)
                // act: twenty commitments of 15 000 ₽ at once
                let answers = try await burst(
                    port: port, "/api/v1/budget-lines/\(try line.requireID().uuidString)/entries", token: token,
                    json: "{\"amount\":15000,\"purpose\":\"Договор\",\"committedOn\":\"01.12.2026\"}", times: 20)
                // assert: six fit, the rest refused with the remainder named; the line never above its plan
                #expect(answers.filter { $0.0 == 201 }.count == 6)
                #expect(answers.filter { $0.0 == 422 }.count == 14)
                #expect(answers.contains { $0.0 == 422 && $0.1.contains("amount") })
                #expect(try await BudgetLine.find(line.id, on: app.db)?.used == 90_000)
                #expect(try await BudgetEntry.query(on: app.db).count() == 6)
            }
        }
    }
}
