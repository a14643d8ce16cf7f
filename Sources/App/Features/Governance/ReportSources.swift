import Domain
import Fluent
import Foundation
import SQLKit

/// What Setka counts for an organisation's report over a period (issue 22, item 5: «where an indicator can be computed
/// from Setka's data, the form pre-fills it and says where the number came from»): one statement per source, whatever
/// the rows.
enum ReportSources {
    static func compute(
        _ sources: Set<ReportSource>, organization: UUID, period: ReportPeriod, zone: TimeZone, on db: any Database
    ) async throws -> [ReportSource: Int] {
        var values: [ReportSource: Int] = [:]
        let (from, to) = (period.from.number, period.to.number)
        // Lessons of the organisation's groups in the period that the journal marked.
        func marked() -> QueryBuilder<LessonRecord> {
            LessonRecord.query(on: db).join(Lesson.self, on: \LessonRecord.$lesson.$id == \Lesson.$id)
                .join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
                .filter(StudyGroup.self, \.$organization.$id == organization)
                .filter(Lesson.self, \.$day >= from).filter(Lesson.self, \.$day <= to)
        }
        if sources.contains(.hoursDelivered) || sources.contains(.groups) {
            // Summed here: PostgreSQL's SUM of a BIGINT column is a NUMERIC, which does not decode as an Int.
            values[.hoursDelivered] = try await marked().all(\.$hours).reduce(0, +)
            values[.groups] = Set(try await marked().unique().all(Lesson.self, \.$group.$id)).count
        }
        if sources.contains(.studentsCovered) {
            // Those present at a lesson of the period: who was taught then, whatever their enrolment is now.
            let students = try await AttendanceMark.query(on: db)
                .join(Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id)
                .join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
                .filter(StudyGroup.self, \.$organization.$id == organization)
                .filter(Lesson.self, \.$day >= from).filter(Lesson.self, \.$day <= to)
                .filter(\.$status == AttendanceStatus.present.rawValue).unique().all(\.$student.$id)
            values[.studentsCovered] = Set(students).count
        }
        if sources.contains(.certificates) {
            values[.certificates] = try await Certificate.query(on: db)
                .join(StudyGroup.self, on: \Certificate.$group.$id == \StudyGroup.$id)
                .filter(StudyGroup.self, \.$organization.$id == organization)
                .filter(\.$status == Certificate.Status.valid.rawValue)
                .filter(\.$issuedAt >= period.from.date(timeZone: zone))
                .filter(\.$issuedAt < period.to.adding(days: 1).date(timeZone: zone)).count()
        }
        if sources.contains(.achievements) {
            let students = try await Achievement.query(on: db).filter(\.$school.$id == organization)
                .filter(\.$status == RecordStatus.active.rawValue)
                .filter(\.$result ~~ [AchievementResult.winner, .prizeWinner].map(\.rawValue))
                .filter(\.$achievedOn >= period.from.date(timeZone: zone))
                .filter(\.$achievedOn < period.to.adding(days: 1).date(timeZone: zone)).all(\.$student.$id)
            values[.achievements] = Set(students).count
        }
        if sources.contains(.planItemsDone) {
            // The centre's measures only: the authority's side of its plan is not the organisation's to report.
            values[.planItemsDone] = try await PlanItem.query(on: db).filter(\.$organization.$id == organization)
                .filter(\.$side == PlanItemDraft.Side.center.rawValue).filter(\.$status == PlanItemStatus.done.rawValue)
                .filter(\.$doneOn >= from).filter(\.$doneOn <= to)
                .count()
        }
        if sources.contains(.planItemsOverdue) {
            // Due by the period's end and, at its end, not done — still open, or done only after it — or done late
            // within it.
            let items = try await PlanItem.query(on: db).filter(\.$organization.$id == organization)
                .filter(\.$side == PlanItemDraft.Side.center.rawValue)
                .filter(\.$status != PlanItemStatus.cancelled.rawValue).filter(\.$dueOn <= to)
                .field(\.$id).field(\.$status).field(\.$dueOn).field(\.$doneOn).all()
            values[.planItemsOverdue] =
                items.filter { item in
                    guard let due = item.dueOn else { return false }
                    if let done = item.doneOn, item.itemStatus == .done { return done > due && due >= from }
                    return item.itemStatus != .done
                }.count
        }
        return values
    }
}
