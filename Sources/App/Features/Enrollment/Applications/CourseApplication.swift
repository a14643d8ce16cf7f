import Domain
import Fluent
import Foundation

/// A student's individual curriculum (ИУП) in a campaign: ranked courses, the guardian's agreement, the school's
/// confirmation.
final class CourseApplication: Model, @unchecked Sendable {
    static let schema = "applications"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "campaign_id") var campaign: EnrollmentCampaign
    @Parent(key: "student_id") var student: Student
    @Parent(key: "school_id") var school: Organization
    @Field(key: "state") var state: String
    @Field(key: "submitted_by_name") var submittedByName: String
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalField(key: "guardian_agreed_by") var guardianAgreedBy: String?
    @OptionalField(key: "guardian_agreed_at") var guardianAgreedAt: Date?
    /// pending, confirmed, refused.
    @Field(key: "school_decision") var schoolDecision: String
    @OptionalField(key: "school_decided_at") var schoolDecidedAt: Date?
    @OptionalField(key: "school_decided_by") var schoolDecidedBy: String?
    @OptionalField(key: "school_comment") var schoolComment: String?
    @OptionalField(key: "hold_expires_at") var holdExpiresAt: Date?
    @OptionalField(key: "closed_reason") var closedReason: String?
    @Field(key: "version") var version: Int
    @Children(for: \.$application) var choices: [ApplicationChoice]
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _campaign, _student, _school, _state, _submittedByName, _submittedAt, _guardianAgreedBy,
            _guardianAgreedAt, _schoolDecision, _schoolDecidedAt, _schoolDecidedBy, _schoolComment, _holdExpiresAt,
            _closedReason, _version, _choices,
        ]
    }

    var applicationState: ApplicationState { ApplicationState(rawValue: state) ?? .submitted }
}
