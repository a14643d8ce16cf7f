import Fluent
import Foundation

/// A student's place in a group: enrolled, waiting (with a sequence number), or withdrawn.
final class Enrollment: Model, @unchecked Sendable {
    static let schema = "enrollments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "student_id") var student: Student
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "status") var status: String
    @OptionalField(key: "waitlist_seq") var waitlistSeq: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// How the place was given: direct, list (a КМЦ list), application (an ИУП), transfer.
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "withdrawn_on") var withdrawnOn: Date?
    @OptionalField(key: "withdraw_reason") var withdrawReason: String?
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _student, _group, _status, _waitlistSeq, _createdAt, _updatedAt, _source, _withdrawnOn, _withdrawReason]
    }
}
