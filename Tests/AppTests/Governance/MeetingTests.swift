import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 6: the КМЦ plans a meeting with members of its composition, records it held — attendance,
    /// minutes, decisions, one with a deadline becoming an item of the plan of decisions —; a stale save is refused;
    /// centres read, teachers do not; a quarter without a meeting is warned of; the API reads the same.
    @Suite struct MeetingTests {
        @Test func theKmcHoldsAMeetingWhoseDecisionBecomesAPlanItem() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.admin, .kmc, .centre1, .teacher1])
                let members = try await world.kmcMembers(2)
                let today = CivilDay(Date(), timeZone: world.zone)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get("/meetings/new")
                let nobody = try await kmc.post(
                    "/meetings",
                    values: ["day": [today.formatted], "title": ["Итоги квартала"], "agenda": ["1. Итоги"]])
                #expect(
                    nobody.status == .unprocessableEntity && nobody.body.string.contains(MeetingWords.chooseMembers))
                let made = try await kmc.post(
                    "/meetings",
                    values: [
                        "day": [today.formatted], "title": ["Итоги квартала"], "agenda": ["1. Итоги"],
                        "members": members.map(\.uuidString),
                    ])
                #expect(made.status == .seeOther)
                let meeting = try #require(try await Meeting.query(on: app.db).first())
                let path = SiteURL.meeting(try meeting.requireID()).path
                // Held: minutes are required; decisions are written line by line.
                _ = try await kmc.get(path + "/edit")
                var held: [String: [String]] = [
                    "version": ["1"], "day": [today.formatted], "title": ["Итоги квартала"], "agenda": ["1. Итоги"],
                    "members": members.map(\.uuidString), "present": [members[0].uuidString], "status": ["held"],
                    "decisions": [
                        "Подготовить рекомендации; МКУ «ЦРО»; \(today.adding(days: 30).formatted)\nПринять к сведению"
                    ],
                ]
                let noMinutes = try await kmc.post(path, values: held)
                #expect(
                    noMinutes.status == .unprocessableEntity
                        && noMinutes.body.string.contains(MeetingWords.minutesRequired))
                held["minutes"] = ["Слушали: руководителей центров. Решили: принять к сведению."]
                #expect(try await kmc.post(path, values: held).status == .seeOther)
                let decisions = try await MeetingDecisionRecord.query(on: app.db).sort(\.$position).all()
                #expect(decisions.count == 2 && decisions[1].$planItem.id == nil)
                let item = try #require(try await PlanItem.find(decisions[0].$planItem.id, on: app.db))
                #expect(item.measure == "Подготовить рекомендации" && item.due == today.adding(days: 30))
                let plan = try #require(try await Plan.find(item.$plan.id, on: app.db))
                #expect(plan.title == MeetingWords.plan && plan.$organization.id == nil)
                let page = try await kmc.get(path).body.string
                let itemPath = SiteURL.planItem(try item.requireID()).path
                #expect(page.contains("присутствовал(а)") && page.contains(itemPath))
                // The same form sent again from the old version: refused, nothing written twice.
                held["decisions"] = ["Ещё одно решение"]
                #expect(try await kmc.post(path, values: held).status == .conflict)
                #expect(try await MeetingDecisionRecord.query(on: app.db).count() == 2)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "meeting").count() == 2)
                // The plan of decisions may be deleted: the decisions stay in the minutes, without their items.
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get(SiteURL.plan(try plan.requireID()).path + "/delete")
                #expect(try await admin.post(SiteURL.plan(try plan.requireID()).path + "/delete").status == .seeOther)
                #expect(try await MeetingDecisionRecord.query(on: app.db).filter(\.$planItem.$id != nil).count() == 0)
                // Held is a fact of a day that has come; a deadline before the meeting is refused.
                _ = try await kmc.get(path + "/edit")
                var future = held
                future["version"] = ["2"]
                future["day"] = [today.adding(days: 3).formatted]
                future["decisions"] = [""]
                let early = try await kmc.post(path, values: future)
                #expect(early.status == .unprocessableEntity && early.body.string.contains(MeetingWords.heldInFuture))
                var before = held
                before["version"] = ["2"]
                before["decisions"] = ["Решение; КМЦ; \(today.adding(days: -3).formatted)"]
                let past = try await kmc.post(path, values: before)
                #expect(past.status == .unprocessableEntity && past.body.string.contains("не раньше дня совещания"))
                // The centre reads; the teacher does not.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get(path).status == .ok)
                #expect(try await head.get(path + "/edit").status == .forbidden)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/meetings").status == .forbidden)
                // The API.
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let listed = try await api.send(.GET, "/api/v1/meetings?status=held", headers: auth).body.string
                #expect(listed.contains("\"total\":1"))
                let one = try await api.send(.GET, "/api/v1/meetings/\(try meeting.requireID())", headers: auth)
                #expect(one.status == .ok && one.body.string.contains("\"present\":true"))
            }
        }

        /// The API plans a meeting, holds it with its minutes, attendance and a decision that becomes a plan item — by
        /// the page's checks, under the meeting's version; the centre reads and does not write.
        @Test func theAPIPlansAndHoldsAMeeting() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.kmc, .centre1])
                let members = try await world.kmcMembers(3)
                let today = CivilDay(Date(), timeZone: world.zone)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                typealias Body = MeetingAPIController.Body
                var body = Body(
                    date: today.iso, title: "Итоги полугодия", agenda: "1. Отчёты центров.",
                    members: members.map(\.uuidString))
                var missing = body
                missing.members = []
                let refused = try await api.send(.POST, "/api/v1/meetings", json: missing, headers: auth)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("members"))
                let created = try await api.send(.POST, "/api/v1/meetings", json: body, headers: auth)
                #expect(created.status == .created && created.body.string.contains("\"status\":\"planned\""))
                let meeting = try #require(try await Meeting.query(on: app.db).first())
                let path = "/api/v1/meetings/\(try meeting.requireID())"
                (body.status, body.minutes, body.present, body.version) =
                    ("held", "Заслушали отчёты.", [members[0].uuidString], 1)
                // A decision that would break the minutes' line, or has no text: refused by its number.
                for (decision, said) in [
                    ("Подготовить сводный отчёт; срочно", "Решение 2: текст"), (" ", "Решение 2: напишите"),
                    ("Итоги\u{2028}года", "Решение 2: текст"), ("Итоги\u{0}года", "Решение 2: текст"),
                ] {
                    body.newDecisions = [.init(text: "Принять к сведению"), .init(text: decision)]
                    let broken = try await api.send(.PUT, path, json: body, headers: auth)
                    #expect(broken.status == .unprocessableEntity && broken.body.string.contains(said), "\(decision)")
                }
                body.newDecisions = [
                    .init(text: "Подготовить сводный отчёт", responsible: "КМЦ", dueOn: today.adding(days: 20).iso)
                ]
                let held = try await api.send(.PUT, path, json: body, headers: auth)
                #expect(held.status == .ok && held.body.string.contains("\"present\":true"))
                #expect(held.body.string.contains("\"planItemId\""))
                #expect(
                    try await PlanItem.query(on: app.db).filter(\.$measure == "Подготовить сводный отчёт").count() == 1)
                let stale = try await api.send(.PUT, path, json: body, headers: auth)
                #expect(stale.status == .conflict)
                #expect(try await MeetingDecisionRecord.query(on: app.db).count() == 1)
                // A change without `status` keeps the meeting's; decisions not sent stay as they are.
                (body.status, body.newDecisions, body.version, body.minutes) = (
                    nil, nil, 2, "Заслушали отчёты (уточн.)."
                )
                let kept = try await api.send(.PUT, path, json: body, headers: auth)
                #expect(kept.status == .ok && kept.body.string.contains("\"status\":\"held\""))
                #expect(kept.body.string.contains("(уточн.)") && kept.body.string.contains("Подготовить сводный отчёт"))
                #expect(try await MeetingDecisionRecord.query(on: app.db).count() == 1)
                let own: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                #expect(try await api.send(.GET, path, headers: own).status == .ok)
                body.version = 3
                #expect(try await api.send(.PUT, path, json: body, headers: own).status == .forbidden)
                #expect(try await api.send(.POST, "/api/v1/meetings", json: body, headers: own).status == .forbidden)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "meeting").count() == 3)
            }
        }

        @Test func aQuarterWithoutAMeetingIsWarnedOfOnTheListAndTheStartPage() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.kmc])
                let today = CivilDay(Date(), timeZone: world.zone)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let missing = MeetingCalendar.quartersWithout(held: [], today: today)
                #expect(missing.count == 4)
                let list = try await kmc.get("/meetings").body.string
                let start = try await kmc.get("/").body.string
                for quarter in missing {
                    let warning = MeetingWords.quarterWithout(quarter.quarter, year: quarter.year)
                    #expect(list.contains(warning) && start.contains(warning))
                }
            }
        }
    }
}
