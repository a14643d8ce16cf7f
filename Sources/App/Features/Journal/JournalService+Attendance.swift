import Domain
import Fluent
import Vapor

extension JournalService {
    /// Each student's attendance in many groups at once, as a group's summary counts it (`groupSummary`): every lesson
    /// that is marked and not cancelled adds its mark with its record's hours. Two statements whatever the groups: the
    /// marked lessons with their records, then their marks (of `student` only, when given). Group → student →
    /// attendance.
    static func attendance(groups: [UUID], student: UUID? = nil, on db: any Database) async throws -> [UUID: [UUID:
        StudentAttendance]]
    {
        guard !groups.isEmpty else { return [:] }
        let lessons = try await Lesson.query(on: db).filter(\.$group.$id ~~ groups)
            .filter(\.$status != LessonStatus.cancelled.rawValue)
            .join(LessonRecord.self, on: \Lesson.$id == \LessonRecord.$lesson.$id).all()
        var marked: [UUID: (group: UUID, hours: Int)] = [:]
        for lesson in lessons {
            marked[try lesson.requireID()] = (lesson.$group.id, try lesson.joined(LessonRecord.self).hours)
        }
        guard !marked.isEmpty else { return [:] }
        var marksQuery = AttendanceMark.query(on: db).filter(\.$lesson.$id ~~ Array(marked.keys))
        if let student { marksQuery = marksQuery.filter(\.$student.$id == student) }
        let marks = try await marksQuery.all()
        var attendance: [UUID: [UUID: StudentAttendance]] = [:]
        for mark in marks {
            guard let lesson = marked[mark.$lesson.id], let status = AttendanceStatus(rawValue: mark.status) else {
                continue
            }
            attendance[lesson.group, default: [:]][mark.$student.id, default: StudentAttendance()]
                .add(status, hours: lesson.hours)
        }
        return attendance
    }
}
