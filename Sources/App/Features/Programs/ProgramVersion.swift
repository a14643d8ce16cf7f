import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _program, _number, _snapshot, _submittedAt, _submittedBy, _decision, _comment, _decidedAt, _decidedBy]
    }
}
