import Domain
import Fluent
import Vapor
import Views

/// A group with its centre, zone, timetable facts and the days its lessons may fall on, loaded for one request and
/// checked against the policy (`.update` to schedule): what the timetable, journal, results and diagnostics handlers
/// start from.
struct ScheduledGroup {
    var group: StudyGroup
    var center: Organization
    var zone: TimeZone
    var facts: TimetableService.GroupFacts
    /// The days lessons may fall on: the group's dates, else its academic year.
    var window: ClosedRange<CivilDay>

    static func load(_ req: Request, groupID: UUID, _ action: Domain.Action) async throws -> ScheduledGroup {
        guard
            let group = try await StudyGroup.query(on: req.db).filter(\.$id == groupID).with(\.$program).with(
                \.$teacher
            )
            .with(\.$academicYear).with(\.$room).first(),
            let center = try await Organization.find(group.$organization.id, on: req.db)
        else { throw AppError.notFound(TimetableWords.Refusal.groupNotFound) }
        try req.authorize(action, .group(center.ref))
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let first = CivilDay(group.startsOn ?? group.academicYear.startsOn, timeZone: zone)
        let last = max(first, CivilDay(group.endsOn ?? group.academicYear.endsOn, timeZone: zone))
        return ScheduledGroup(
            group: group, center: center, zone: zone,
            facts: try TimetableService.facts(group, center: center, zone: zone),
            window: first...last)
    }

    /// The group's programme and centre, as `GroupTeachers` asks who may teach it.
    func teacherPlace() throws -> GroupTeachers.Place {
        GroupTeachers.Place(programID: group.$program.id, centerID: try center.requireID())
    }
}
