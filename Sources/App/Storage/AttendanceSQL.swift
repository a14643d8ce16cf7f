import Domain
import Fluent
import Foundation
import SQLKit

/// Each student's attendance in some groups, summed by the database: a row per group and student, not a row per mark.
/// Every lesson that is marked (has a record) and not cancelled adds its mark with its record's hours, as a group's
/// summary counts it (`JournalService.groupSummary`); a mark of an unknown status counts nowhere. (PostgreSQL sums
/// bigint hours as numeric: the casts keep every figure an integer on both databases.)
enum AttendanceSQL {
    static func sql(groups: Int, student: Bool) -> String {
        """
        SELECT l.group_id AS group_id, m.student_id AS student_id, COUNT(*) AS marked,
          SUM(CASE WHEN m.status = ? THEN 1 ELSE 0 END) AS present,
          SUM(CASE WHEN m.status = ? THEN 1 ELSE 0 END) AS excused,
          SUM(CASE WHEN m.status = ? THEN 1 ELSE 0 END) AS absent,
          CAST(SUM(CASE WHEN m.status = ? THEN r.hours ELSE 0 END) AS BIGINT) AS attended_hours,
          CAST(SUM(r.hours) AS BIGINT) AS delivered_hours
        FROM lessons l JOIN lesson_records r ON r.lesson_id = l.id JOIN attendance_marks m ON m.lesson_id = l.id
        WHERE l.status <> ? AND m.status IN (?, ?, ?)
          AND l.group_id IN (\(sqlPlaceholders(groups)))\(student ? " AND m.student_id = ?" : "")
        GROUP BY l.group_id, m.student_id
        """
    }

    /// Group → student → attendance; one statement whatever the groups.
    static func attendance(groups: [UUID], student: UUID?, on db: any Database) async throws -> [UUID: [UUID:
        StudentAttendance]]
    {
        guard !groups.isEmpty else { return [:] }
        let present = AttendanceStatus.present.rawValue
        let statuses = AttendanceStatus.allCases.map { DBValue.text($0.rawValue) }
        let binds: [DBValue] =
            [
                .text(present), .text(AttendanceStatus.excused.rawValue), .text(AttendanceStatus.absent.rawValue),
                .text(present), .text(LessonStatus.cancelled.rawValue),
            ] + statuses + groups.map { .uuid($0) }
            + (student.map { [.uuid($0)] } ?? [])
        var attendance: [UUID: [UUID: StudentAttendance]] = [:]
        for row in try await db.sql().rows(sql(groups: groups.count, student: student != nil), binds) {
            guard let group = row.uuid("group_id"), let student = row.uuid("student_id") else { continue }
            attendance[group, default: [:]][student] = StudentAttendance(
                marked: row.int("marked"), present: row.int("present"), excused: row.int("excused"),
                absent: row.int("absent"), attendedHours: row.int("attended_hours"),
                deliveredHours: row.int("delivered_hours"))
        }
        return attendance
    }

    /// A group's marks, lesson → student → status: a row of three columns per mark (a year's journal of a group is
    /// thousands, which as Fluent models were most of the journal page's time). A mark of an unknown status is left out.
    static func marks(group: UUID, on db: any Database) async throws -> [UUID: [UUID: AttendanceStatus]] {
        let rows = try await db.sql().rows(
            """
            SELECT m.lesson_id AS lesson_id, m.student_id AS student_id, m.status AS status
            FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id WHERE l.group_id = ?
            """, [.uuid(group)])
        var marks: [UUID: [UUID: AttendanceStatus]] = [:]
        for row in rows {
            guard let lesson = row.uuid("lesson_id"), let student = row.uuid("student_id"),
                let status = AttendanceStatus(rawValue: row.text("status"))
            else { continue }
            marks[lesson, default: [:]][student] = status
        }
        return marks
    }
}
