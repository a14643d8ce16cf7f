import Domain
import Fluent
import Foundation

/// A student's attendance at a lesson.
final class AttendanceMark: Model, @unchecked Sendable {
    static let schema = "attendance_marks"
    @ID(key: .id) var id: UUID?
    @Parent(key: "lesson_id") var lesson: Lesson
    @Parent(key: "student_id") var student: Student
    @Field(key: "status") var status: String
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _lesson, _student, _status] }
}
