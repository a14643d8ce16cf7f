import Domain
import Fluent
import Foundation

/// The journal entry of a lesson: the topic and the academic hours actually delivered.
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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _lesson, _topic, _hours, _markedAt, _markedBy, _version] }
}
