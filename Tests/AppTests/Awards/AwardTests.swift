import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 23, item 3: the administrator opens a year's round; the КМЦ assigns amounts to teachers with at least three
    /// years in the network — an amount out of range, money to a teacher with fewer years, a total above the budget are
    /// refused beside the fields with nothing written; a stale version is refused; the administrator approves it and it
    /// no longer changes; a school sees none of it.
    @Suite struct AwardTests {
        /// Three teachers of the centre, of four, three and one years in the network (a group each year with a lesson's
        /// hours in the journal), the past years shared.
        static func teachers(_ world: World, at center: UUID) async throws -> (
            four: StaffMember, three: StaffMember, one: StaffMember
        ) {
            let thisYear = world.yearDays.lowerBound.ymd.year
            var pastYears: [Int: AcademicYear] = [:]
            for back in 1...3 { pastYears[back] = try await world.pastYear(starting: thisYear - back) }
            func teacher(_ surname: String, years: Int) async throws -> StaffMember {
                let person = try await world.staff(surname, at: [center])
                for back in 0..<years {
                    let year = back == 0 ? world.year : try #require(pastYears[back])
                    let group = try await world.group(at: center, "\(surname) \(back)", year: year, teacher: person)
                    let day = CivilDay(year.startsOn, timeZone: world.zone).adding(days: 3)
                    try await world.mark(try await world.lesson(of: group, on: day), [:])
                }
                return person
            }
            return (
                try await teacher("Старожилова", years: 4), try await teacher("Опытнов", years: 3),
                try await teacher("Новичкова", years: 1)
            )
        }

        @Test func theKMCAssignsAmountsWithinTheBudgetAndTheAdministratorApproves() async throws {
            try await withApp { app in
                // setup: past years are shared — one teacher of four years, one of three, one of one
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .school1])
                let (four, three, one) = try await Self.teachers(world, at: cast.center)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                // act: the administrator opens the round
                _ = try await admin.get("/awards")
                let made = try await admin.post(
                    "/awards",
                    [
                        "year": try world.year.requireID().uuidString, "budget": "40000", "minimumYears": "3",
                        "amountMin": "5000",
                        "amountMax": "30000",
                    ])
                #expect(made.status == .seeOther)
                let round = try #require(try await AwardRound.query(on: app.db).first())
                let path = SiteURL.award(try round.requireID()).path
                let twice = try await admin.post(
                    "/awards",
                    [
                        "year": try world.year.requireID().uuidString, "budget": "1", "minimumYears": "3",
                        "amountMin": "1", "amountMax": "2",
                    ])
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains(AwardWords.yearTaken))
                // The КМЦ: facts shown; the one-year teacher has no amount field.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get(path).body.string
                #expect(page.contains("Старожилова") && page.contains("Новичкова"))
                #expect(!page.contains(AwardRoundPage.amountField(try one.requireID())))
                func field(_ staff: StaffMember) throws -> String { AwardRoundPage.amountField(try staff.requireID()) }
                // Out of range, not eligible, above the budget: refused, nothing written.
                var form = [
                    "version": "1", try field(four): "35000", try field(three): "20000", try field(one): "5000",
                ]
                let bad = try await kmc.post(path, form)
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains(AwardWords.problem(.amountOutOfRange(UUID()), rule: round.rule)))
                #expect(bad.body.string.contains(AwardWords.problem(.notEligible(UUID()), rule: round.rule)))
                form[try field(four)] = "25000"
                form[try field(one)] = ""
                let over = try await kmc.post(path, form)
                #expect(over.status == .unprocessableEntity)
                #expect(over.body.string.contains(AwardWords.problem(.overBudget(5000), rule: round.rule)))
                #expect(try await TeacherAward.query(on: app.db).count() == 0)
                // Within the budget, with a letter of gratitude to the newcomer: saved; a stale version refused.
                form[try field(three)] = "15000"
                form[AwardRoundPage.gratitudeField(try one.requireID())] = "yes"
                #expect(try await kmc.post(path, form).status == .seeOther)
                #expect(try await TeacherAward.query(on: app.db).count() == 3)
                #expect(try await kmc.post(path, form).status == .conflict)
                // A school sees none of it; the КМЦ may not approve; the administrator does, then nothing changes.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                #expect(try await kmc.post(path + "/approve", ["version": "2"]).status == .forbidden)
                #expect(try await admin.post(path + "/approve", ["version": "2"]).status == .seeOther)
                form["version"] = "3"
                #expect(try await kmc.post(path, form).status == .conflict)
                let approved = try #require(try await AwardRound.find(round.id, on: app.db))
                #expect(approved.isApproved)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "award_round").count()
                #expect(audited == 3)
            }
        }
        /// The review's cases: a refused save keeps the version the user read (a colleague's save meanwhile is not
        /// overwritten on the resubmit); a teacher archived after getting a line stays in the round with the mark; the
        /// approval is refused with no amount or a stale version; the approved round's support and gratitude orders name
        /// its teachers and amounts; the API gives the round to the КМЦ and nothing to a school.
        @Test func theApprovedRoundNamesTheOrdersTeachersAndAmounts() async throws {
            try await withApp { app in
                // setup
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .school1])
                let (four, three, one) = try await Self.teachers(world, at: cast.center)
                let round = try await world.awardRound(budget: 60_000)
                let path = SiteURL.award(try round.requireID()).path
                func field(_ staff: StaffMember) throws -> String { AwardRoundPage.amountField(try staff.requireID()) }
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                // act & assert: nothing assigned yet — approval refused
                let empty = try await admin.post(path + "/approve", ["version": "1"])
                #expect(empty.status == .unprocessableEntity && empty.body.string.contains(AwardWords.nothingToApprove))
                // The КМЦ's typo is refused with the version it read kept; meanwhile the administrator saves.
                let typo = try await kmc.post(path, ["version": "1", try field(four): "-5"])
                #expect(typo.status == .unprocessableEntity)
                #expect(typo.body.string.contains("name=\"version\" value=\"1\""))
                #expect(typo.body.string.contains(AwardWords.problem(.amountOutOfRange(UUID()), rule: round.rule)))
                #expect(
                    try await admin.post(path, ["version": "1", try field(three): "10000"]).status == .seeOther)
                let resubmit = try await kmc.post(path, ["version": "1", try field(four): "30000"])
                #expect(resubmit.status == .conflict)
                #expect(try await TeacherAward.query(on: app.db).all().map(\.amount) == [10_000])
                // Saved properly; then the three-year teacher leaves: their line stays, marked.
                let saved = try await kmc.post(
                    path,
                    [
                        "version": "2", try field(four): "30 000", try field(three): "20000",
                        AwardRoundPage.gratitudeField(try one.requireID()): "yes",
                    ])
                #expect(saved.status == .seeOther)
                three.status = RecordStatus.archived.rawValue
                try await three.save(on: app.db)
                let page = try await kmc.get(path).body.string
                #expect(page.contains("Опытнов") && page.contains(AwardWords.archived))
                #expect(
                    try await kmc.post(
                        path,
                        [
                            "version": "3", try field(four): "30000", try field(three): "20000",
                            AwardRoundPage.gratitudeField(try one.requireID()): "yes",
                        ]
                    ).status == .seeOther)
                #expect(try await TeacherAward.query(on: app.db).count() == 3)
                // The question before approving is the administrator's; a stale approval is refused, the current
                // one passes.
                let question = try await admin.get(path + "/approve")
                #expect(question.status == .ok && question.body.string.contains("2 педагога, 50\u{00A0}000\u{00A0}₽"))
                #expect(try await kmc.get(path + "/approve").status == .forbidden)
                #expect(try await admin.post(path + "/approve", ["version": "3"]).status == .conflict)
                #expect(try await admin.post(path + "/approve", ["version": "4"]).status == .seeOther)
                // The support order of the year names the round's two teachers with their amounts, the gratitude
                // order the newcomer.
                let yearID = try world.year.requireID().uuidString
                #expect(
                    try await admin.post("/orders/new", ["kind": OrderKind.support.rawValue, "year": yearID]).status
                        == .seeOther)
                #expect(
                    try await admin.post("/orders/new", ["kind": OrderKind.gratitude.rawValue, "year": yearID]).status
                        == .seeOther)
                let support = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == OrderKind.support.rawValue).first())
                #expect(Set(support.recipients) == [try four.requireID(), try three.requireID()])
                #expect(support.document.contains("30\u{00A0}000") && support.document.contains("20\u{00A0}000"))
                #expect(support.document.contains("Опытнов"))
                let gratitude = try #require(
                    try await Order.query(on: app.db).filter(\.$kind == OrderKind.gratitude.rawValue).first())
                #expect(gratitude.recipients == [try one.requireID()])
                // The API: the КМЦ reads the round with its lines; a school is refused.
                let token = try await directToken(app, username: "kmc")
                let answer = try await kmc.send(
                    .GET, "/api/v1/awards/\(try round.requireID().uuidString)",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(answer.status == .ok)
                struct Answer: Decodable {
                    struct Line: Decodable {
                        var kind: String
                        var amount: Int?
                        var years: Int
                    }
                    var state: String
                    var assigned: Int
                    var academicYear: String
                    var lines: [Line]
                }
                let read = try JSONDecoder().decode(Answer.self, from: Data(answer.body.readableBytesView))
                #expect(read.state == "approved" && read.assigned == 50_000 && read.academicYear == world.year.title)
                #expect(read.lines.filter { $0.kind == AwardLines.money }.map(\.years).sorted() == [3, 4])
                let schoolToken = try await directToken(app, username: "school1")
                var school = Browser(app)
                let refused = try await school.send(
                    .GET, "/api/v1/awards", headers: ["Authorization": "Bearer \(schoolToken)"])
                #expect(refused.status == .forbidden)
            }
        }
    }
}
