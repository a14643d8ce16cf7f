import Fluent
import Foundation

/// A network programme (`GLOSSARY.md`: Сетевая образовательная программа), drafted by a resource centre and agreed
/// with the КМЦ (`000_5375b2a087477e6d.txt` §4.2).
final class NetworkProgram: RegistryRecord, @unchecked Sendable {
    static let schema = "network_programs"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @OptionalParent(key: "academic_year_id") var academicYear: AcademicYear?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "subject_id") var subject: Subject?
    @OptionalField(key: "profile") var profile: String?
    @OptionalField(key: "target") var target: String?
    @Field(key: "grade_from") var gradeFrom: Int
    @Field(key: "grade_to") var gradeTo: Int
    @Field(key: "hours") var hours: Int
    @Field(key: "form") var form: String
    /// Modules as «Название — часы» lines.
    @OptionalField(key: "modules") var modules: String?
    @OptionalField(key: "description") var summary: String?
    @OptionalField(key: "results") var results: String?
    /// draft, submitted, agreed, returned.
    @Field(key: "approval") var approval: String
    @OptionalField(key: "review_comment") var reviewComment: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Siblings(through: ProgramTeacher.self, from: \.$program, to: \.$staff) var teachers: [StaffMember]
    init() {}
}

final class ProgramTeacher: Model, @unchecked Sendable {
    static let schema = "program_teachers"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: NetworkProgram
    @Parent(key: "staff_id") var staff: StaffMember
    init() {}
}

/// A programme as it was submitted to the КМЦ, with the decision on it: every version is kept.
final class ProgramVersion: Model, @unchecked Sendable {
    static let schema = "program_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: NetworkProgram
    @Field(key: "number") var number: Int
    @Field(key: "snapshot") var snapshot: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by") var submittedBy: String
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    init() {}
}

/// A group of students taking one programme at one centre in one year.
final class StudyGroup: RegistryRecord, @unchecked Sendable {
    static let schema = "study_groups"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: NetworkProgram
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    /// Kept by the conditional update that seats a student; never above `capacity` (a CHECK constraint too).
    @Field(key: "enrolled_count") var enrolledCount: Int
    /// The last waiting-list sequence number handed out; unique positions under concurrency.
    @Field(key: "waitlist_seq") var waitlistSeq: Int
    @Field(key: "planned_hours") var plannedHours: Int
    @OptionalParent(key: "teacher_id") var teacher: StaffMember?
    @OptionalParent(key: "room_id") var room: Room?
    @OptionalField(key: "starts_on") var startsOn: Date?
    @OptionalField(key: "ends_on") var endsOn: Date?
    @Field(key: "is_open") var isOpen: Bool
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
}

/// A learner of a school (personal data of a minor: access through the policy, every change audited).
final class Student: RegistryRecord, @unchecked Sendable {
    static let schema = "students"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Field(key: "surname") var surname: String
    @Field(key: "given_name") var givenName: String
    @OptionalField(key: "patronymic") var patronymic: String?
    @Field(key: "birth_date") var birthDate: Date
    @Field(key: "grade") var grade: Int
    @OptionalField(key: "letter") var letter: String?
    @OptionalField(key: "sex") var sex: String?
    @Field(key: "special_needs") var specialNeeds: Bool
    /// Consent to the processing of personal data: when, and who gave it (a guardian for a minor).
    @OptionalField(key: "consent_on") var consentOn: Date?
    @OptionalField(key: "consent_by") var consentBy: String?
    /// Surname, name, patronymic and birth date normalised: duplicates are found by it.
    @Field(key: "identity_key") var identityKey: String
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    /// The import that created this record, so that the import can be undone.
    @OptionalField(key: "import_batch_id") var importBatchID: UUID?
    /// A guardian withdrew the consent (the school and the КМЦ see it at once).
    @OptionalField(key: "consent_withdrawn_at") var consentWithdrawnAt: Date?
    @OptionalField(key: "consent_withdrawn_by") var consentWithdrawnBy: String?
    init() {}

    var fullName: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
    /// Consent is in force: given and not withdrawn since.
    var hasConsent: Bool { consentOn != nil && consentWithdrawnAt == nil }
}

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
}

/// A list of students the КМЦ composes for a group and sends to the centre, which accepts or returns it.
final class EnrollmentList: Model, @unchecked Sendable {
    static let schema = "enrollment_lists"
    enum State: String { case draft, sent, accepted, returned
        var title: String {
            switch self { case .draft: "черновик"; case .sent: "отправлен в центр"; case .accepted: "принят центром"; case .returned: "возвращён центром" }
        }
    }
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "state") var state: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "version") var version: Int
    @Children(for: \.$list) var items: [EnrollmentListItem]
    init() {}
}

final class EnrollmentListItem: Model, @unchecked Sendable {
    static let schema = "enrollment_list_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "list_id") var list: EnrollmentList
    @Parent(key: "student_id") var student: Student
    @Field(key: "added_at") var addedAt: Date
    init() {}
}
