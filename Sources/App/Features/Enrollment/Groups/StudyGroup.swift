import Fluent
import Foundation

/// A group of students taking one programme at one centre in one year.
final class StudyGroup: RegistryRecord, @unchecked Sendable {
    static let schema = "study_groups"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: NetworkProgram
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "name") var name: String
    /// `TextKey.search(name)`, kept by `SearchKeyMiddleware` on every save.
    @Field(key: "search_key") var searchKey: String
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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _program, _organization, _academicYear, _name, _searchKey, _capacity, _enrolledCount, _waitlistSeq,
            _plannedHours, _teacher, _room, _startsOn, _endsOn, _isOpen, _status, _version,
        ]
    }
}
