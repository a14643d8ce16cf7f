import Domain
import Fluent
import Foundation

/// A resource centre's year heard at a held meeting of the КМЦ, with the decision on its status (issue 22, item 6;
/// `001_4390f67d15d9225c.txt` §5.8, `003_256a4293e3c370c5.txt` §3.11).
final class DesignationHearing: Model, @unchecked Sendable {
    static let schema = "designation_hearings"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "resource_center_id") var center: ResourceCenter
    @Parent(key: "meeting_id") var meeting: Meeting
    /// `DesignationDecision`.
    @Field(key: "decision") var decision: String
    @OptionalField(key: "reasoning") var reasoning: String?
    /// The next academic year's designation that keeping the status made.
    @OptionalParent(key: "next_center_id") var nextCenter: ResourceCenter?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _center, _meeting, _decision, _reasoning, _nextCenter, _createdBy, _createdAt]
    }

    var designationDecision: DesignationDecision { DesignationDecision(rawValue: decision) ?? .keep }
}
