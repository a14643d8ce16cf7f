import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Regressions for the defects a review of the enrolment work found (issue 3).
extension AppTests {
    @Suite struct EnrollmentReviewTests {
        static func fill(_ app: Application, _ name: String) async throws -> StudyGroup {
            let g = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == name).first())
            g.capacity = g.enrolledCount
            try await g.save(on: app.db)
            return g
        }

        static func outsider(_ app: Application, notIn group: StudyGroup, skip: Int = 0) async throws -> Student {
            let taken = Set(
                try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).all().map { $0.$student.id })
            return try #require(
                try await Student.query(on: app.db).filter(\.$grade == 10).sort(\.$sortKey).all().filter {
                    !taken.contains($0.id!)
                }.dropFirst(skip).first)
        }

        @Test func aWaitingStudentWithWithdrawnConsentIsNotPromoted() async throws {
            try await withApp { app in
                let g = try await Self.fill(app, "Информатика-10")
                let w = try await Self.outsider(app, notIn: g)
                let v = try await Self.outsider(app, notIn: g, skip: 1)
                #expect(
                    try await EnrollmentService.enroll(studentID: w.id!, groupID: g.id!, app: app, req: nil)
                        == .waitlisted(position: 1))
                #expect(
                    try await EnrollmentService.enroll(studentID: v.id!, groupID: g.id!, app: app, req: nil)
                        == .waitlisted(position: 2))
                w.consentWithdrawnAt = Date()
                try await w.save(on: app.db)
                let seated = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == g.id!).filter(\.$status == "enrolled")
                        .first())
                try await EnrollmentService.withdraw(enrollmentID: seated.id!, app: app, req: nil)
                let wPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == w.id!).filter(\.$group.$id == g.id!)
                        .first())
                let vPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == v.id!).filter(\.$group.$id == g.id!)
                        .first())
                #expect(wPlace.status == "waitlisted" && vPlace.status == "enrolled")
            }
        }

        /// The consent rule of each way in holds when a waiting place becomes a seat: a child the centre put on the
        /// list
        /// whose school has no consent on record stays waiting; a child who came by an ИУП moves up.
        @Test func aWaitingStudentPlacedWithoutRecordedConsentIsNotPromoted() async throws {
            try await withApp { app in
                let g = try await Self.fill(app, "Информатика-10")
                let w = try await Self.outsider(app, notIn: g)
                let v = try await Self.outsider(app, notIn: g, skip: 1)
                #expect(
                    try await EnrollmentService.enroll(studentID: w.id!, groupID: g.id!, app: app, req: nil)
                        == .waitlisted(position: 1))
                #expect(
                    try await EnrollmentService.enroll(
                        studentID: v.id!, groupID: g.id!, source: .application, app: app, req: nil)
                        == .waitlisted(position: 2))
                for s in [w, v] {
                    s.consentOn = nil
                    s.consentBy = nil
                    try await s.save(on: app.db)
                }
                let seated = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == g.id!).filter(\.$status == "enrolled")
                        .first())
                try await EnrollmentService.withdraw(enrollmentID: seated.id!, app: app, req: nil)
                let wPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == w.id!).filter(\.$group.$id == g.id!)
                        .first())
                let vPlace = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == v.id!).filter(\.$group.$id == g.id!)
                        .first())
                #expect(wPlace.status == "waitlisted" && vPlace.status == "enrolled")
            }
        }

        @Test func aNewConsentMustNotPredateTheWithdrawal() async throws {
            try await withApp { app in
                let elkin = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                elkin.consentWithdrawnAt = Date()
                elkin.consentWithdrawnBy = "Ёлкина В. Н."
                try await elkin.save(on: app.db)
                var school = Browser(app)
                _ = try await school.login("school1")
                let url = "/students/\(elkin.id!.uuidString.lowercased())/edit"
                _ = try await school.get(url)
                var form = AppTests.GuardianTests.form(elkin)
                form["consentOn"] = "01.01.2015"
                form["consentBy"] = "Ёлкина В. Н., мать"
                form["version"] = String(elkin.version)
                let early = try await school.post(url, form)
                #expect(early.status == .unprocessableEntity && early.body.string.contains("не раньше отзыва"))
                #expect(try #require(try await Student.find(elkin.id, on: app.db)).consentWithdrawnAt != nil)
            }
        }

        @Test func aStudentWithWithdrawnConsentDoesNotStopTheDistribution() async throws {
            try await withApp { app in
                let c = try #require(try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "ranked").first())
                let a = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$campaign.$id == c.id!).with(\.$student)
                        .first())
                a.student.consentWithdrawnAt = Date()
                try await a.student.save(on: app.db)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                #expect(
                    try await kmc.post("/campaigns/\(c.id!.uuidString.lowercased())/distribute", [:]).status
                        == .seeOther)
                #expect(try await EnrollmentCampaign.find(c.id, on: app.db)?.distributedAt != nil)
                #expect(try await CourseApplication.find(a.id, on: app.db)?.state == "expired")
                #expect(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == a.id!).all().allSatisfy {
                        $0.outcome == "unused"
                    })
                // A distributed application is no longer the school's to refuse.
                let placed = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$campaign.$id == c.id!).filter(
                        \.$state == "distributed"
                    ).first())
                await #expect(throws: AppError.self) {
                    try await ApplicationService.refuseBySchool(
                        placed.id!, comment: "поздно", req: Request(application: app, on: app.eventLoopGroup.next()))
                }
            }
        }

        @Test func aListIsAcceptedOnceAndCannotChangeOnceSent() async throws {
            try await withApp { app in
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                let students = try await AppTests.EnrollmentListTests.seniors(app, count: 2)
                let (url, group) = try await AppTests.EnrollmentListTests.draft(app, &kmc, students: students)
                _ = try await kmc.get(url)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                let late = try await AppTests.EnrollmentListTests.seniors(app, count: 3)
                _ = try await kmc.get(url)
                #expect(
                    try await kmc.post(url + "/add", ["student": late[2].id!.uuidString.lowercased()]).status
                        == .conflict)
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get(url)
                let before = try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount
                #expect(try await head.post(url + "/accept", [:]).status == .seeOther)
                #expect(try await head.post(url + "/accept", [:]).status == .conflict)
                #expect(try await head.post(url + "/return", ["comment": "передумали"]).status == .conflict)
                #expect(try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount == before + 2)
            }
        }

        @Test func revertIsRefusedNotFailedWhenAChildIsInAListOrItsGuardianSignedUp() async throws {
            try await withApp { app in
                var (b, school) = try await AppTests.StudentImportTests.school1(app)
                let csv = AppTests.StudentImportTests.csv(["Кедров;Тимур;;12.12.2009;м;10;;;;Кедрова Анна;"])
                let url = try AppTests.StudentImportTests.batchURL(
                    try await b.upload("/students/import", ["school": school.uuidString], file: ("a.csv", csv)))
                _ = try await b.get(url)
                _ = try await b.post(url + "/commit", [:])
                let kedrov = try #require(try await Student.query(on: app.db).filter(\.$surname == "Кедров").first())
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                _ = try await AppTests.EnrollmentListTests.draft(app, &kmc, students: [kedrov])
                _ = try await b.get(url + "/revert")
                let refused = try await b.post(url + "/revert", [:])
                #expect(refused.status == .conflict && refused.body.string.contains("Кедров Тимур"))
                #expect(try await Student.find(kedrov.id, on: app.db) != nil)
            }
        }

        @Test func aPromotedHigherChoiceGivesUpTheLowerSeat() async throws {
            try await withApp { app in
                let c = try #require(
                    try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "first_come").first())
                let g1 = try await Self.fill(app, "Информатика-10")
                let g2 = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Химия-10").first())
                let s = try await Self.outsider(app, notIn: g1, skip: 3)
                let req = Request(application: app, on: app.eventLoopGroup.next())
                req.currentUser = nil
                let o = try await ApplicationService.submit(
                    campaign: c, student: s, choices: [g1.id!, g2.id!], guardianAgreement: "Мать",
                    submittedBy: "тест", req: req)
                #expect(o.choices.map(\.status) == ["waitlisted", "enrolled"])
                // A seat in the first choice frees up: the student moves up there and the second seat is given back.
                let someone = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == g1.id!).filter(
                        \.$status == "enrolled"
                    ).first())
                let g2Before = try #require(try await StudyGroup.find(g2.id, on: app.db)).enrolledCount
                try await EnrollmentService.withdraw(enrollmentID: someone.id!, app: app, req: nil)
                let a = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == s.id!).first())
                let after = try await ApplicationService.outcome(of: a, on: app.db)
                #expect(after.choices.map(\.status) == ["enrolled", "released"])
                #expect(try #require(try await StudyGroup.find(g2.id, on: app.db)).enrolledCount == g2Before - 1)
            }
        }
    }
}
