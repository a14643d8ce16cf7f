import Domain
import Fluent
import Foundation

/// A resource centre's analytic note for its academic year (issue 22, item 7).
final class AnalyticNote: Model, @unchecked Sendable {
    static let schema = "analytic_notes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "resource_center_id") var center: ResourceCenter
    /// JSON: `AnalyticNoteSection` key → text.
    @Field(key: "sections") var sections: String
    /// JSON `AnalyticFigures`, as counted when drafted.
    @Field(key: "figures") var figures: String
    @Field(key: "counted_at") var countedAt: Date
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _organization, _center, _sections, _figures, _countedAt, _createdBy, _createdAt,
            _updatedBy, _updatedAt, _version,
        ]
    }

    var owner: OrgRef { OrgRef(id: $organization.id, municipalityID: $municipality.id) }
    var resource: Resource { .analyticNote(center: owner) }
    var texts: [String: String] { Report.decode(sections) }
    var counted: AnalyticFigures {
        (try? JSONDecoder().decode(AnalyticFigures.self, from: Data(figures.utf8))) ?? AnalyticFigures()
    }

    static func encode(_ figures: AnalyticFigures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(figures)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
