import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _tokenHash, _user, _kind, _subjectID, _createdAt, _revokedAt] }
}
