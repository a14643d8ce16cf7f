import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

extension World {
    /// A record behind every GET of the API, for reading each answer against its declared schema: the cast's centre
    /// and school with a teacher, a room and an agreement, a finished group of a past year with lessons, marks, results
    /// and certificates, an open group with an application in a campaign, and a signed order.
    struct APIFixture {
        /// The id each detail path (`/groups/{id}`) reads, by its first segment; `group` for the lists' filter.
        var ids: [String: UUID]
        var certificateNumber: String
        var certificateCode: String
    }

    func apiFixture() async throws -> APIFixture {
        let cast = try await cast([.kmc])
        let teacher = try await staff("Учителев", at: [cast.center])
        let room = try await room(at: cast.center, "Кабинет № 12")
        let agreement = try await agreement(.schoolCenter, cast.school, cast.center, number: "12-с")
        let students = try await students(at: cast.school, count: 2)
        let finished = try await finishedGroup(
            at: cast.center, "Физика-11", year: try await pastYear(), teacher: teacher,
            attendance: [students[0]: [.present, .absent], students[1]: [.present, .present]],
            passed: [students[0]: true, students[1]: true])
        let certificates = try await issueCertificates(finished)
        let certificate = try #require(certificates.first)
        let program = try await program(at: cast.center, "Робототехника")
        let open = try await group(of: program, "Робототехника-10")
        try await application(in: try await campaign(programs: [program]), for: students[0], choices: [open])
        let order = try await signedOrder(
            .organization, year: year, number: "15", on: CivilDay(year.startsOn, timeZone: zone))
        let center = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
        let olympiad = try await contest("Всероссийская олимпиада школьников")
        let stage = try await edition(of: olympiad)
        let achievement = try await achievement(
            of: students[0], in: stage, subject: try await olympiadSubject("физика"))
        let math = try await olympiadSubject("математика")
        let municipal = try await olympiadStage(math, olympiad: olympiad, grades: [10: ("10;10;20", 20)])
        try await participant(of: students[0], in: municipal, code: "М-01", grade: 10, scores: [8, 7, 10])
        let measure = try await supportMeasure(of: students[0], kind: .grant)
        let (route, _) = try await individualRoute(of: students[0])
        let plan = try await plan(at: cast.center)
        let reports = try await reportCampaign(of: [cast.center])
        let meeting = try await meeting(members: try await kmcMembers(2))
        try await hearing(of: cast.center, at: meeting)
        let activityProgram = try await activityProgram(at: cast.center, status: .agreed, versions: 2)
        let assignment = try await assignment(to: cast.center)
        let note = try await analyticNote(at: cast.center)
        let event = try await event(at: cast.center, "Семинар «Проекты»")
        _ = try await registration(of: students[0], at: try event.requireID())
        return APIFixture(
            ids: [
                "organizations": cast.school, "resource-centers": try center.requireID(),
                "agreements": try agreement.requireID(), "staff": try teacher.requireID(),
                "rooms": try room.requireID(),
                "students": students[0], "programs": try program.requireID(), "groups": try finished.requireID(),
                "orders": try order.requireID(), "group": try finished.requireID(),
                "contests": try olympiad.requireID(), "achievements": try achievement.requireID(),
                "olympiad-stages": try municipal.requireID(), "support-measures": try measure.requireID(),
                "individual-routes": try route.requireID(), "plans": try plan.plan.requireID(),
                "plan-items": try plan.items[0].requireID(), "report-campaigns": reports.campaign,
                "reports": reports.reports[0], "meetings": try meeting.requireID(),
                "activity-programs": try activityProgram.requireID(), "assignments": try assignment.requireID(),
                "analytic-notes": try note.requireID(), "roadmap-templates": try await customTemplate().requireID(),
                "report-forms": try await customReportForm().requireID(), "events": try event.requireID(),
                "teachers": try teacher.requireID(),
                "professional-development": try await course(of: try teacher.requireID(), completed: false).id!,
                "awards": try await awardRound().id!, "budget-lines": try await budgetLine().id!,
            ], certificateNumber: certificate.number, certificateCode: certificate.verificationCode)
    }
}
