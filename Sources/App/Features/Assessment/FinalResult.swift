import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _group, _student, _form, _passed, _grade, _resultDay, _recordedBy, _recordedAt, _version]
    }
}
