import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// The first-application path of `POST /api/v1/applications` runs without Fluent (the SQLite writer or a raw
/// PostgreSQL transaction): these tests check every row it writes against what the Fluent path would write, on
/// whichever database the suite runs on.
extension AppTests {
    @Suite struct ApplicationFastPathTests {
        struct In: Content {
            var campaignId: UUID
            var studentId: UUID
            var choices: [UUID]
            var guardianAgreement: String?
        }
        struct Choice: Content {
            var groupId: UUID
            var status: String
            var position: Int?
        }
        struct Out: Content {
            var status: String
            var position: Int?
            var applicationId: UUID
            var choices: [Choice]
        }

        /// The applications world (`ApplicationTests.setUp`) with its open first-come campaign taking one course, and
        /// the three groups its child (student1, guardian parent1) may choose: «Информатика-10» made full with one
        /// student seated and one waiting, «Математика-10» and «Химия-10» empty.
        static func setUp(_ app: Application) async throws -> (
            ApplicationTests.Setup, EnrollmentCampaign, Student, [StudyGroup]
        ) {
            let setup = try await ApplicationTests.setUp(app)
            let campaign = setup.open
            campaign.maxCourses = 1
            try await campaign.save(on: app.db)
            let others = try await setup.world.students(at: setup.school3, count: 2, from: 1)
            try await setup.world.enroll([others[0]], in: setup.info)
            try await setup.world.fill(setup.info)
            try await setup.world.enroll([others[1]], in: setup.info)
            let child = try #require(try await Student.find(setup.child, on: app.db))
            return (setup, campaign, child, [setup.info, setup.math, setup.chemistry])
        }

        @Test func aFirstApplicationWritesWhatTheFluentPathWrites() async throws {
            try await withApp { app in
                let (_, c, child, groups) = try await Self.setUp(app)
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "student1").first())
                let freeBefore = groups[1].enrolledCount
                let token = try await apiToken(app, "student1", password: World.password)
                var browser = Browser(app)
                let res = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(
                        campaignId: c.id!, studentId: child.id!, choices: groups.map { $0.id! },
                        guardianAgreement: nil),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(res.status == .created)
                let out = try res.content.decode(Out.self)
                #expect(out.status == "enrolled" && out.position == nil)
                #expect(out.choices.map(\.status) == ["waitlisted", "enrolled", "unused"])
                // One student was waiting in the full group before.
                #expect(out.choices[0].position == 2)
                // The application: submitted, the seat held for the campaign's days, the school's decision pending.
                let application = try #require(try await CourseApplication.find(out.applicationId, on: app.db))
                #expect(
                    application.state == "submitted" && application.schoolDecision == "pending"
                        && application.version == 1
                        && application.guardianAgreedBy == nil && application.guardianAgreedAt == nil)
                #expect(
                    application.$student.id == child.id && application.$school.id == child.$school.id
                        && application.$campaign.id == c.id)
                let hold = try #require(application.holdExpiresAt).timeIntervalSince(application.submittedAt)
                #expect(abs(hold - Double(c.confirmDays) * 86_400) < 1)
                let choices = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id == application.id!
                ).sort(
                    \.$rank
                ).all()
                #expect(choices.map(\.rank) == [1, 2, 3] && choices.map(\.$group.id) == groups.map(\.id))
                #expect(choices.map(\.outcome) == ["waitlisted", "enrolled", "unused"])
                // The places: a waiting one in the full group, a seat in the second, nothing in the third.
                let places = try await Enrollment.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                    \.$group.$id ~~ groups.map { $0.id! }
                ).all()
                #expect(places.count == 2 && places.allSatisfy { $0.source == "application" })
                #expect(places.first { $0.$group.id == groups[0].id }?.status == "waitlisted")
                #expect(places.first { $0.$group.id == groups[1].id }?.status == "enrolled")
                #expect(try await StudyGroup.find(groups[1].id, on: app.db)?.enrolledCount == freeBefore + 1)
                #expect(try await StudyGroup.find(groups[0].id, on: app.db)?.enrolledCount == groups[0].capacity)
                // One audit entry for the application and one per place, all by the token's user.
                let ids: [UUID] = [application.id!] + places.map { $0.id! }
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID ~~ ids).all()
                #expect(
                    audit.count == 3
                        && audit.allSatisfy {
                            $0.userID == user.id && $0.username == "student1" && $0.action == "create"
                        })
                #expect(
                    audit.contains {
                        $0.entityType == "application" && $0.organizationID == child.$school.id
                            && $0.municipalityID == c.$municipality.id
                    })
                #expect(audit.filter { $0.entityType == "enrollment" }.count == 2)
            }
        }

        @Test func aGuardiansAgreementIsKeptAndASecondSubmissionChangesNothing() async throws {
            try await withApp { app in
                let (_, c, child, groups) = try await Self.setUp(app)
                let token = try await apiToken(app, "parent1", password: World.password)
                var browser = Browser(app)
                // Whatever name is sent, the agreement is the signed-in guardian's, by the account's name.
                let body = In(
                    campaignId: c.id!, studentId: child.id!, choices: [groups[1].id!],
                    guardianAgreement: "Учеников Илья Петрович")
                let first = try await browser.send(
                    .POST, "/api/v1/applications", json: body, headers: ["Authorization": "Bearer \(token)"])
                #expect(first.status == .created)
                let application = try #require(
                    try await CourseApplication.find(try first.content.decode(Out.self).applicationId, on: app.db))
                #expect(
                    application.guardianAgreedBy == "Ученикова Вера Николаевна" && application.guardianAgreedAt != nil)
                let count = try #require(try await StudyGroup.find(groups[1].id, on: app.db)).enrolledCount
                // Sent again, it is the same application, and the group does not count the student twice.
                let again = try await browser.send(
                    .POST, "/api/v1/applications", json: body, headers: ["Authorization": "Bearer \(token)"])
                #expect(again.status.code < 500)
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$campaign.$id == c.id!
                    ).count() == 1)
                #expect(try await StudyGroup.find(groups[1].id, on: app.db)?.enrolledCount == count)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$group.$id == groups[1].id!
                    ).count() == 1)
            }
        }

        @Test func aTimetableClashIsRefusedAndNothingIsWritten() async throws {
            try await withApp { app in
                let (setup, campaign, child, groups) = try await Self.setUp(app)
                // setup: the child attends «Физика-10» of «Лицей № 5», which meets a week from now at 16:00; the chosen
                // group gets a lesson at the same time
                let lyceum = setup.chemistry.$organization.id
                let physics = try await setup.world.program(at: lyceum, "Физика вокруг нас")
                let attended = try await setup.world.group(of: physics, "Физика-10")
                try await setup.world.enroll([child.id!], in: attended)
                let day = CivilDay(Date(), timeZone: setup.world.zone).number + 7
                try await setup.world.lesson(
                    of: attended, on: CivilDay(number: day), at: ClockTime(minutes: 16 * 60), hours: 1)
                let chosen = groups[1]
                // Written as a row: the timetable's own checks (teachers, rooms, home schools) are TimetableTests'
                // business.
                try await setup.world.lesson(
                    of: chosen, on: CivilDay(number: day), at: ClockTime(minutes: 16 * 60), hours: 1)
                let before = try #require(try await StudyGroup.find(chosen.id, on: app.db)).enrolledCount
                let token = try await apiToken(app, "student1", password: World.password)
                let audit = try await AuditEntry.query(on: app.db).count()
                // act
                var browser = Browser(app)
                let res = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(
                        campaignId: campaign.id!, studentId: child.id!, choices: [chosen.id!], guardianAgreement: nil),
                    headers: ["Authorization": "Bearer \(token)"])
                // check: refused with the student's own other group named, nothing written
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("timetable_clash") && res.body.string.contains("«\(attended.name)»"))
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$campaign.$id == campaign.id!
                    ).count() == 0)
                #expect(try await StudyGroup.find(chosen.id, on: app.db)?.enrolledCount == before)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$group.$id == chosen.id!
                    ).count() == 0)
                #expect(try await AuditEntry.query(on: app.db).count() == audit)
            }
        }

        @Test func twoChoicesThatClashWithEachOtherAreRefusedTogether() async throws {
            try await withApp { app in
                let (setup, campaign, child, groups) = try await Self.setUp(app)
                campaign.maxCourses = 2
                try await campaign.save(on: app.db)
                // setup: the second and third groups, both with free places, meet at the same hour a week from now
                let day = CivilDay(Date(), timeZone: setup.world.zone).number + 7
                for group in groups[1...2] {
                    try await setup.world.lesson(
                        of: group, on: CivilDay(number: day), at: ClockTime(minutes: 20 * 60), hours: 1)
                }
                let counts = try await groups.asyncMap {
                    try #require(try await StudyGroup.find($0.id, on: app.db)).enrolledCount
                }
                let token = try await apiToken(app, "student1", password: World.password)
                var browser = Browser(app)
                // act: a seat in the second group is taken first; the third must see it and clash with it
                let res = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(
                        campaignId: campaign.id!, studentId: child.id!, choices: [groups[1].id!, groups[2].id!],
                        guardianAgreement: nil),
                    headers: ["Authorization": "Bearer \(token)"])
                // check: refused whole, as the SQLite writer and the Fluent path refuse it
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("timetable_clash") && res.body.string.contains("«\(groups[1].name)»"))
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$campaign.$id == campaign.id!
                    ).count() == 0)
                #expect(
                    try await groups.asyncMap {
                        try #require(try await StudyGroup.find($0.id, on: app.db)).enrolledCount
                    } == counts)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$group.$id ~~ groups.map { $0.id! }
                    ).count() == 0)
            }
        }

        /// One course (on PostgreSQL one statement in `setka_enrol_one`): a full group gives a waiting place, a free
        /// one a
        /// seat, with the rows and audit entries the other paths write.
        @Test(arguments: [true, false]) func oneCourseWritesEveryRow(full: Bool) async throws {
            try await withApp { app in
                let (_, c, child, groups) = try await Self.setUp(app)
                let chosen = full ? groups[0] : groups[1]
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "student1").first())
                let waitingBefore = try await Enrollment.query(on: app.db).filter(\.$group.$id == chosen.id!).filter(
                    \.$status == "waitlisted"
                ).count()
                let before = try #require(try await StudyGroup.find(chosen.id, on: app.db))
                let token = try await apiToken(app, "student1", password: World.password)
                var browser = Browser(app)
                let res = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: c.id!, studentId: child.id!, choices: [chosen.id!], guardianAgreement: nil),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(res.status == (full ? .ok : .created))
                let out = try res.content.decode(Out.self)
                #expect(out.status == (full ? "waitlisted" : "enrolled"))
                #expect(out.position == (full ? waitingBefore + 1 : nil))
                #expect(out.choices.map(\.status) == [out.status] && out.choices.first?.groupId == chosen.id)
                let application = try #require(try await CourseApplication.find(out.applicationId, on: app.db))
                #expect(
                    application.state == "submitted" && application.schoolDecision == "pending"
                        && application.version == 1 && application.holdExpiresAt != nil
                        && application.submittedByName == user.fullName)
                let choices = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id == application.id!
                ).all()
                #expect(choices.map(\.outcome) == [out.status] && choices.map(\.rank) == [1])
                let place = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == child.id!).filter(
                        \.$group.$id == chosen.id!
                    ).first())
                #expect(place.status == out.status && place.source == "application")
                let after = try #require(try await StudyGroup.find(chosen.id, on: app.db))
                // A waiting place takes the group's next sequence number and no seat; a seat takes no number.
                #expect(place.waitlistSeq == (full ? before.waitlistSeq + 1 : nil))
                #expect(after.waitlistSeq == before.waitlistSeq + (full ? 1 : 0))
                #expect(after.enrolledCount == before.enrolledCount + (full ? 0 : 1))
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID ~~ [application.id!, place.id!])
                    .all()
                #expect(
                    audit.count == 2
                        && audit.allSatisfy {
                            $0.userID == user.id && $0.username == "student1" && $0.action == "create"
                        })
                let seat = try #require(audit.first { $0.entityType == "enrollment" })
                #expect(
                    seat.after?.contains(full ? "в листе ожидания" : "зачислен") == true
                        && seat.organizationID == chosen.$organization.id)
                #expect(audit.contains { $0.entityType == "application" && $0.organizationID == child.$school.id })
            }
        }

        /// The statement's parameter types do not depend on the values (an absent user or agreement).
        @Test(arguments: [nil, "Ученикова Вера Николаевна"] as [String?])
        func theOneCourseStatementsTypesDoNotDependOnTheValues(agreement: String?) async throws {
            try await withApp { app in
                let (_, c, child, groups) = try await Self.setUp(app)
                let campaign = try ApplicationService.SubmitFacts.Campaign(c)
                let student = try ApplicationService.SubmitFacts.StudentFacts(child)
                let group = ApplicationService.SubmitFacts.Group(
                    id: groups[1].id!, name: groups[1].name, organizationID: groups[1].$organization.id,
                    programID: groups[1].$program.id, isOpen: true, status: "active", approval: "agreed",
                    gradeFrom: 1, gradeTo: 11)
                let rows = ApplicationService.SubmissionRows(
                    campaign: campaign, student: student, ranked: [group.id], groups: [group.id: group],
                    guardianAgreement: agreement, submittedBy: "Учеников0 Тест")
                let seat = EnrollmentService.RawSeat(
                    group: group, student: student, source: .application, now: rows.now)
                let one = ApplicationService.OneCourse(rows, seat: seat, req: nil, withText: true)
                #expect(
                    one.types == ApplicationService.OneCourse.sample.types
                        && one.sql == ApplicationService.OneCourse.sample.sql)
                // A request builds only the values: of the same kinds, in the same order.
                let values = ApplicationService.OneCourse(rows, seat: seat, req: nil).binds
                #expect(
                    values.count == one.types.count
                        && values.map { ApplicationService.OneCourse.type(of: $0) }
                            == one.binds.map { ApplicationService.OneCourse.type(of: $0) }
                )
            }
        }

        /// On PostgreSQL the installed function is the one this build creates — installing it again changes nothing.
        @Test(.enabled(if: AppConfig.testing().isPostgres, "a PostgreSQL function"))
        func theInstalledOneCourseFunctionIsThisBuilds() async throws {
            try await withApp { app in
                let sql = try app.db.sql()
                func stored() async throws -> [String] {
                    try await sql.raw(
                        "SELECT prosrc FROM pg_proc WHERE proname = \(bind: ApplicationService.OneCourse.functionName)"
                    ).all()
                        .map { try $0.decode(column: "prosrc", as: String.self) }
                }
                #expect(try await stored() == [ApplicationService.OneCourse.functionBody])
                try await PostgresFunctions.install(on: sql)
                #expect(try await stored() == [ApplicationService.OneCourse.functionBody])
            }
        }
    }
}
