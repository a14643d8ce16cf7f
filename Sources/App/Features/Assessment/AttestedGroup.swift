import Domain
import Fluent
import Vapor

/// A group at its final attestation: the scheduled group, the journal's resource the user was checked against, whether
/// the course has finished (its last lesson, else its end date) and its last day. What the results and certificates
/// handlers start from.
struct AttestedGroup {
    var scheduled: ScheduledGroup
    var resource: Resource
    var finished: Bool
    var lastDay: CivilDay?

    static func load(_ req: Request, _ action: Domain.Action) async throws -> AttestedGroup {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .read)
        let resource = Resource.journal(
            center: scheduledGroup.center.ref, teacherUserID: scheduledGroup.group.teacher?.$user.id)
        try req.authorize(action, resource)
        let last = try await Lesson.query(on: req.db).filter(try \.$group.$id == scheduledGroup.group.requireID())
            .filter(
                \.$status == LessonStatus.scheduled.rawValue
            )
            .sort(\.$day, .descending).sort(\.$startMinute, .descending).first()
        let end =
            last.map { CivilDay(number: $0.day) }
            ?? scheduledGroup.group.endsOn.map { CivilDay($0, timeZone: scheduledGroup.zone) }
        let (today, minute) = MunicipalClock.now(scheduledGroup.zone)
        let finished = AttestationRules.courseFinished(
            lastLesson: last.map { (CivilDay(number: $0.day), $0.startMinute) },
            groupEnd: scheduledGroup.group.endsOn.map { CivilDay($0, timeZone: scheduledGroup.zone) }, today: today,
            minute: minute)
        return AttestedGroup(scheduled: scheduledGroup, resource: resource, finished: finished, lastDay: end)
    }
}
