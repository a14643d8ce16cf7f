import Vapor
import Fluent
import SQLKit
import Domain

extension EnrollmentService {
    /// Students whose other groups have lessons at the same time as the group's lessons (issue 4: once lessons exist,
    /// enrolment refuses a student whose other groups clash), with the first clash of each in words. One statement;
    /// a group without lessons answers at once from the index.
    static func timetableClashes(studentIDs: [UUID], groupID: UUID, on db: any Database) async throws -> [UUID: String] {
        guard !studentIDs.isEmpty else { return [:] }
        let scheduled = LessonStatus.scheduled.rawValue, enrolled = EnrollmentStatus.enrolled.rawValue
        let rows = try await db.sql().raw("""
            SELECT e.student_id AS sid, g.name AS gname, b.day AS day, b.start_minute AS s, b.end_minute AS f
            FROM lessons a
            JOIN lessons b ON b.day = a.day AND b.start_minute < a.end_minute AND a.start_minute < b.end_minute
                AND b.status = \(bind: scheduled) AND b.group_id <> a.group_id
            JOIN enrollments e ON e.group_id = b.group_id AND e.status = \(bind: enrolled)
            JOIN study_groups g ON g.id = b.group_id
            WHERE a.group_id = \(bind: groupID) AND a.status = \(bind: scheduled) AND e.student_id IN (\(binds: studentIDs))
            ORDER BY b.day, b.start_minute
            """).all()
        var out: [UUID: String] = [:]
        for r in rows {
            let sid = try r.decode(column: "sid", as: UUID.self)
            guard out[sid] == nil else { continue }
            let span = LessonSpan(day: CivilDay(number: try r.decode(column: "day", as: Int.self)),
                                  start: try r.decode(column: "s", as: Int.self), end: try r.decode(column: "f", as: Int.self))
            out[sid] = "«\(try r.decode(column: "gname", as: String.self))», \(span.day.formatted) \(span.times)"
        }
        return out
    }

    /// Refuses one student's enrolment when the timetables clash.
    static func refuseTimetableClash(studentID: UUID, groupID: UUID, on db: any Database) async throws {
        if let clash = try await timetableClashes(studentIDs: [studentID], groupID: groupID, on: db)[studentID] {
            throw refusal(.timetableClash(clash))
        }
    }
}
