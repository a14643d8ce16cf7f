import Domain
import Fluent
import Foundation

/// A student's result in a contest's edition (issue 21, item 2): personal data of a minor, kept by the student's
/// school (`school_id`, copied from the student when entered, as the access policy reads it).
final class Achievement: RegistryRecord, @unchecked Sendable {
    static let schema = "achievements"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "student_id") var student: Student
    @Parent(key: "edition_id") var edition: ContestEdition
    @OptionalParent(key: "subject_id") var subject: OlympiadSubject?
    @OptionalField(key: "nomination") var nomination: String?
    /// `AchievementRules.subjectKey`: one result of a student in an edition per subject or nomination.
    @Field(key: "subject_key") var subjectKey: String
    /// `AchievementResult`.
    @Field(key: "result") var result: String
    @OptionalField(key: "score") var score: Double?
    @OptionalField(key: "place") var place: Int?
    @Field(key: "grade_studied") var gradeStudied: Int
    @Field(key: "grade_competed") var gradeCompeted: Int
    @OptionalField(key: "achieved_on") var achievedOn: Date?
    /// Those who prepared the student and are not in the staff registry, as the school writes them (the registry's
    /// ones are `preparers`).
    @OptionalField(key: "prepared_by") var preparedBy: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    /// The teachers and outside trainers of the staff registry who prepared the student.
    @Siblings(through: AchievementPreparer.self, from: \.$achievement, to: \.$staff) var preparers: [StaffMember]

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _school, _student, _edition, _subject, _nomination, _subjectKey, _result, _score,
            _place, _gradeStudied, _gradeCompeted, _achievedOn, _preparedBy, _documentNumber, _searchKey, _sortKey,
            _status, _version, _preparers,
        ]
    }

    var achievementResult: AchievementResult { AchievementResult(rawValue: result) ?? .participant }
}

/// A link of an achievement to a member of staff who prepared the student (`achievement_preparers`).
final class AchievementPreparer: Model, @unchecked Sendable {
    static let schema = "achievement_preparers"
    @ID(key: .id) var id: UUID?
    @Parent(key: "achievement_id") var achievement: Achievement
    @Parent(key: "staff_id") var staff: StaffMember
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _achievement, _staff] }
}
