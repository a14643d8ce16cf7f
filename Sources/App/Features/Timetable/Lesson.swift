import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _group, _pattern, _day, _startMinute, _endMinute, _hours, _room, _teacher, _substituteFor, _status,
            _note, _version, _updatedAt,
        ]
    }

    var span: LessonSpan { LessonSpan(day: CivilDay(number: day), start: startMinute, end: endMinute) }
    var isCancelled: Bool { status == LessonStatus.cancelled.rawValue }
}
