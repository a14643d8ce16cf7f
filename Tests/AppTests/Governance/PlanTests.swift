import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 2: a plan made from a roadmap for a centre and a year; its items marked by the centre's head with
    /// evidence (required where the measure makes a document), by the authority on its side, by the person named as
    /// answering for one; a stale save refused; overdue items counted; «мои сроки» on the start page; the same through
    /// the API; other organisations see nothing.
    @Suite struct PlanTests {
        struct Setup {
            var world: World
            var cast: World.Cast
            var plan: Plan
            var year: Int
            var today: CivilDay
        }

        /// The administrator makes the first-year plan of the cast's centre for this year through the form.
        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .centre1, .teacher1, .school1, .student1])
            let today = CivilDay(Date(), timeZone: world.zone)
            // Next year's plan: none of its template's days has passed, the tests choose what is late.
            let year = today.ymd.year + 1
            var admin = Browser(app)
            _ = try await admin.login("admin", password: World.password)
            let empty = try await admin.get("/plans")
            #expect(empty.status == .ok && empty.body.string.contains(PlanWords.noPlans))
            _ = try await admin.get("/plans/new")
            let made = try await admin.post(
                "/plans", ["template": "tochka-rosta-1", "owner": cast.center.uuidString, "year": "\(year)"])
            #expect(made.status == .seeOther)
            let plan = try #require(try await Plan.query(on: app.db).first())
            #expect(made.headers.first(name: .location) == SiteURL.plan(try plan.requireID()).path)
            return Setup(world: world, cast: cast, plan: plan, year: year, today: today)
        }

        static func items(_ app: Application) async throws -> [PlanItem] {
            try await PlanItem.query(on: app.db).sort(\.$position).all()
        }

        @Test func theAuthorityMakesAPlanOncePerOwnerTemplateAndYear() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let items = try await Self.items(app)
                #expect(items.count == RoadmapTemplate.firstYear.planItems(year: s.year).count)
                #expect(items.allSatisfy { $0.$organization.id == s.cast.center && $0.status == "notStarted" })
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "plan").filter(\.$action == "create")
                        .count() == 1)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/plans/new")
                let twin = try await admin.post(
                    "/plans", ["template": "tochka-rosta-1", "owner": s.cast.center.uuidString, "year": "\(s.year)"])
                #expect(twin.status == .unprocessableEntity)
                #expect(twin.body.string.contains("План по этому шаблону на \(s.year) год у организации"))
                let stranger = try await admin.post(
                    "/plans", ["template": "tochka-rosta-1", "owner": UUID().uuidString, "year": "\(s.year)"])
                #expect(stranger.status == .unprocessableEntity && stranger.body.string.contains(PlanWords.chooseOwner))
                let badYear = try await admin.post(
                    "/plans", ["template": "nope", "owner": "municipality", "year": "1999"])
                #expect(
                    badYear.status == .unprocessableEntity && badYear.body.string.contains(PlanWords.chooseTemplate))
                #expect(try await Plan.query(on: app.db).count() == 1)
                // The municipality's own plan of the same template is another owner's.
                let own = try await admin.post(
                    "/plans", ["template": "tochka-rosta-1", "owner": "municipality", "year": "\(s.year)"])
                #expect(own.status == .seeOther)
                // The centre's head reads its plan, not the municipality's, and makes none; the school sees neither.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let list = try await head.get("/plans?year=\(s.year)").body.string
                #expect(list.contains(SiteURL.plan(try s.plan.requireID()).path))
                #expect(!list.contains(PlanWords.municipalityOwner) && !list.contains(PlanWords.create))
                #expect(try await head.get("/plans/new").status == .forbidden)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(SiteURL.plan(try s.plan.requireID()).path).status == .forbidden)
                #expect(
                    !(try await school.get("/plans?year=\(s.year)").body.string.contains(
                        SiteURL.plan(try s.plan.requireID()).path)))
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/plans").status == .forbidden)
                // Deleting is confirmed first, removes the items, and is in the audit.
                let path = SiteURL.plan(try s.plan.requireID()).path
                #expect(try await admin.get(path + "/delete").body.string.contains("Удалить план «"))
                #expect(try await head.get(path + "/delete").status == .forbidden)
                #expect(try await admin.post(path + "/delete").status == .seeOther)
                #expect(try await PlanItem.query(on: app.db).filter(\.$plan.$id == s.plan.requireID()).count() == 0)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "plan").filter(
                        \.$action == "archive"
                    )
                    .count() == 1)
            }
        }

        @Test func theCentreMarksItsItemsWithEvidenceAndAStaleSaveIsRefused() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let items = try await Self.items(app)
                let needsEvidence = try #require(items.first { $0.itemSide == .center && $0.evidenceRequired })
                let authority = try #require(items.first { $0.itemSide == .authority })
                let path = SiteURL.planItem(try needsEvidence.requireID()).path
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(path)
                let bare = try await head.post(path, ["status": "done", "version": "1"])
                #expect(bare.status == .unprocessableEntity && bare.body.string.contains("только с подтверждением"))
                let done = try await head.post(
                    path, ["status": "done", "version": "1", "evidenceNote": "Приказ № 15-од от 01.03.2026"])
                #expect(done.status == .seeOther)
                let saved = try #require(try await PlanItem.find(needsEvidence.id, on: app.db))
                #expect(saved.status == "done" && saved.version == 2 && saved.doneOn == s.today.number)
                #expect(try await head.get(path).body.string.contains("Приказ № 15-од от 01.03.2026"))
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == needsEvidence.requireID())
                        .filter(\.$action == "update").count() == 1)
                // Someone saved since the form was read: a 409 with the current values, nothing written.
                let stale = try await head.post(path, ["status": "inProgress", "version": "1"])
                #expect(stale.status == .conflict && stale.body.string.contains(PlanWords.changed))
                #expect(try await PlanItem.find(needsEvidence.id, on: app.db)?.status == "done")
                // The authority's measure is the authority's to mark.
                let theirs = SiteURL.planItem(try authority.requireID()).path
                #expect(try await head.get(theirs).status == .ok)
                #expect(try await head.post(theirs, ["status": "done", "version": "1"]).status == .forbidden)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get(theirs)
                #expect(
                    try await kmc.post(theirs, ["status": "cancelled", "version": "1"]).status == .unprocessableEntity)
                #expect(
                    try await kmc.post(theirs, ["status": "cancelled", "version": "1", "cancelReason": "Не требуется"])
                        .status == .seeOther)
                // An evidence file: a scan checked by content, then enough to mark an item done.
                let other = try #require(items.last { $0.itemSide == .center && $0.evidenceRequired })
                let evidence = PlanItemPage.evidencePath(try other.requireID())
                _ = try await head.get(evidence + "/new")
                let fake = try await head.upload(evidence, [:], file: ("отчёт.pdf", Data("<html>".utf8)))
                #expect(fake.status == .unprocessableEntity)
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
                _ = try await head.get(evidence + "/new")
                #expect(try await head.upload(evidence, [:], file: ("фотоотчёт.png", png)).status == .seeOther)
                let file = try await head.get(evidence)
                #expect(file.status == .ok && file.headers.contentType?.description == "image/png")
                let otherPath = SiteURL.planItem(try other.requireID()).path
                _ = try await head.get(otherPath)
                #expect(try await head.post(otherPath, ["status": "done", "version": "1"]).status == .seeOther)
                // The only evidence of a done item stays.
                #expect(try await head.get(evidence + "/delete").status == .conflict)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(evidence).status == .forbidden)
                #expect(try await school.get(otherPath).status == .forbidden)
            }
        }

        @Test func overdueItemsAreCountedAndTheResponsibleSeesTheirDeadlines() async throws {
            try await withApp { app in
                let s = try await Self.setUp(app)
                let items = try await Self.items(app)
                let undated = try #require(items.first { $0.itemSide == .center && $0.dueOn == nil })
                let late = try #require(
                    items.first { $0.itemSide == .center && $0.dueOn != nil && !$0.evidenceRequired })
                let (lateID, undatedID) = (try late.requireID().uuidString, try undated.requireID().uuidString)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                // The administrator fixes a day for an undated item and names the teacher; another item is late.
                let undatedPath = SiteURL.planItem(try undated.requireID()).path
                _ = try await admin.get(undatedPath)
                let teacherID = try #require(s.cast.users[.teacher1])
                let fixed = try await admin.post(
                    undatedPath,
                    [
                        "status": "notStarted", "version": "1", "dueOn": s.today.adding(days: 3).formatted,
                        "responsibleUser": teacherID.uuidString,
                    ])
                #expect(fixed.status == .seeOther)
                let latePath = SiteURL.planItem(try late.requireID()).path
                _ = try await admin.get(latePath)
                #expect(
                    try await admin.post(
                        latePath,
                        ["status": "inProgress", "version": "1", "dueOn": s.today.adding(days: -1).formatted]
                    ).status == .seeOther)
                let planPath = SiteURL.plan(try s.plan.requireID()).path
                let overdue = try await admin.get(planPath + "?state=overdue").body.string
                #expect(overdue.contains(late.measure) && !overdue.contains(undated.measure))
                #expect(overdue.contains(PlanWords.overdue))
                #expect(try await admin.get(planPath + "?state=nope").status == .badRequest)
                // The teacher answers for the undated item: it is on the start page and theirs to mark.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let start = try await teacher.get("/").body.string
                #expect(start.contains(StartWords.task(.deadlines)) && start.contains(undated.measure))
                #expect(try await teacher.get(latePath).status == .forbidden)
                _ = try await teacher.get(undatedPath)
                #expect(
                    try await teacher.post(undatedPath, ["status": "inProgress", "version": "2"]).status == .seeOther)
                // The centre's head sees both among its deadlines; the authority its own side's.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let headStart = try await head.get("/").body.string
                #expect(headStart.contains(late.measure) && headStart.contains("просрочено"))
                // The API: the plan with its overdue count, the overdue items, a stale PUT refused.
                let token = try await directToken(app, username: "kmc")
                var api = Browser(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let plans = try await api.send(.GET, "/api/v1/plans?year=\(s.year)", headers: auth).body.string
                #expect(plans.contains("\"total\":1") && plans.contains("\"overdue\":1"))
                let listed = try await api.send(
                    .GET, "/api/v1/plan-items?overdue=true&plan=\(try s.plan.requireID())", headers: auth)
                #expect(listed.status == .ok && listed.body.string.contains("\"total\":1"))
                #expect(listed.body.string.contains(lateID))
                struct Change: Content {
                    var status: String
                    var version: Int
                    var evidenceNote: String?
                }
                let stale = try await api.send(
                    .PUT, "/api/v1/plan-items/\(try late.requireID())", json: Change(status: "done", version: 1),
                    headers: auth)
                #expect(stale.status == .conflict)
                let put = try await api.send(
                    .PUT, "/api/v1/plan-items/\(try late.requireID())", json: Change(status: "done", version: 2),
                    headers: auth)
                #expect(put.status == .ok && put.body.string.contains("\"status\":\"done\""))
                let wrong = try await api.send(
                    .PUT, "/api/v1/plan-items/\(try late.requireID())", json: Change(status: "cancelled", version: 3),
                    headers: auth)
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("cancelReason"))
                // The teacher's token lists only the item they answer for.
                let teacherToken = try await directToken(app, username: "teacher1")
                let mine = try await api.send(
                    .GET, "/api/v1/plan-items", headers: ["Authorization": "Bearer \(teacherToken)"]
                ).body.string
                #expect(mine.contains("\"total\":1") && mine.contains(undatedID))
                let schoolToken = try await directToken(app, username: "school1")
                let none = try await api.send(
                    .GET, "/api/v1/plan-items", headers: ["Authorization": "Bearer \(schoolToken)"]
                ).body.string
                #expect(none.contains("\"total\":0"))
            }
        }
    }
}

extension AppTests.PlanTests {
    /// The side-by-side figures counted by the database are `PlanProgress`'s, and the next deadlines the open ones
    /// from today in order.
    @Test func theDatabasesCountsAreThePlanProgress() async throws {
        try await withApp { app in
            let world = try await World.make(app)
            let cast = try await world.cast([.admin])
            let today = CivilDay(Date(), timeZone: world.zone)
            let (plan, items) = try await world.plan(at: cast.center, year: today.ymd.year)
            let (other, _) = try await world.plan(.secondYear, at: nil, year: today.ymd.year)
            for (index, item) in items.enumerated() {
                switch index % 6 {
                case 0: item.dueOn = today.adding(days: -10 - index).number
                case 1:
                    item.status = PlanItemStatus.done.rawValue
                    item.dueOn = today.adding(days: -5).number
                    item.doneOn = today.adding(days: -6).number
                case 2:
                    item.status = PlanItemStatus.done.rawValue
                    item.dueOn = today.adding(days: -5).number
                    item.doneOn = today.adding(days: -2).number
                case 3: item.status = PlanItemStatus.cancelled.rawValue
                case 4: item.dueOn = nil
                default: item.dueOn = today.adding(days: index).number
                }
                try await item.save(on: app.db)
            }
            let ids = [try plan.requireID(), try other.requireID()]
            let counted = try await PlanSummarySQL.counts(ids, today: today, on: app.db)
            for id in ids {
                let rows = try await PlanItem.query(on: app.db).filter(\.$plan.$id == id).all()
                #expect(counted[id] == PlanProgress(rows.map(\.progress), today: today))
                let expected = rows.filter { !$0.itemStatus.isClosed && ($0.due.map { $0 >= today } ?? false) }
                    .sorted { ($0.dueOn!, $0.position) < ($1.dueOn!, $1.position) }.prefix(2).map(\.id)
                let next = try await PlanSummarySQL.next([id], today: today, count: 2, on: app.db)[id] ?? []
                #expect(next.map(\.id) == expected.compactMap { $0 })
            }
            let own = counted[ids[0]]
            #expect((own?.overdue ?? 0) > 0 && (own?.undated ?? 0) > 0 && (own?.dueDoneOnTime ?? 0) > 0)
        }
    }
}
