import Fluent
import Foundation

/// A network programme (`GLOSSARY.md`: Сетевая образовательная программа). The drafting and agreement workflow
/// comes with the programmes slice of the enrolment issue; groups already need to know whether theirs is agreed.
final class NetworkProgram: RegistryRecord, @unchecked Sendable {
    static let schema = "network_programs"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "subject_id") var subject: Subject?
    @Field(key: "hours") var hours: Int
    /// draft, submitted, agreed, returned.
    @Field(key: "approval") var approval: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
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
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}

    var fullName: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
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
    init() {}
}
