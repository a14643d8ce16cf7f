import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// What an id in a route's path names (`AuthorizationMatrixTests`): every kind exists in every side of the matrix.
enum MatrixEntity: String, CaseIterable, Sendable {
    case organization, school, center, resourceCenter, room, staff, agreement, user, roleAssignment, apiToken
    case calendarFeed, program, group, lesson, list, importBatch, busySlot, diagnostic
    case student, guardian, enrollment, application, certificate
    case subject, academicYear, kmcMember, partner, holiday, travelTime, campaign, order
    case olympiadSubject, contest, contestEdition, achievement, olympiadStage, olympiadParticipant, olympiadSession
    case supportMeasure, individualRoute, routeStep
    case plan, planItem, reportCampaign, report, meeting, activityProgram, assignment, analyticNote, customTemplate
    case customReportForm, event, eventRegistration, developmentCourse, awardRound, budgetLine, budgetEntry

    /// Kinds the municipality holds as a whole (no organisation's): one of each per municipality, shared by its sides.
    var isMunicipal: Bool {
        [
            .subject, .academicYear, .kmcMember, .partner, .holiday, .travelTime, .campaign, .order, .olympiadSubject,
            .contest, .contestEdition, .olympiadStage, .reportCampaign, .meeting, .awardRound, .budgetLine,
            .budgetEntry,
        ].contains(self)
    }

    /// Kinds that belong to one student: a classmate has their own.
    var isPersonal: Bool {
        [
            .student, .guardian, .enrollment, .application, .certificate, .achievement, .olympiadParticipant,
            .supportMeasure, .individualRoute, .routeStep, .eventRegistration,
        ].contains(self)
    }
}

/// One consistent set of ids: an organisation's records, a student's, their municipality's.
struct MatrixSide: Sendable {
    var ids: [MatrixEntity: UUID] = [:]

    func id(_ entity: MatrixEntity) throws -> UUID { try #require(ids[entity], "no \(entity) in the matrix side") }

    /// This side with the personal records of another student.
    func with(personal other: MatrixSide) -> MatrixSide {
        var copy = self
        for (entity, id) in other.ids where entity.isPersonal { copy.ids[entity] = id }
        return copy
    }
}

/// The records of one resource centre and one school of a municipality, and the people working there.
struct MatrixOrganizations: Sendable {
    var side = MatrixSide()
    let center: UUID
    let school: UUID
    let group: StudyGroup
    let program: NetworkProgram
    let headUser: UUID
    let teacherUser: UUID
    let schoolAdminUser: UUID
}

/// The builders of the authorisation matrix's world. Usernames start with `prefix`, names carry `tag`.
extension World {
    /// A centre with a room, a teacher (account, staff record, a calendar feed, an API token), its head, a programme,
    /// a group with a past lesson, a diagnostic work and a КМЦ list sent to the centre; a school with its administrator, a
    /// preview import batch and busy time; an agreement between the two.
    func matrixOrganizations(_ tag: String, users prefix: String) async throws -> MatrixOrganizations {
        let center = try await self.center("Центр \(tag)")
        let school = try await self.school("Школа \(tag)")
        let headUser = try await user("\(prefix)head", .centerHead, at: center)
        let teacherUser = try await user("\(prefix)teacher", .teacher, at: center)
        let schoolAdminUser = try await user("\(prefix)school", .schoolAdmin, at: school)
        let room = try await self.room(at: center, "Кабинет \(tag)")
        let teacher = try await staff("Педагогов\(tag)", at: [center], user: teacherUser)
        let program = try await self.program(at: center, "Программа \(tag)", grades: 9...11)
        let group = try await self.group(of: program, "Группа \(tag)")
        try await staffGroup(group, teacher: teacher, room: room.id)
        let today = CivilDay(Date(), timeZone: zone)
        let lesson = try await self.lesson(of: group, on: max(today.adding(days: -7), yearDays.lowerBound))
        var side = MatrixSide()
        side.ids[.organization] = center
        side.ids[.center] = center
        side.ids[.school] = school
        side.ids[.resourceCenter] = try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == center)
            .first()?.id
        side.ids[.room] = room.id
        side.ids[.staff] = teacher.id
        side.ids[.agreement] = try await agreement(.schoolCenter, school, center, number: "Д-\(tag)").id
        side.ids[.user] = teacherUser
        side.ids[.roleAssignment] = try await RoleAssignment.query(on: app.db).filter(\.$user.$id == teacherUser)
            .first()?.id
        side.ids[.apiToken] = try await matrixToken(of: teacherUser)
        side.ids[.calendarFeed] = try await matrixFeed(of: teacherUser, staff: try teacher.requireID())
        side.ids[.program] = program.id
        side.ids[.group] = group.id
        side.ids[.lesson] = lesson.id
        side.ids[.list] = try await matrixList(for: group)
        side.ids[.importBatch] = try await matrixImportBatch(at: school)
        try await busyTime(at: school, grades: [9, 10], weekdays: [1], from: 8 * 60, to: 14 * 60)
        side.ids[.busySlot] = try await BusySlotRecord.query(on: app.db).filter(\.$school.$id == school).first()?.id
        side.ids[.diagnostic] = try await matrixDiagnostic(of: group)
        return MatrixOrganizations(
            side: side, center: center, school: school, group: group, program: program, headUser: headUser,
            teacherUser: teacherUser, schoolAdminUser: schoolAdminUser)
    }

    /// The municipality's own records: a subject, the current year, a КМЦ member, a partner, a holiday, a travel time,
    /// an open campaign of the programmes, a draft order.
    func matrixMunicipal(_ tag: String, programs: [NetworkProgram], from school: UUID, to center: UUID) async throws
        -> MatrixSide
    {
        var side = MatrixSide()
        side.ids[.subject] = try await subject("Предмет \(tag)").id
        side.ids[.academicYear] = yearID
        let member = KmcMember()
        member.$municipality.id = municipalityID
        member.fullName = "Членова Анна \(tag)"
        member.position = "методист"
        member.kmcRole = KmcRole.allCases[0].rawValue
        member.termFrom = year.startsOn
        member.termTo = year.endsOn
        member.searchKey = TextKey.search(member.fullName)
        member.sortKey = TextKey.sort(member.fullName)
        try await insertActive(member)
        side.ids[.kmcMember] = member.id
        side.ids[.partner] = try await partner(of: try await organization(.college, "Колледж \(tag)")).id
        try await holiday("Каникулы \(tag)", yearDays.upperBound.adding(days: -3), yearDays.upperBound)
        side.ids[.holiday] = try await HolidayPeriodRecord.query(on: app.db).filter(
            \.$municipality.$id == municipalityID
        )
        .first()?.id
        let travel = TravelTimeRecord()
        travel.$municipality.id = municipalityID
        travel.$from.id = school
        travel.$to.id = center
        travel.minutes = 20
        try await insertActive(travel)
        side.ids[.travelTime] = travel.id
        side.ids[.campaign] = try await campaign("Запись \(tag)", programs: programs, maxCourses: 2).id
        side.ids[.order] = try await matrixDraftOrder()
        side.ids[.olympiadSubject] = try await olympiadSubject("физика").id
        let contest = try await contest("Олимпиада \(tag)")
        side.ids[.contest] = contest.id
        side.ids[.contestEdition] = try await edition(of: contest).id
        side.ids[.olympiadStage] = try await olympiadStage(
            try await olympiadSubject("математика"), olympiad: try await self.contest("ВсОШ \(tag)"),
            grades: [8: ("10;10;20", 20), 10: ("10;10;20", 20)]
        ).id
        side.ids[.awardRound] = try await awardRound().id
        let line = try await budgetLine()
        side.ids[.budgetLine] = line.id
        side.ids[.budgetEntry] = try await budgetEntry(of: line).id
        return side
    }

    /// A student of `school` with a guardian (accounts when usernames are given), an application in `campaign` that
    /// took a seat in `group`, and a certificate of that group.
    func matrixStudent(
        _ surname: String, at school: UUID, in group: StudyGroup, campaign: UUID, account: String?,
        guardianAccount: String?, sequence: Int
    ) async throws -> MatrixSide {
        let student = try await self.student(at: school, surname, "Тест", born: "14.03.2010")
        let studentID = try student.requireID()
        if let account { try await studentAccount(account, of: studentID) }
        let guardian = try await self.guardian(
            of: studentID, "\(surname)а Мать Тестовна", account: guardianAccount)
        let campaign = try #require(try await EnrollmentCampaign.find(campaign, on: app.db))
        let application = try await self.application(in: campaign, for: studentID, choices: [group])
        var side = MatrixSide()
        side.ids[.student] = studentID
        side.ids[.guardian] = guardian.id
        side.ids[.application] = application.id
        side.ids[.enrollment] = try await Enrollment.query(on: app.db).filter(\.$student.$id == studentID)
            .filter(\.$group.$id == group.requireID()).first()?.id
        side.ids[.certificate] = try await matrixCertificate(student, group: group, sequence: sequence)
        let contest = try await contest("Конкурс \(surname)", kind: .contest, level: .regional)
        let achievement = try await achievement(of: studentID, in: try await edition(of: contest))
        try await document(of: achievement)
        side.ids[.achievement] = achievement.id
        // In the databank by the КМЦ's decision too, so the decision's routes have one to reach.
        let decision = GiftedDecision()
        decision.$municipality.id = municipalityID
        decision.$school.id = school
        decision.$student.id = studentID
        decision.reason = "Решение КМЦ"
        decision.decidedBy = "kmc"
        decision.decidedAt = Date()
        try await decision.create(on: app.db)
        let stage = try #require(
            try await OlympiadStage.query(on: app.db).filter(\.$municipality.$id == municipalityID).first())
        side.ids[.olympiadParticipant] = try await participant(
            of: studentID, in: stage, code: "К-\(sequence)", grade: 10, scores: [5, 5, 5]
        ).id
        side.ids[.supportMeasure] = try await supportMeasure(of: studentID).id
        let (route, step) = try await individualRoute(of: studentID)
        side.ids[.individualRoute] = route.id
        side.ids[.routeStep] = step?.id
        return side
    }

    /// A quarterly report campaign of the municipality with a report of each organisation: the campaign's id and the
    /// reports' ids in the organisations' order.
    func reportCampaign(of organizations: [UUID]) async throws -> (campaign: UUID, reports: [UUID]) {
        let orgs = try await Organization.query(on: app.db).filter(\.$id ~~ organizations).all()
        let year = CivilDay(Date(), timeZone: zone).ymd.year
        let campaign = try await ReportCampaignsController.announce(
            .quarterly, year: year, quarter: 1, period: try #require(ReportPeriod.quarter(1, of: year)),
            organizations: orgs, municipalityID: municipalityID, username: "admin", req: nil, on: app.db)
        let reports = try await Report.query(on: app.db).filter(\.$campaign.$id == campaign.requireID()).all()
        return (
            try campaign.requireID(),
            try organizations.map { org in try #require(reports.first { $0.$organization.id == org }).requireID() }
        )
    }

    /// The centre's plan for this year and its first item of the centre's side (with an evidence file).
    func matrixPlan(at center: UUID) async throws -> (plan: UUID, item: UUID) {
        let made = try await plan(at: center)
        let item = try #require(made.items.first { $0.itemSide == .center })
        try await evidence(of: item)
        return (try made.plan.requireID(), try item.requireID())
    }

    /// A preparation session held by `center` in the municipality's stage (made by `matrixMunicipal`).
    func matrixSession(at center: UUID) async throws -> UUID? {
        let stage = try #require(
            try await OlympiadStage.query(on: app.db).filter(\.$municipality.$id == municipalityID).first())
        return try await trainingSession(in: stage, at: center).id
    }
}
