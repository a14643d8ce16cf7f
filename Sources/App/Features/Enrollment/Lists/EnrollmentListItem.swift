import Fluent
import Foundation

final class EnrollmentListItem: Model, @unchecked Sendable {
    static let schema = "enrollment_list_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "list_id") var list: EnrollmentList
    @Parent(key: "student_id") var student: Student
    @Field(key: "added_at") var addedAt: Date
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _list, _student, _addedAt] }
}
