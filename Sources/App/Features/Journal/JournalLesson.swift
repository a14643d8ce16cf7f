import Domain
import Fluent
import Vapor
import Views

/// A lesson with its group and centre, checked against the journal's policy: what the journal's pages, its API and
/// `JournalService` work on.
struct JournalLesson {
    var lesson: Lesson
    var group: StudyGroup
    var center: Organization
    var zone: TimeZone
    var resource: Resource

    static func load(_ req: Request, _ action: Domain.Action) async throws -> JournalLesson {
        guard
            let lesson = try await Lesson.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$room).with(
                \.$teacher
            ).first(),
            let group = try await StudyGroup.query(on: req.db).filter(\.$id == lesson.$group.id).with(\.$program)
                .first(),
            let center = try await Organization.find(group.$organization.id, on: req.db)
        else { throw AppError.notFound(JournalWords.lessonNotFound) }
        let resource = Resource.journal(center: center.ref, teacherUserID: lesson.teacher?.$user.id)
        try req.authorize(action, resource)
        return JournalLesson(
            lesson: lesson, group: group, center: center,
            zone: try await MunicipalClock.zone(center.$municipality.id, on: req.db), resource: resource)
    }

    /// The students a lesson's journal lists: those in the group on the lesson's day (joined before its end, not
    /// withdrawn before it), and anyone already marked at it.
    func students(on db: any Database) async throws -> [Student] {
        let day = CivilDay(number: lesson.day)
        let dayEnd = day.adding(days: 1).date(timeZone: zone)
        let dayStart = day.date(timeZone: zone)
        let enrolled = try await Enrollment.query(on: db).filter(try \.$group.$id == group.requireID()).filter(
            \.$status != EnrollmentStatus.waitlisted.rawValue
        ).all()
            .filter { enrollment in
                enrollment.createdAt < dayEnd
                    && (enrollment.status == EnrollmentStatus.enrolled.rawValue
                        || (enrollment.withdrawnOn.map { $0 >= dayStart } ?? false))
            }
            .map { $0.$student.id }
        let marked = try await AttendanceMark.query(on: db).filter(try \.$lesson.$id == lesson.requireID()).all().map {
            $0.$student.id
        }
        let ids = Array(Set(enrolled + marked))
        return ids.isEmpty
            ? [] : try await Student.query(on: db).filter(\.$id ~~ ids).with(\.$school).sort(\.$sortKey).all()
    }
}
