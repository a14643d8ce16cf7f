import AsyncHTTPClient
import Domain
import Fluent
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// An ИУП submitted again after it was closed, or choosing groups where the student already has a place: the
    /// writes go the same raw path as a first application (`ApplicationService.write`), which reopens the application,
    /// takes a withdrawn place anew and leaves a standing place as it is.
    @Suite struct ResubmissionTests {
        struct Setting {
            var campaignID: UUID
            var groups: [UUID]
            var students: [UUID]
        }

        /// A centre with an agreed programme and three open groups («Группа 1» of one seat, «Группа 2» and «Группа 3»
        /// of five), a school with three students, a first-come campaign of that programme open now (one course per
        /// student), and the users kmc (coordinator), school1 (the school's administrator) and parent1 (the guardian
        /// of all three, who submits their applications).
        static func setUp(_ app: Application) async throws -> Setting {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .school1])
            let (center, school) = (cast.center, cast.school)
            let program = try await world.program(at: center)
            var groups: [UUID] = []
            for (name, capacity) in [("Группа 1", 1), ("Группа 2", 5), ("Группа 3", 5)] {
                groups.append(try await world.group(of: program, name, capacity: capacity).requireID())
            }
            let campaign = try await world.campaign("Осенняя запись", programs: [program])
            let students = try await world.students(at: school, count: 3)
            let parent = try await world.user("parent1", .guardian)
            for student in students {
                let guardian = Guardian()
                guardian.$municipality.id = world.municipalityID
                guardian.$student.id = student
                guardian.fullName = "Тестова Мать"
                guardian.$user.id = parent
                guardian.status = RecordStatus.active.rawValue
                guardian.version = 1
                guardian.createdAt = Date()
                try await guardian.create(on: app.db)
            }
            return Setting(campaignID: try campaign.requireID(), groups: groups, students: students)
        }

        struct In: Content {
            var campaignId: UUID
            var studentId: UUID
            var choices: [UUID]
        }
        struct Choice: Content {
            var groupId: UUID
            var status: String
            var position: Int?
        }
        struct Out: Content {
            var status: String
            var applicationId: UUID
            var choices: [Choice]
        }

        static func submit(_ app: Application, token: String, _ student: UUID, _ choices: [UUID], in setting: Setting)
            async throws -> Out
        {
            var browser = Browser(app)
            let res = try await browser.send(
                .POST, "/api/v1/applications",
                json: In(campaignId: setting.campaignID, studentId: student, choices: choices),
                headers: ["Authorization": "Bearer \(token)"])
            #expect(res.status.code < 300, "\(res.body.string)")
            return try res.content.decode(Out.self)
        }

        static func cancel(_ app: Application, _ applicationID: UUID) async throws {
            var parent = Browser(app)
            _ = try await parent.login("parent1", password: World.password)
            _ = try await parent.get("/applications/\(applicationID)/cancel")
            #expect(try await parent.post("/applications/\(applicationID)/cancel").status == .seeOther)
        }

        static func count(_ groupID: UUID, _ app: Application) async throws -> Int {
            try #require(try await StudyGroup.find(groupID, on: app.db)).enrolledCount
        }

        static func places(_ student: UUID, _ groupID: UUID, _ app: Application) async throws -> [Enrollment] {
            try await Enrollment.query(on: app.db).filter(\.$student.$id == student).filter(\.$group.$id == groupID)
                .all()
        }

        @Test func aCancelledApplicationIsReopenedAndAWithdrawnPlaceTakenAnew() async throws {
            try await withApp { app in
                let setting = try await Self.setUp(app)
                let (child, g2, g3) = (setting.students[0], setting.groups[1], setting.groups[2])
                let token = try await apiToken(app, "parent1", password: World.password)
                let first = try await Self.submit(app, token: token, child, [g2], in: setting)
                #expect(first.status == "enrolled" && first.choices.map(\.status) == ["enrolled"])
                let seat = try #require(try await Self.places(child, g2, app).first)
                try await Self.cancel(app, first.applicationId)
                let cancelled = try #require(try await CourseApplication.find(first.applicationId, on: app.db))
                #expect(cancelled.state == "cancelled")
                #expect(try await Self.count(g2, app) == 0)
                #expect(try await Self.places(child, g2, app).map(\.status) == ["withdrawn"])

                // Submitted again with other choices: the same application, submitted anew, its choices replaced.
                let second = try await Self.submit(app, token: token, child, [g3, g2], in: setting)
                #expect(second.applicationId == first.applicationId)
                #expect(second.status == "enrolled" && second.choices.map(\.status) == ["enrolled", "unused"])
                let reopened = try #require(try await CourseApplication.find(first.applicationId, on: app.db))
                #expect(
                    reopened.state == "submitted" && reopened.version == cancelled.version + 1
                        && reopened.closedReason == nil && reopened.schoolDecision == "pending"
                        && reopened.holdExpiresAt != nil)
                let choices = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id == first.applicationId
                ).sort(\.$rank).all()
                #expect(choices.map(\.$group.id) == [g3, g2] && choices.map(\.outcome) == ["enrolled", "unused"])
                #expect(try await [Self.count(g3, app), Self.count(g2, app)] == [1, 0])
                #expect(try await Self.places(child, g2, app).map(\.status) == ["withdrawn"])

                // Cancelled and submitted once more for the first group: its withdrawn place is the one taken anew.
                try await Self.cancel(app, first.applicationId)
                let third = try await Self.submit(app, token: token, child, [g2], in: setting)
                #expect(third.applicationId == first.applicationId && third.choices.map(\.status) == ["enrolled"])
                let places = try await Self.places(child, g2, app)
                #expect(places.map(\.id) == [seat.id])
                #expect(
                    places.first?.status == "enrolled" && places.first?.withdrawnOn == nil
                        && places.first?.withdrawReason == nil && places.first?.source == "application")
                #expect(try await [Self.count(g2, app), Self.count(g3, app)] == [1, 0])
                // Each submission and each place taken is in the audit log.
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "create").all()
                #expect(audit.filter { $0.entityID == first.applicationId }.count == 3)
                #expect(audit.filter { $0.entityType == "enrollment" && $0.entityID == seat.id }.count == 2)
            }
        }

        @Test func placesGivenDirectlyStandWhenAnApplicationChoosesTheirGroups() async throws {
            try await withApp { app in
                let setting = try await Self.setUp(app)
                let (g1, g2) = (setting.groups[0], setting.groups[1])
                let (child, other) = (setting.students[1], setting.students[2])
                // The coordinator seats another child in the one-seat group, then this child in the second group and
                // on the first one's waiting list.
                for (student, group) in [(other, g1), (child, g2), (child, g1)] {
                    _ = try await EnrollmentService.enroll(
                        studentID: student, groupID: group, app: app, req: nil)
                }
                let token = try await apiToken(app, "parent1", password: World.password)
                let out = try await Self.submit(app, token: token, child, [g1, g2], in: setting)
                #expect(out.choices.map(\.status) == ["waitlisted", "enrolled"])
                #expect(out.choices.first?.position == 1)
                // Nothing taken twice: the counts and the places are as the coordinator left them.
                #expect(try await [Self.count(g1, app), Self.count(g2, app)] == [1, 1])
                let placed = try await Self.places(child, g2, app)
                #expect(placed.count == 1 && placed.first?.status == "enrolled" && placed.first?.source == "direct")
                let waiting = try await Self.places(child, g1, app)
                #expect(waiting.count == 1 && waiting.first?.status == "waitlisted")
                let choices = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id == out.applicationId
                ).sort(\.$rank).all()
                #expect(choices.map(\.outcome) == ["waitlisted", "enrolled"])
            }
        }

        @Test func tenResubmissionsAtOnceReopenTheApplicationOnce() async throws {
            try await withLiveApp { app, port in
                let setting = try await Self.setUp(app)
                let (child, g2, g3) = (setting.students[0], setting.groups[1], setting.groups[2])
                let token = try await apiToken(app, "parent1", password: World.password)
                let first = try await Self.submit(app, token: token, child, [g2], in: setting)
                try await Self.cancel(app, first.applicationId)
                let version = try #require(try await CourseApplication.find(first.applicationId, on: app.db)).version
                let body =
                    "{\"campaignId\":\"\(setting.campaignID)\",\"studentId\":\"\(child)\",\"choices\":[\"\(g3)\"]}"
                let answers = try await burst(
                    port: port, "/api/v1/applications", token: token, json: body, times: 10
                ).map { ($0.0, try? JSONDecoder().decode(Out.self, from: Data($0.1.utf8))) }
                #expect(answers.allSatisfy { $0.0 < 300 }, "\(answers.map(\.0))")
                #expect(
                    answers.allSatisfy {
                        $0.1?.applicationId == first.applicationId && $0.1?.choices.map(\.status) == ["enrolled"]
                    })
                let application = try #require(try await CourseApplication.find(first.applicationId, on: app.db))
                #expect(application.state == "submitted" && application.version == version + 1)
                #expect(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == first.applicationId)
                        .count() == 1)
                #expect(try await Self.count(g3, app) == 1)
                #expect(try await Self.places(child, g3, app).count == 1)
            }
        }
    }
}
