import Domain
import Fluent
import Foundation

/// A diagnostic work of a group: name, date, maximum score (`000_5375b2a087477e6d.txt` §4.6).
final class DiagnosticWork: Model, @unchecked Sendable {
    static let schema = "diagnostic_works"
    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "title") var title: String
    @Field(key: "work_day") var workDay: Int
    @Field(key: "max_score") var maxScore: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _group, _title, _workDay, _maxScore, _createdAt, _version] }
}
