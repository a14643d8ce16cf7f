import Domain
import Fluent
import Foundation

final class DiagnosticScore: Model, @unchecked Sendable {
    static let schema = "diagnostic_scores"
    @ID(key: .id) var id: UUID?
    @Parent(key: "work_id") var work: DiagnosticWork
    @Parent(key: "student_id") var student: Student
    @Field(key: "score") var score: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _work, _student, _score] }
}
