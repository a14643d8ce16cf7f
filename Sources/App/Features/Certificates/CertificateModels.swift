import Fluent
import Foundation
import Domain

/// A student's result of a course's final attestation (`GLOSSARY.md`: Итоговая аттестация, route `/results`).
final class FinalResult: Model, @unchecked Sendable {
    static let schema = "final_results"
    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: StudyGroup
    @Parent(key: "student_id") var student: Student
    @Field(key: "form") var form: String
    @Field(key: "passed") var passed: Bool
    @OptionalField(key: "grade") var grade: String?
    @Field(key: "result_day") var resultDay: Int
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "version") var version: Int
    init() {}
}

/// The last certificate sequence handed out in a municipality and year (gap-free numbering).
final class CertificateCounter: Model, @unchecked Sendable {
    static let schema = "certificate_counters"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "year") var year: Int
    @Field(key: "last_sequence") var lastSequence: Int
    init() {}
}

/// A certificate «о прослушивании профильного курса» (`GLOSSARY.md`: Сертификат): what it says is copied at issue, so
/// a later edit of the group or programme does not change a document already handed out.
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"
    enum Status: String { case valid, annulled
        var title: String { self == .valid ? "действителен" : "аннулирован" }
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

    var isValid: Bool { status == Status.valid.rawValue }
}

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
}

final class DiagnosticScore: Model, @unchecked Sendable {
    static let schema = "diagnostic_scores"
    @ID(key: .id) var id: UUID?
    @Parent(key: "work_id") var work: DiagnosticWork
    @Parent(key: "student_id") var student: Student
    @Field(key: "score") var score: Int
    init() {}
}
