import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 5: the administrator announces a quarterly campaign; a centre fills its report (Setka's numbers
    /// pre-filled), saves a draft, submits it late and is marked so; a submitted report changes only after it is
    /// returned; the authority sees submitted, late and missing, the consolidated report and its XLSX; the API alike.
    @Suite struct ReportCampaignTests {
        @Test func aCentreSubmitsItsQuarterlyReportLateAndTheAuthorityReturnsIt() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .centre1, .school1, .teacher1])
                let year = CivilDay(Date(), timeZone: world.zone).ymd.year - 1
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                #expect(try await admin.get("/report-campaigns").body.string.contains(ReportWords.none))
                _ = try await admin.get("/report-campaigns/new")
                let nobody = try await admin.post(
                    "/report-campaigns",
                    values: ["form": ["tochka-rosta-quarter"], "year": ["\(year)"], "quarter": ["4"]])
                #expect(nobody.status == .unprocessableEntity)
                #expect(nobody.body.string.contains(ReportWords.chooseOrganizations))
                let made = try await admin.post(
                    "/report-campaigns",
                    values: [
                        "form": ["tochka-rosta-quarter"], "year": ["\(year)"], "quarter": ["4"],
                        "organizations": [cast.center.uuidString, cast.school.uuidString],
                    ])
                #expect(made.status == .seeOther)
                let campaign = try #require(try await ReportCampaign.query(on: app.db).first())
                _ = try await admin.get("/report-campaigns/new")
                let twice = try await admin.post(
                    "/report-campaigns",
                    values: [
                        "form": ["tochka-rosta-quarter"], "year": ["\(year)"], "quarter": ["4"],
                        "organizations": [cast.center.uuidString],
                    ])
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains(ReportWords.exists))
                #expect(campaign.period.due == CivilDay(year: year + 1, month: 1, day: 5))
                #expect(try await Report.query(on: app.db).count() == 2)
                let report = try #require(
                    try await Report.query(on: app.db).filter(\.$organization.$id == cast.center).first())
                let path = SiteURL.report(try report.requireID()).path
                // The centre: its report among its tasks, Setka's numbers pre-filled with where they came from.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get("/").body.string.contains(StartWords.task(.reportsDue)))
                #expect(try await head.get("/report-campaigns").body.string.contains(path))
                let form = try await head.get(path).body.string
                #expect(form.contains(ReportWords.fromSetka) && form.contains(ReportSource.hoursDelivered.title))
                let bad = try await head.post(path, ["action": "save", "version": "1", "students": "много"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Целое число"))
                let draft = try await head.post(path, ["action": "save", "version": "1", "students": "12"])
                #expect(draft.status == .seeOther)
                #expect(try await Report.find(report.id, on: app.db)?.status == "draft")
                let incomplete = try await head.post(path, ["action": "submit", "version": "2", "students": "12"])
                #expect(incomplete.status == .unprocessableEntity && incomplete.body.string.contains("обязателен"))
                let complete: [String: String] = [
                    "action": "submit", "version": "2", "students": "12", "groups": "1", "hours": "40",
                    "planDone": "3", "planOverdue": "0", "events": "2", "problems": "Нет",
                    "reportDate": "10.01.\(year + 1)",
                    "equipmentLoad": "55,5", "measures": "Турнир; 20.12.\(year); 30; проведён",
                ]
                let submitted = try await head.post(path, complete)
                #expect(submitted.status == .seeOther)
                let saved = try #require(try await Report.find(report.id, on: app.db))
                #expect(saved.status == "submitted" && saved.late && saved.version == 3)
                #expect(saved.answerValues["equipmentLoad"] == "55.5")
                #expect(try await head.get(path).body.string.contains("сдан с опозданием"))
                // Submitted: it changes only after it is returned.
                #expect(try await head.post(path, ["action": "save", "version": "3"]).status == .conflict)
                // Others see nothing of it.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                #expect(
                    try await school.get(SiteURL.reportCampaign(try campaign.requireID()).path).status == .forbidden)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/report-campaigns").status == .forbidden)
                // The authority: who submitted, late, missing; the consolidated report; the XLSX.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let overview = try await kmc.get(SiteURL.reportCampaign(try campaign.requireID()).path).body.string
                #expect(overview.contains("сдан с опозданием") && overview.contains("не начат, срок прошёл"))
                #expect(overview.contains("Сдано 1 из 2 (с опозданием 1); не сдано 1 — срок прошёл."))
                let summary = try await kmc.get(SiteURL.reportCampaign(try campaign.requireID()).path + "/consolidated")
                #expect(summary.status == .ok && summary.body.string.contains("в среднем 55,5"))
                let xlsx = try await kmc.get(
                    SiteURL.reportCampaign(try campaign.requireID()).path + "/consolidated/xlsx")
                #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
                // Returned with a comment: the centre may change it again.
                _ = try await kmc.get(path)
                #expect(
                    try await kmc.post(path + "/return", ["version": "3", "comment": ""]).status == .unprocessableEntity
                )
                #expect(
                    try await kmc.post(path + "/return", ["version": "3", "comment": "Уточните часы."]).status
                        == .seeOther)
                #expect(try await head.post(path + "/return", ["version": "4", "comment": "—"]).status == .forbidden)
                let reopened = try await head.get(path).body.string
                #expect(reopened.contains("Уточните часы.") && reopened.contains(ReportWords.submit))
                // The API: the campaign's figures; a stale save refused; a submission by token.
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let listed = try await api.send(.GET, "/api/v1/report-campaigns", headers: auth).body.string
                #expect(listed.contains("\"total\":1") && listed.contains("\"reports\":2"))
                let reports = try await api.send(
                    .GET, "/api/v1/reports?campaign=\(try campaign.requireID())&status=returned", headers: auth)
                #expect(reports.body.string.contains("\"total\":1"))
                struct Change: Content {
                    var answers: [String: String]
                    var submit: Bool
                    var version: Int
                }
                var answers = complete
                answers["action"] = nil
                answers["version"] = nil
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                let stale = try await api.send(
                    .PUT, "/api/v1/reports/\(try report.requireID())",
                    json: Change(answers: answers, submit: true, version: 3),
                    headers: own)
                #expect(stale.status == .conflict)
                let again = try await api.send(
                    .PUT, "/api/v1/reports/\(try report.requireID())",
                    json: Change(answers: answers, submit: true, version: 4),
                    headers: own)
                #expect(again.status == .ok && again.body.string.contains("\"status\":\"submitted\""))
                let foreign: HTTPHeaders = [
                    "Authorization": "Bearer \(try await directToken(app, username: "school1"))"
                ]
                #expect(
                    try await api.send(.GET, "/api/v1/reports/\(try report.requireID())", headers: foreign).status
                        == .forbidden)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "report").count() == 4)
            }
        }
    }
}

extension AppTests.ReportCampaignTests {
    /// Setka's numbers for a report: hours and groups from the journal, students present in the period, the centre's
    /// own plan items done and overdue — the authority's side of its plan not counted.
    @Test func setkasNumbersComeFromTheJournalAndTheCentresSideOfItsPlan() async throws {
        try await withApp { app in
            let world = try await World.make(app)
            let cast = try await world.cast([.admin])
            let year = CivilDay(Date(), timeZone: world.zone).ymd.year - 1
            let period = try #require(ReportPeriod.quarter(4, of: year))
            let program = try await world.program(at: cast.center, "Робототехника")
            let group = try await world.group(of: program, "Робототехника-10")
            let pupils = try await world.students(at: cast.school, count: 3)
            // Two lessons in the quarter (one pupil absent from both), one before it.
            let first = try await world.lesson(of: group, on: period.from.adding(days: 10))
            let second = try await world.lesson(of: group, on: period.from.adding(days: 17), hours: 3)
            let before = try await world.lesson(of: group, on: period.from.adding(days: -5))
            try await world.mark(first, [pupils[0]: .present, pupils[1]: .present, pupils[2]: .absent])
            try await world.mark(second, [pupils[0]: .present, pupils[2]: .absent])
            try await world.mark(before, [pupils[2]: .present])
            // The centre's plan of that year: one item done late in the quarter, one still open, one of the
            // authority's open too.
            let (_, items) = try await world.plan(at: cast.center, year: year)
            let centre = items.filter { $0.itemSide == .center && $0.dueOn != nil }
            let doneLate = centre[0]
            doneLate.dueOn = period.from.adding(days: 5).number
            doneLate.status = PlanItemStatus.done.rawValue
            doneLate.doneOn = period.from.adding(days: 9).number
            try await doneLate.save(on: app.db)
            let authority = try #require(items.first { $0.itemSide == .authority && $0.dueOn != nil })
            authority.dueOn = period.from.adding(days: 5).number
            try await authority.save(on: app.db)
            let values = try await ReportSources.compute(
                Set(ReportSource.allCases), organization: cast.center, period: period, zone: world.zone, on: app.db)
            #expect(values[.hoursDelivered] == first.hours + 3)
            #expect(values[.groups] == 1)
            #expect(values[.studentsCovered] == 2)
            #expect(values[.certificates] == 0 && values[.achievements] == 0)
            #expect(values[.planItemsDone] == 1)
            // Every centre item due by the quarter's end is open but the one done late: all overdue.
            let due = centre.filter { ($0.dueOn ?? 0) <= period.to.number }.count
            #expect(values[.planItemsOverdue] == due)
        }
    }
}
