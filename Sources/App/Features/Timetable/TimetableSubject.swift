import Domain
import Fluent
import Vapor
import Views

/// Whose lessons a timetable view or a feed shows — a group, a teacher or a student — with the policy resource that
/// decides who may read them.
struct TimetableSubject {
    var kind: CalendarFeed.Kind
    var id: UUID
    var title: String
    var resource: Resource
    var municipalityID: UUID
    /// The groups whose lessons are shown (a group, or a student's groups); nil for a teacher (by the lesson's
    /// teacher).
    var groupIDs: [UUID]?
    /// The name of the subject's iCal calendar.
    var calendarName: String

    static func load(_ kind: CalendarFeed.Kind, _ id: UUID, on db: any Database) async throws -> TimetableSubject {
        switch kind {
        case .group:
            guard let group = try await StudyGroup.query(on: db).filter(\.$id == id).with(\.$program).first(),
                let center = try await Organization.find(group.$organization.id, on: db)
            else {
                throw AppError.notFound(TimetableWords.Refusal.groupNotFound)
            }
            return TimetableSubject(
                kind: kind, id: id, title: TimetableWords.groupSubject(group.name), resource: .group(center.ref),
                municipalityID: center.$municipality.id,
                groupIDs: [id],
                calendarName: CalendarFeedWords.calendarName(course: group.program.title, group: group.name))
        case .teacher:
            guard let staff = try await StaffMember.find(id, on: db) else {
                throw AppError.notFound(TimetableWords.Refusal.teacherNotFound)
            }
            let orgs = try await staff.$organizations.get(on: db)
            return TimetableSubject(
                kind: kind, id: id, title: staff.fullName,
                resource: .teacherTimetable(
                    orgs: orgs.map(\.ref), userID: staff.$user.id, municipalityID: staff.$municipality.id),
                municipalityID: staff.$municipality.id, groupIDs: nil,
                calendarName: CalendarFeedWords.calendarName(surname: staff.surname, givenName: staff.givenName))
        case .student:
            guard let student = try await Student.query(on: db).filter(\.$id == id).with(\.$school).first() else {
                throw AppError.notFound(TimetableWords.Refusal.studentNotFound)
            }
            let groups = try await Enrollment.query(on: db).filter(\.$student.$id == id).filter(
                \.$status == EnrollmentStatus.enrolled.rawValue
            ).all().map { $0.$group.id }
            return TimetableSubject(
                kind: kind, id: id, title: student.fullName,
                resource: .person(studentID: id, school: student.school.ref),
                municipalityID: student.$municipality.id, groupIDs: groups,
                calendarName: CalendarFeedWords.calendarName(surname: student.surname, givenName: student.givenName))
        }
    }

    /// The subject's lessons between two days, with what the views show.
    func lessons(from: CivilDay, to: CivilDay, on db: any Database) async throws -> [WeekLesson] {
        try await WeekLessonsSQL.lessons(groupIDs.map { .groups($0) } ?? .teachers([id]), from: from, to: to, on: db)
    }
}
