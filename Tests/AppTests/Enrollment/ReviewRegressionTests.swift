import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Regressions for the defects a review of the enrolment work found (issue 3).
extension AppTests {
    @Suite struct EnrollmentReviewTests {
        /// «Информатика-10» of the list world (`EnrollmentListTests.setUp`) with one student seated and no place left,
        /// and two tenth-graders of «Школа № 1» outside it.
        static func fullGroup(_ app: Application) async throws -> (EnrollmentListTests.Setup, Student, Student) {
            let setup = try await EnrollmentListTests.setUp(app)
            let seated = try await setup.world.students(at: setup.school1, count: 1, from: 9)
            try await setup.world.enroll(seated, in: setup.info)
            try await setup.world.fill(setup.info)
            let outside = try await setup.world.students(at: setup.school1, count: 2)
            return (
                setup, try #require(try await Student.find(outside[0], on: app.db)),
                try #require(try await Student.find(outside[1], on: app.db))
            )
        }

        @Test func aWaitingStudentWithWithdrawnConsentIsNotPromoted() async throws {
            try await withApp { app in
                let (world, first, second) = try await Self.fullGroup(app)
                let group = world.info
                #expect(
                    try await EnrollmentService.enroll(studentID: first.id!, groupID: group.id!, app: app, req: nil)
                        == .waitlisted(position: 1))
                #expect(
                    try await EnrollmentService.enroll(studentID: second.id!, groupID: group.id!, app: app, req: nil)
                        == .waitlisted(position: 2))
                first.consentWithdrawnAt = Date()
                try await first.save(on: app.db)
                let seated = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$status == "enrolled"
                    )
                    .first())
                try await EnrollmentService.withdraw(enrollmentID: seated.id!, app: app, req: nil)
                let firstPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == first.id!).filter(
                        \.$group.$id == group.id!
                    )
                    .first())
                let secondPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == second.id!).filter(
                        \.$group.$id == group.id!
                    )
                    .first())
                #expect(firstPlace.status == "waitlisted" && secondPlace.status == "enrolled")
            }
        }

        /// The consent rule of each way in holds when a waiting place becomes a seat: a child the centre put on the
        /// list whose school has no consent on record stays waiting; a child who came by an ИУП moves up.
        @Test func aWaitingStudentPlacedWithoutRecordedConsentIsNotPromoted() async throws {
            try await withApp { app in
                let (world, first, second) = try await Self.fullGroup(app)
                let group = world.info
                #expect(
                    try await EnrollmentService.enroll(studentID: first.id!, groupID: group.id!, app: app, req: nil)
                        == .waitlisted(position: 1))
                #expect(
                    try await EnrollmentService.enroll(
                        studentID: second.id!, groupID: group.id!, source: .application, app: app, req: nil)
                        == .waitlisted(position: 2))
                for student in [first, second] {
                    student.consentOn = nil
                    student.consentBy = nil
                    try await student.save(on: app.db)
                }
                let seated = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$status == "enrolled"
                    )
                    .first())
                try await EnrollmentService.withdraw(enrollmentID: seated.id!, app: app, req: nil)
                let firstPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == first.id!).filter(
                        \.$group.$id == group.id!
                    )
                    .first())
                let secondPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == second.id!).filter(
                        \.$group.$id == group.id!
                    )
                    .first())
                #expect(firstPlace.status == "waitlisted" && secondPlace.status == "enrolled")
            }
        }

        @Test func aNewConsentMustNotPredateTheWithdrawal() async throws {
            try await withApp { app in
                let setup = try await EnrollmentListTests.setUp(app)
                let id = try #require(try await setup.world.students(at: setup.school1, count: 1).first)
                let child = try #require(try await Student.find(id, on: app.db))
                child.sex = Sex.male.rawValue
                child.consentWithdrawnAt = Date()
                child.consentWithdrawnBy = "Ученикова В. Н."
                try await child.save(on: app.db)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let url = "/students/\(id.uuidString.lowercased())/edit"
                _ = try await school.get(url)
                var form = AppTests.GuardianTests.form(child)
                form["consentOn"] = "01.01.2015"
                form["consentBy"] = "Ученикова В. Н., мать"
                form["version"] = String(child.version)
                let early = try await school.post(url, form)
                #expect(early.status == .unprocessableEntity && early.body.string.contains("не раньше отзыва"))
                #expect(try #require(try await Student.find(id, on: app.db)).consentWithdrawnAt != nil)
            }
        }

        @Test func aStudentWithWithdrawnConsentDoesNotStopTheDistribution() async throws {
            try await withApp { app in
                // setup: a ranked campaign closed an hour ago, three confirmed applications for the two groups
                let setup = try await EnrollmentListTests.setUp(app)
                let programs = try await NetworkProgram.query(on: app.db).all()
                let campaign = try await setup.world.campaign(
                    "Профильная смена «Олимпиадный резерв»", mode: .ranked, programs: programs, open: false)
                let students = try await setup.world.students(at: setup.school1, count: 3)
                var applications: [CourseApplication] = []
                for student in students {
                    applications.append(
                        try await setup.world.application(
                            in: campaign, for: student, choices: [setup.info, setup.math], confirmed: true))
                }
                let application = applications[0]
                let withdrawn = try #require(try await Student.find(students[0], on: app.db))
                withdrawn.consentWithdrawnAt = Date()
                try await withdrawn.save(on: app.db)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(
                    try await kmc.post("/campaigns/\(campaign.id!.uuidString.lowercased())/distribute", [:]).status
                        == .seeOther)
                #expect(try await EnrollmentCampaign.find(campaign.id, on: app.db)?.distributedAt != nil)
                #expect(try await CourseApplication.find(application.id, on: app.db)?.state == "expired")
                let choices = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id == application.id!
                ).all()
                #expect(choices.count == 2 && choices.allSatisfy { $0.outcome == "unused" })
                // The others are placed.
                for other in applications.dropFirst() {
                    #expect(try await CourseApplication.find(other.id, on: app.db)?.state == "distributed")
                }
                // A distributed application is no longer the school's to refuse.
                let placed = applications[1]
                await #expect(throws: AppError.self) {
                    try await ApplicationService.refuseBySchool(
                        placed.id!, comment: "поздно", req: Request(application: app, on: app.eventLoopGroup.next()))
                }
            }
        }

        @Test func aListIsAcceptedOnceAndCannotChangeOnceSent() async throws {
            try await withApp { app in
                let setup = try await EnrollmentListTests.setUp(app)
                let students =
                    try await setup.world.students(at: setup.school1, count: 2)
                    + setup.world.students(at: setup.school3, count: 1, from: 2)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let url = try await AppTests.EnrollmentListTests.draft(
                    app, &kmc, group: try setup.info.requireID(), students: Array(students.prefix(2)))
                _ = try await kmc.get(url)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                _ = try await kmc.get(url)
                #expect(
                    try await kmc.post(url + "/add", ["student": students[2].uuidString.lowercased()]).status
                        == .conflict)
                #expect(try await EnrollmentListItem.query(on: app.db).count() == 2)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(url)
                let before = try #require(try await StudyGroup.find(setup.info.id, on: app.db)).enrolledCount
                #expect(try await head.post(url + "/accept", [:]).status == .seeOther)
                #expect(try await head.post(url + "/accept", [:]).status == .conflict)
                #expect(try await head.post(url + "/return", ["comment": "передумали"]).status == .conflict)
                #expect(try #require(try await StudyGroup.find(setup.info.id, on: app.db)).enrolledCount == before + 2)
            }
        }

        @Test func revertIsRefusedNotFailedWhenAChildIsInAListOrItsGuardianSignedUp() async throws {
            try await withApp { app in
                let setup = try await EnrollmentListTests.setUp(app)
                var browser = Browser(app)
                _ = try await browser.login("school1", password: World.password)
                #expect(try await browser.get("/students/import").status == .ok)
                let csv = AppTests.StudentImportTests.csv(["Кедров;Тимур;;12.12.2009;м;10;;;;Кедрова Анна;"])
                let url = try AppTests.StudentImportTests.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": setup.school1.uuidString], file: ("a.csv", csv)))
                _ = try await browser.get(url)
                _ = try await browser.post(url + "/commit", [:])
                let kedrov = try #require(try await Student.query(on: app.db).filter(\.$surname == "Кедров").first())
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await AppTests.EnrollmentListTests.draft(
                    app, &kmc, group: try setup.info.requireID(), students: [kedrov.id!])
                _ = try await browser.get(url + "/revert")
                let refused = try await browser.post(url + "/revert", [:])
                #expect(refused.status == .conflict && refused.body.string.contains("Кедров Тимур"))
                #expect(try await Student.find(kedrov.id, on: app.db) != nil)
            }
        }

        @Test func aPromotedHigherChoiceGivesUpTheLowerSeat() async throws {
            try await withApp { app in
                let setup = try await EnrollmentListTests.setUp(app)
                let lyceum = try await setup.world.center("Лицей № 5")
                let chemistry = try await setup.world.program(at: lyceum, "Химия в задачах")
                let g2 = try await setup.world.group(of: chemistry, "Химия-10", capacity: 16)
                let campaign = try await setup.world.campaign(
                    programs: try await NetworkProgram.query(on: app.db).all())
                let seated = try await setup.world.students(at: setup.school3, count: 1, from: 9)
                try await setup.world.enroll(seated, in: setup.info)
                try await setup.world.fill(setup.info)
                let g1 = setup.info
                let student = try #require(
                    try await Student.find(try await setup.world.students(at: setup.school1, count: 1)[0], on: app.db))
                let req = Request(application: app, on: app.eventLoopGroup.next())
                req.currentUser = nil
                let submitted = try await ApplicationService.submit(
                    campaign: campaign, student: student, choices: [g1.id!, g2.id!], guardianAgreement: "Мать",
                    submittedBy: "тест", req: req)
                #expect(submitted.choices.map(\.status) == ["waitlisted", "enrolled"])
                // A seat in the first choice frees up: the student moves up there and the second seat is given back.
                let someone = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == g1.id!).filter(
                        \.$status == "enrolled"
                    ).first())
                let g2Before = try #require(try await StudyGroup.find(g2.id, on: app.db)).enrolledCount
                #expect(g2Before == 1)
                try await EnrollmentService.withdraw(enrollmentID: someone.id!, app: app, req: nil)
                let application = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == student.id!).first())
                let after = try await ApplicationService.outcome(of: application, on: app.db)
                #expect(after.choices.map(\.status) == ["enrolled", "released"])
                #expect(try #require(try await StudyGroup.find(g2.id, on: app.db)).enrolledCount == g2Before - 1)
            }
        }
    }
}
