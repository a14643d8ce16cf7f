import Domain
import Fluent
import Foundation
import Views

/// A certificate «о прослушивании профильного курса» (`GLOSSARY.md`: Сертификат): what it says is copied at issue, so
/// a later edit of the group or programme does not change a document already handed out.
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"
    enum Status: String {
        case valid, annulled
        var title: String { CertificatesWords.status(valid: self == .valid) }
    }
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "year") var year: Int
    @Field(key: "sequence") var sequence: Int
    @Field(key: "number") var number: String
    @Field(key: "verification_code") var verificationCode: String
    @Parent(key: "student_id") var student: Student
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "student_name") var studentName: String
    /// `TextKey.search(studentName)`, kept by `SearchKeyMiddleware` on every save.
    @Field(key: "search_key") var searchKey: String
    @Field(key: "initials") var initials: String
    @Field(key: "program_title") var programTitle: String
    @Field(key: "hours") var hours: Int
    @Field(key: "center_name") var centerName: String
    @Field(key: "first_day") var firstDay: Int
    @Field(key: "last_day") var lastDay: Int
    @Field(key: "issued_at") var issuedAt: Date
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "status") var status: String
    @OptionalField(key: "annul_reason") var annulReason: String?
    @OptionalField(key: "annulled_at") var annulledAt: Date?
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _year, _sequence, _number, _verificationCode, _student, _group, _studentName,
            _searchKey, _initials, _programTitle, _hours, _centerName, _firstDay, _lastDay, _issuedAt, _issuedBy,
            _status, _annulReason, _annulledAt,
        ]
    }

    var isValid: Bool { status == Status.valid.rawValue }
}
