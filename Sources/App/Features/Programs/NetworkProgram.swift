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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _organization, _academicYear, _title, _kind, _subject, _profile, _target, _gradeFrom, _gradeTo, _hours,
            _form, _modules, _summary, _results, _approval, _reviewComment, _searchKey, _sortKey, _status, _version,
            _teachers,
        ]
    }
}
