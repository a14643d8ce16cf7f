import Fluent
import Foundation

/// A parent or other legal representative of a student; gets access by a one-time invitation code.
final class Guardian: Model, @unchecked Sendable {
    static let schema = "guardians"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "student_id") var student: Student
    @Field(key: "full_name") var fullName: String
    @OptionalField(key: "relation") var relation: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalParent(key: "user_id") var user: User?
    @OptionalField(key: "invite_hash") var inviteHash: String?
    @OptionalField(key: "invite_expires_at") var inviteExpiresAt: Date?
    @OptionalField(key: "import_batch_id") var importBatchID: UUID?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _student, _fullName, _relation, _phone, _email, _user, _inviteHash, _inviteExpiresAt,
            _importBatchID, _status, _version, _createdAt,
        ]
    }
}
