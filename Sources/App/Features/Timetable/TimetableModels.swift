import Fluent
import Foundation
import Domain

/// Каникулы or a праздничный день of an academic year: no lessons are generated on these days.
final class HolidayPeriodRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "holiday_periods"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "first_day") var firstDay: Int
    @Field(key: "last_day") var lastDay: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}

    var domain: HolidayPeriod {
        HolidayPeriod(title: title, kind: HolidayKind(rawValue: kind) ?? .holiday, first: CivilDay(number: firstDay), last: CivilDay(number: lastDay))
    }
}

/// Time a school keeps for its own lessons, for some grades on some weekdays (e.g. lessons until 14:30).
final class BusySlotRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "school_busy_slots"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Field(key: "grades") var gradesText: String
    @Field(key: "weekdays") var weekdaysText: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}

    var grades: [Int] { gradesText.split(separator: ",").compactMap { Int($0) } }
    var weekdays: [Weekday] { weekdaysText.split(separator: ",").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) } }
    /// One slot per grade and weekday, as the clash rules read them.
    func slots(schoolName: String) -> [BusySlot] {
        grades.flatMap { g in weekdays.map { BusySlot(schoolID: $school.id, schoolName: schoolName, grade: g, weekday: $0, start: startMinute, end: endMinute) } }
    }
    var summary: String {
        weekdays.map(\.short).joined(separator: ", ") + "; " + grades.map(String.init).joined(separator: ", ") + " кл.; "
            + ClockTime(minutes: startMinute).formatted + "–" + ClockTime(minutes: endMinute).formatted
    }
}

/// How long it takes to get from one centre to another (either way).
final class TravelTimeRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "travel_times"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "from_id") var from: Organization
    @Parent(key: "to_id") var to: Organization
    @Field(key: "minutes") var minutes: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
}

/// A weekly pattern a centre head entered; the lessons it generated point back to it.
final class LessonPattern: Model, @unchecked Sendable {
    static let schema = "lesson_patterns"
    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "weekday") var weekday: Int
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "hours") var hours: Int
    @OptionalParent(key: "room_id") var room: Room?
    @Field(key: "first_day") var firstDay: Int
    @Field(key: "last_day") var lastDay: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    init() {}
}

enum LessonStatus: String { case scheduled, cancelled
    var title: String { self == .scheduled ? "по расписанию" : "отменено" }
}

/// One lesson of a group (`GLOSSARY.md`: Занятие).
final class Lesson: Model, @unchecked Sendable {
    static let schema = "lessons"
    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: StudyGroup
    @OptionalParent(key: "pattern_id") var pattern: LessonPattern?
    @Field(key: "day") var day: Int
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "hours") var hours: Int
    @OptionalParent(key: "room_id") var room: Room?
    /// Who gives the lesson: the group's teacher, or a substitute.
    @OptionalParent(key: "teacher_id") var teacher: StaffMember?
    @OptionalParent(key: "substitute_for_id") var substituteFor: StaffMember?
    @Field(key: "status") var status: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var span: LessonSpan { LessonSpan(day: CivilDay(number: day), start: startMinute, end: endMinute) }
    var isCancelled: Bool { status == LessonStatus.cancelled.rawValue }
}

/// A secret iCal feed URL for a group's, a teacher's or a student's lessons; it answers only while its maker may still
/// read that timetable.
final class CalendarFeed: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"
    enum Kind: String { case group, teacher, student }
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
}

/// The register entry of a lesson: the topic and the academic hours actually delivered.
final class LessonRecord: Model, @unchecked Sendable {
    static let schema = "lesson_records"
    @ID(key: .id) var id: UUID?
    @Parent(key: "lesson_id") var lesson: Lesson
    @Field(key: "topic") var topic: String
    @Field(key: "hours") var hours: Int
    @Field(key: "marked_at") var markedAt: Date
    @Field(key: "marked_by") var markedBy: String
    @Field(key: "version") var version: Int
    init() {}
}

/// A student's attendance at a lesson.
final class AttendanceMark: Model, @unchecked Sendable {
    static let schema = "attendance_marks"
    @ID(key: .id) var id: UUID?
    @Parent(key: "lesson_id") var lesson: Lesson
    @Parent(key: "student_id") var student: Student
    @Field(key: "status") var status: String
    init() {}
}
