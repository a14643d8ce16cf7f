import Domain
import Fluent
import Foundation
import Testing
import Vapor
import Views

@testable import App

/// Builders of governing records (issue 22): the КМЦ's members and its meetings.
extension World {
    /// `count` members of the КМЦ for this academic year; their ids.
    func kmcMembers(_ count: Int) async throws -> [UUID] {
        var ids: [UUID] = []
        for index in 0..<count {
            let member = KmcMember()
            member.$municipality.id = municipalityID
            member.fullName = "Советова Инна \(index + 1)"
            member.position = "методист"
            member.kmcRole = (index == 0 ? KmcRole.head : .member).rawValue
            member.termFrom = year.startsOn
            member.termTo = year.endsOn
            member.searchKey = TextKey.search(member.fullName)
            member.sortKey = TextKey.sort(member.fullName)
            try await insertActive(member)
            ids.append(try member.requireID())
        }
        return ids
    }

    /// A meeting held today with the members invited (the first present) and `decisions` decisions, each with a
    /// deadline a month ahead.
    func meeting(members: [UUID], decisions: Int = 1) async throws -> Meeting {
        let today = CivilDay(Date(), timeZone: zone)
        let meeting = Meeting()
        meeting.$municipality.id = municipalityID
        meeting.heldOn = today.number
        meeting.title = "Совещание КМЦ"
        meeting.agenda = "1. Итоги"
        meeting.status = MeetingStatus.held.rawValue
        meeting.minutes = "Решили: принять к сведению."
        meeting.createdBy = "kmc"
        meeting.createdAt = Date()
        meeting.updatedBy = "kmc"
        meeting.updatedAt = Date()
        meeting.version = 1
        try await meeting.create(on: app.db)
        for (index, member) in members.enumerated() {
            let participant = MeetingParticipant()
            participant.$meeting.id = try meeting.requireID()
            participant.$member.id = member
            participant.present = index == 0
            try await participant.create(on: app.db)
        }
        try await MeetingsController.writeDecisions(
            (0..<decisions).map {
                MeetingDecision(text: "Решение \($0 + 1)", responsible: "КМЦ", dueOn: today.adding(days: 30))
            }, meeting: meeting, user: "kmc", on: app.db)
        return meeting
    }

    /// A template of the municipality's own, at version 1, with two measures.
    func customTemplate(title: String = "План работы КМЦ") async throws -> CustomTemplate {
        let template = CustomTemplate()
        template.$municipality.id = municipalityID
        template.title = title
        template.body =
            "# Организационные мероприятия\n1; Заседание рабочей группы; сентябрь; Утверждение состава; до 15.09\n"
            + "2; Отчёт о работе за квартал; до 5 числа месяца, следующего за кварталом; ; ; да"
        template.status = RecordStatus.active.rawValue
        (template.createdBy, template.createdAt, template.updatedBy, template.updatedAt, template.version) =
            ("admin", Date(), "admin", Date(), 1)
        try await template.create(on: app.db)
        try await RoadmapsController.keepVersion(template, user: "admin", on: app.db)
        return template
    }

    static let reportFormBody =
        "Родителей на собраниях; число; чел.; да\nДоля довольных занятиями; доля; %\n> По анкете.\n"
        + "Мероприятия для родителей; таблица: Мероприятие, Дата, Участников; ; да\nОхват; число; чел.; ; обучающиеся"

    /// A report form of the municipality's own, at version 1, with four indicators.
    func customReportForm(title: String = "Работа с родителями") async throws -> CustomReportForm {
        let form = CustomReportForm()
        form.$municipality.id = municipalityID
        (form.title, form.body, form.status) = (title, Self.reportFormBody, RecordStatus.active.rawValue)
        (form.createdBy, form.createdAt, form.updatedBy, form.updatedAt, form.version) =
            ("admin", Date(), "admin", Date(), 1)
        try await form.create(on: app.db)
        try await ReportFormsController.keepVersion(form, user: "admin", on: app.db)
        return form
    }

    /// The centre's designation of this year heard at the meeting with a decision to keep its status.
    func hearing(of center: UUID, at meeting: Meeting) async throws {
        let designation = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == center).first())
        let hearing = DesignationHearing()
        hearing.$municipality.id = municipalityID
        hearing.$center.id = try designation.requireID()
        hearing.$meeting.id = try meeting.requireID()
        hearing.decision = DesignationDecision.keep.rawValue
        hearing.reasoning = "Программа выполнена."
        hearing.createdBy = "kmc"
        hearing.createdAt = Date()
        try await hearing.create(on: app.db)
    }
}

extension World {
    /// A work plan of `rows` rows and a working group, every section written, for the year of `World.year`.
    func programContent(rows: Int) -> ActivityProgramContent {
        let startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        return ActivityProgramContent(
            texts: Dictionary(uniqueKeysWithValues: ActivityProgramSection.texts.map { ($0.rawValue, $0.title + ".") }),
            rows: (0..<rows).map {
                ActivityPlanRow(
                    activity: "Семинар \($0 + 1)", dates: "октябрь", responsible: "Методистова А. А.",
                    partners: "Колледж", dueOn: CivilDay(year: startYear, month: 10, day: 31))
            }, group: [WorkingGroupMember(name: "Руководова Анна Ивановна", position: "директор")])
    }

    /// The activity programme of `center`'s designation in `World.year`, in `status`, with `versions` versions
    /// submitted (the last undecided when submitted).
    @discardableResult
    func activityProgram(
        at center: UUID, status: ActivityProgramStatus = .draft, rows: Int = 2, versions: Int = 0
    ) async throws -> ActivityProgram {
        let designation = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == center).first())
        let program = ActivityProgram()
        program.$municipality.id = municipalityID
        program.$organization.id = center
        program.$center.id = try designation.requireID()
        program.startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        program.status = status.rawValue
        program.content = ActivityProgram.encode(programContent(rows: rows))
        program.submittedAt = versions > 0 ? Date() : nil
        (program.createdBy, program.createdAt, program.updatedBy, program.updatedAt) = ("head", Date(), "head", Date())
        program.version = 1
        try await program.create(on: app.db)
        for number in 0..<versions {
            let version = ActivityProgramVersion()
            version.$program.id = try program.requireID()
            version.number = number + 1
            version.content = program.content
            version.submittedBy = "head"
            version.submittedAt = Date()
            let last = number == versions - 1
            version.status = (last ? status : .returned).rawValue
            version.comment = last ? nil : "Доработать раздел 3."
            try await version.create(on: app.db)
        }
        return program
    }
}

extension World {
    /// A technical assignment to `organization` over this academic year with `results` results (the standard four
    /// first), issued — its plan made — unless told otherwise.
    @discardableResult
    func assignment(to organization: UUID, issued: Bool = true, results: Int = 4) async throws -> TechnicalAssignment {
        let startYear = CivilDay(year.startsOn, timeZone: zone).ymd.year
        let standard = AssignmentDeliverable.standard(startYear: startYear)
        let assignment = TechnicalAssignment()
        assignment.id = UUID()
        assignment.$municipality.id = municipalityID
        assignment.$organization.id = organization
        assignment.apply(
            AssignmentInput(
                title: "Модель ресурсного центра", basis: nil, goals: "Цели", content: "Работа", results: "Модель",
                financing: nil, startsOn: CivilDay(year: startYear, month: 9, day: 1)!,
                endsOn: CivilDay(year: startYear + 1, month: 6, day: 30)!,
                deliverables: (0..<results).map { standard[$0 % standard.count] }))
        assignment.status = AssignmentStatus.draft.rawValue
        (assignment.createdBy, assignment.createdAt, assignment.updatedBy, assignment.updatedAt) =
            ("kmc", Date(), "kmc", Date())
        assignment.version = 1
        if issued { try await AssignmentWrites.issue(assignment, user: "kmc", req: nil, on: app.db) }
        try await assignment.create(on: app.db)
        return assignment
    }
}

extension World {
    /// The analytic note of `center`'s designation, drafted from empty figures.
    @discardableResult
    func analyticNote(at center: UUID) async throws -> AnalyticNote {
        let designation = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == center).first())
        let note = AnalyticNote()
        note.$municipality.id = municipalityID
        note.$organization.id = center
        note.$center.id = try designation.requireID()
        note.sections = Report.encode(
            AnalyticNoteWords.draft(AnalyticFigures(), center: "Центр", startYear: 2026, asOf: "01.12.2026"))
        note.figures = AnalyticNote.encode(AnalyticFigures(groups: 1))
        note.countedAt = Date()
        (note.createdBy, note.createdAt, note.updatedBy, note.updatedAt, note.version) =
            ("head", Date(), "head", Date(), 1)
        try await note.create(on: app.db)
        return note
    }
}
