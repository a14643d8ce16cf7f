import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _group, _weekday, _startMinute, _hours, _room, _firstDay, _lastDay, _createdAt, _createdBy]
    }
}
