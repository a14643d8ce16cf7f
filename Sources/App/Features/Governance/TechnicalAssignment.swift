import Domain
import Fluent
import Foundation

/// A technical assignment of the КМЦ to an organisation (`GLOSSARY.md`: `TechnicalAssignment`; issue 22, item 4).
final class TechnicalAssignment: Model, @unchecked Sendable {
    static let schema = "technical_assignments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "organization_id") var organization: Organization
    @Field(key: "title") var title: String
    @OptionalField(key: "basis") var basis: String?
    @Field(key: "goals") var goals: String
    @Field(key: "content") var content: String
    @Field(key: "results") var results: String
    @OptionalField(key: "financing") var financing: String?
    @Field(key: "starts_on") var startsOn: Int
    @Field(key: "ends_on") var endsOn: Int
    /// JSON `[AssignmentDeliverable]`.
    @Field(key: "deliverables") var deliverables: String
    /// `AssignmentStatus`.
    @Field(key: "status") var status: String
    /// The plan whose items track the results, made when the assignment is issued.
    @OptionalParent(key: "plan_id") var plan: Plan?
    @OptionalField(key: "issued_at") var issuedAt: Date?
    @OptionalField(key: "issued_by") var issuedBy: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _organization, _title, _basis, _goals, _content, _results, _financing, _startsOn,
            _endsOn, _deliverables, _status, _plan, _issuedAt, _issuedBy, _createdBy, _createdAt, _updatedBy,
            _updatedAt, _version,
        ]
    }

    var assignmentStatus: AssignmentStatus { AssignmentStatus(rawValue: status) ?? .draft }
    var owner: OrgRef { OrgRef(id: $organization.id, municipalityID: $municipality.id) }
    var resource: Resource { .assignment(organization: owner, issued: assignmentStatus == .issued) }
    var planned: [AssignmentDeliverable] {
        (try? JSONDecoder().decode([AssignmentDeliverable].self, from: Data(deliverables.utf8))) ?? []
    }

    var input: AssignmentInput {
        AssignmentInput(
            title: title, basis: basis, goals: goals, content: content, results: results, financing: financing,
            startsOn: CivilDay(number: startsOn), endsOn: CivilDay(number: endsOn), deliverables: planned)
    }

    func apply(_ input: AssignmentInput) {
        title = input.title
        basis = input.basis
        goals = input.goals
        content = input.content
        results = input.results
        financing = input.financing
        startsOn = input.startsOn.number
        endsOn = input.endsOn.number
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        deliverables = (try? encoder.encode(input.deliverables)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
