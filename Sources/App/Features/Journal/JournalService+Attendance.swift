import Domain
import Fluent
import Vapor

extension JournalService {
    /// Each student's attendance in many groups at once, as a group's summary counts it (`groupSummary`): every lesson
    /// that is marked and not cancelled adds its mark with its record's hours. One statement whatever the groups, summed
    /// by the database (`AttendanceSQL`); of `student` only, when given. Group → student → attendance.
    static func attendance(groups: [UUID], student: UUID? = nil, on db: any Database) async throws -> [UUID: [UUID:
        StudentAttendance]]
    {
        try await AttendanceSQL.attendance(groups: groups, student: student, on: db)
    }
}
