import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 6 (`001_4390f67d15d9225c.txt` §5.8, `003_256a4293e3c370c5.txt` §3.11): a held meeting hears a
    /// centre's year and records keep (carried into the next academic year), change (reasoning required) or end (the
    /// designation archived); once per meeting; only at a held meeting; only the municipality's designations; the
    /// centre's card shows it; the API writes and reads the same.
    @Suite struct DesignationHearingTests {
        /// The academic year after the world's, active.
        static func nextYear(_ world: World) async throws -> AcademicYear {
            let start = world.year.startsOn.addingTimeInterval(366 * 86_400)
            let first = Calendar(identifier: .gregorian).dateComponents(in: world.zone, from: start).year ?? 2100
            let next = AcademicYear(
                municipalityID: world.municipalityID, title: "\(first)/\(first + 1)", startsOn: start,
                endsOn: start.addingTimeInterval(360 * 86_400), isCurrent: false)
            try await world.insertActive(next)
            return next
        }

        static func designation(_ organization: UUID, on db: any Database) async throws -> ResourceCenter {
            try #require(try await ResourceCenter.query(on: db).filter(\.$organization.$id == organization).first())
        }

        @Test func aHeldMeetingKeepsOneCentreAndEndsAnother() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .centre1])
                let other = try await world.center("Центр № 9")
                let next = try await Self.nextYear(world)
                let meeting = try await world.meeting(members: try await world.kmcMembers(1), decisions: 0)
                let path = SiteURL.meeting(try meeting.requireID()).path
                let kept = try await Self.designation(cast.center, on: app.db)
                let ended = try await Self.designation(other, on: app.db)
                let keptID = try kept.requireID().uuidString.lowercased()
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get(path).body.string
                #expect(page.contains(HearingWords.add) && page.contains(keptID))
                // A change without saying what changes: refused beside the field, nothing written.
                let bare = try await kmc.post(
                    path + "/hearings", values: ["center": [keptID], "decision": ["change"], "reasoning": [""]])
                #expect(
                    bare.status == .unprocessableEntity
                        && bare.body.string.contains("Укажите, какие функции и направления деятельности меняются."))
                #expect(try await DesignationHearing.query(on: app.db).count() == 0)
                // Keep: the designation carries into the next year with its subjects' settings.
                let keep = try await kmc.post(
                    path + "/hearings",
                    values: ["center": [keptID], "decision": ["keep"], "reasoning": ["Программа выполнена."]])
                #expect(keep.status == .seeOther)
                let hearing = try #require(try await DesignationHearing.query(on: app.db).first())
                let carried = try #require(try await ResourceCenter.find(hearing.$nextCenter.id, on: app.db))
                let nextID = try next.requireID()
                #expect(
                    carried.$organization.id == cast.center && carried.$academicYear.id == nextID
                        && carried.status == RecordStatus.active.rawValue && carried.decreeNumber == nil)
                let shown = try await kmc.get(path).body.string
                #expect(shown.contains(HearingWords.carried(next.title)) && shown.contains("Программа выполнена."))
                // Heard: no longer offered at this meeting.
                #expect(!shown.contains("value=\"\(keptID)\""))
                // Twice at one meeting: refused.
                let twice = try await kmc.post(
                    path + "/hearings", values: ["center": [keptID], "decision": ["keep"], "reasoning": [""]])
                #expect(twice.status == .unprocessableEntity && twice.body.string.contains(HearingWords.twice))
                // End: the designation is archived, its card says why; its analytic note stays on the list.
                _ = try await world.analyticNote(at: other)
                let endID = try ended.requireID().uuidString.lowercased()
                let end = try await kmc.post(
                    path + "/hearings",
                    values: ["center": [endID], "decision": ["end"], "reasoning": ["Программа не востребована."]])
                #expect(end.status == .seeOther)
                let archived = try #require(try await ResourceCenter.find(ended.requireID(), on: app.db))
                #expect(archived.status == RecordStatus.archived.rawValue && archived.version == 2)
                let card = try await kmc.get(SiteURL.record(.resourceCenters, try ended.requireID()).path).body.string
                #expect(
                    card.contains(HearingWords.cardHeading) && card.contains(DesignationDecision.end.title)
                        && card.contains("Программа не востребована."))
                let notes = try await kmc.get("/analytic-notes").body.string
                #expect(notes.contains("Центр № 9"))
                // An archived designation is not offered and not accepted again.
                let again = try await kmc.post(
                    path + "/hearings", values: ["center": [endID], "decision": ["keep"], "reasoning": [""]])
                #expect(again.status == .unprocessableEntity && again.body.string.contains(HearingWords.chooseCenter))
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "resource_center").all()
                #expect(audited.count == 3)  // the carried designation made, the kept one's decision, the archive
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "meeting").count() == 2)
                // The meeting decided on centres: it cannot be made planned or cancelled afterwards.
                _ = try await kmc.get(path + "/edit")
                let cancelled = try await kmc.post(
                    path,
                    values: [
                        "version": ["1"], "day": [meeting.day.formatted], "title": [meeting.title],
                        "agenda": [meeting.agenda], "status": ["cancelled"],
                        "members": try await MeetingParticipant.query(on: app.db).all().map {
                            $0.$member.id.uuidString
                        },
                    ])
                #expect(
                    cancelled.status == .unprocessableEntity && cancelled.body.string.contains(HearingWords.heldStays))
                // The centre's head reads the meeting but records nothing.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(!(try await head.get(path).body.string.contains(HearingWords.add)))
                let refused = try await head.post(
                    path + "/hearings", values: ["center": [keptID], "decision": ["keep"], "reasoning": [""]])
                #expect(refused.status == .forbidden)
            }
        }

        @Test func onlyAHeldMeetingHearsAndOnlyItsMunicipalitysCentres() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let elsewhere = try await World.make(app, name: "Соседний округ")
                let foreign = try await Self.designation(try await elsewhere.center("Чужой центр"), on: app.db)
                let meeting = try await world.meeting(members: try await world.kmcMembers(1), decisions: 0)
                let path = SiteURL.meeting(try meeting.requireID()).path
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get(path)
                let stranger = try await kmc.post(
                    path + "/hearings",
                    values: [
                        "center": [try foreign.requireID().uuidString], "decision": ["keep"], "reasoning": [""],
                    ])
                #expect(
                    stranger.status == .unprocessableEntity && stranger.body.string.contains(HearingWords.chooseCenter))
                // Without a next year in the registry, keep records the decision and carries nothing.
                let own = try await Self.designation(cast.center, on: app.db)
                let kept = try await kmc.post(
                    path + "/hearings",
                    values: ["center": [try own.requireID().uuidString], "decision": ["keep"], "reasoning": [""]])
                #expect(kept.status == .seeOther)
                #expect(try await ResourceCenter.query(on: app.db).count() == 2)
                // A planned meeting hears nothing.
                meeting.status = MeetingStatus.planned.rawValue
                try await meeting.save(on: app.db)
                #expect(!(try await kmc.get(path).body.string.contains(HearingWords.add)))
                let planned = try await kmc.post(
                    path + "/hearings",
                    values: ["center": [try own.requireID().uuidString], "decision": ["end"], "reasoning": ["Нет."]])
                #expect(planned.status == .conflict)
                #expect(try await DesignationHearing.query(on: app.db).count() == 1)
            }
        }

        @Test func keepingRestoresNextYearsDesignationArchivedByHand() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let next = try await Self.nextYear(world)
                let archived = ResourceCenter()
                archived.$organization.id = cast.center
                archived.$academicYear.id = try next.requireID()
                archived.directions = ""
                archived.profiles = ""
                try await world.insertActive(archived)
                archived.status = RecordStatus.archived.rawValue
                try await archived.save(on: app.db)
                let meeting = try await world.meeting(members: try await world.kmcMembers(1), decisions: 0)
                let own = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center)
                        .filter(\.$academicYear.$id == world.yearID).first())
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let path = SiteURL.meeting(try meeting.requireID()).path
                _ = try await kmc.get(path)
                let kept = try await kmc.post(
                    path + "/hearings",
                    values: ["center": [try own.requireID().uuidString], "decision": ["keep"], "reasoning": [""]])
                #expect(kept.status == .seeOther)
                let restored = try #require(try await ResourceCenter.find(archived.requireID(), on: app.db))
                #expect(restored.status == RecordStatus.active.rawValue && restored.version == 2)
                let hearing = try #require(try await DesignationHearing.query(on: app.db).first())
                #expect(hearing.$nextCenter.id == archived.id)
                #expect(try await ResourceCenter.query(on: app.db).count() == 2)
            }
        }

        struct NewHearing: Content {
            var centerId: String?
            var decision: String?
            var reasoning: String?
        }

        @Test func theAPIRecordsAHearingAndReadsItWithTheMeeting() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1])
                let meeting = try await world.meeting(members: try await world.kmcMembers(1), decisions: 0)
                let id = try meeting.requireID()
                let center = try await Self.designation(cast.center, on: app.db).requireID()
                let auth: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let bare = try await api.send(
                    .POST, "/api/v1/meetings/\(id)/hearings",
                    json: NewHearing(centerId: center.uuidString, decision: "change"), headers: auth)
                #expect(bare.status == .unprocessableEntity && bare.body.string.contains("\"reasoning\""))
                let wrong = try await api.send(
                    .POST, "/api/v1/meetings/\(id)/hearings", json: NewHearing(centerId: "x", decision: "stay"),
                    headers: auth)
                #expect(
                    wrong.status == .unprocessableEntity && wrong.body.string.contains("\"centerId\"")
                        && wrong.body.string.contains("\"decision\""))
                let made = try await api.send(
                    .POST, "/api/v1/meetings/\(id)/hearings",
                    json: NewHearing(
                        centerId: center.uuidString, decision: "change",
                        reasoning: "Добавить направление «Робототехника»."),
                    headers: auth)
                #expect(made.status == .created && made.body.string.contains("\"decision\":\"change\""))
                let one = try await api.send(.GET, "/api/v1/meetings/\(id)", headers: auth).body.string
                #expect(one.contains("\"hearings\"") && one.contains("Робототехника"))
                let headAuth: HTTPHeaders = [
                    "Authorization": "Bearer \(try await directToken(app, username: "centre1"))"
                ]
                let refused = try await api.send(
                    .POST, "/api/v1/meetings/\(id)/hearings",
                    json: NewHearing(centerId: center.uuidString, decision: "keep"), headers: headAuth)
                #expect(refused.status == .forbidden)
            }
        }
    }
}
