import Domain
import Fluent
import Foundation

/// A resource centre's activity programme for its academic year (`GLOSSARY.md`: `CenterActivityProgram`; issue 22,
/// item 3): one per designation, its content kept as JSON (`ActivityProgramContent`).
final class ActivityProgram: Model, @unchecked Sendable {
    static let schema = "activity_programs"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "resource_center_id") var center: ResourceCenter
    /// The academic year's first calendar year (2026 for 2026/2027).
    @Field(key: "start_year") var startYear: Int
    /// `ActivityProgramStatus`.
    @Field(key: "status") var status: String
    /// JSON `ActivityProgramContent`.
    @Field(key: "content") var content: String
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    /// The plan its work plan became when agreed.
    @OptionalParent(key: "plan_id") var plan: Plan?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _organization, _center, _startYear, _status, _content, _returnComment, _submittedAt,
            _decidedAt, _decidedBy, _plan, _createdBy, _createdAt, _updatedBy, _updatedAt, _version,
        ]
    }

    var programStatus: ActivityProgramStatus { ActivityProgramStatus(rawValue: status) ?? .draft }
    var body: ActivityProgramContent { Self.decode(content) }
    var owner: OrgRef { OrgRef(id: $organization.id, municipalityID: $municipality.id) }
    var resource: Resource { .activityProgram(center: owner) }

    static func decode(_ text: String) -> ActivityProgramContent {
        (try? JSONDecoder().decode(ActivityProgramContent.self, from: Data(text.utf8))) ?? ActivityProgramContent()
    }

    static func encode(_ content: ActivityProgramContent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(content)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// A version of a programme as submitted, with the decision on it: every version is kept (issue 22, item 3).
final class ActivityProgramVersion: Model, @unchecked Sendable {
    static let schema = "activity_program_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: ActivityProgram
    @Field(key: "number") var number: Int
    @Field(key: "content") var content: String
    @Field(key: "submitted_by") var submittedBy: String
    @Field(key: "submitted_at") var submittedAt: Date
    /// `ActivityProgramStatus`: submitted until decided, then agreed or returned.
    @Field(key: "status") var status: String
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _program, _number, _content, _submittedBy, _submittedAt, _status, _comment, _decidedBy, _decidedAt]
    }

    var versionStatus: ActivityProgramStatus { ActivityProgramStatus(rawValue: status) ?? .submitted }
    var body: ActivityProgramContent { ActivityProgram.decode(content) }
}
