import Fluent
import Foundation

/// Which journal entries count as a teacher's delivered hours — one rule for the hours page (the basis of pay) and a
/// teacher's page: the entry's hours go to the lesson's teacher (a substitute included), a cancelled lesson counts
/// nothing.
enum DeliveredHours {
    /// The teacher credited with `record` and the hours; nil when the entry counts for no one.
    static func credit(_ record: LessonRecord, of lesson: Lesson) -> (teacherID: UUID, hours: Int)? {
        guard record.hours > 0, !lesson.isCancelled, let teacherID = lesson.$teacher.id else { return nil }
        return (teacherID, record.hours)
    }

    /// The journal entries of `lessons`, in one statement.
    static func records(of lessons: [UUID], on db: any Database) async throws -> [LessonRecord] {
        lessons.isEmpty ? [] : try await LessonRecord.query(on: db).filter(\.$lesson.$id ~~ lessons).all()
    }
}
