import Domain
import Fluent
import Foundation

/// A plan template of the municipality's own (issue 22, item 1): a КМЦ's yearly plan, a resource centre's plan — its
/// title and text, the version it is at.
final class CustomTemplate: Model, @unchecked Sendable {
    static let schema = "custom_templates"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "title") var title: String
    /// The editor's text (`RoadmapTemplate.text`).
    @Field(key: "body") var body: String
    /// `RecordStatus`: an archived template makes no new plans.
    @Field(key: "status") var status: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _title, _body, _status, _createdBy, _createdAt, _updatedBy, _updatedAt, _version]
    }

    /// The key its plans keep (`plans.template_key`) and its address: the id.
    var key: String { (id ?? UUID()).uuidString.lowercased() }

    /// The template its text makes (the text was checked when saved); nil if it no longer reads — then it makes no
    /// plan (an empty plan would stand in the way of the real one).
    var template: RoadmapTemplate? {
        var errors = FieldErrors()
        guard let sections = RoadmapTemplate.sections(body, field: "body", errors: &errors) else { return nil }
        return RoadmapTemplate(id: key, title: title, sections: sections, version: version)
    }
}

/// A saved version of a template: its title and text as they were.
final class CustomTemplateVersion: Model, @unchecked Sendable {
    static let schema = "custom_template_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "template_id") var template: CustomTemplate
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "saved_by") var savedBy: String
    @Field(key: "saved_at") var savedAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _template, _number, _title, _body, _savedBy, _savedAt] }
}

/// The templates a plan is made from: the built-in roadmaps and the municipality's own active ones.
enum Templates {
    /// Every own template of the municipality, archived ones too, by title.
    static func kept(_ municipalityID: UUID, on db: any Database) async throws -> [CustomTemplate] {
        try await CustomTemplate.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$title)
            .sort(\.$id).all()
    }

    static func own(_ municipalityID: UUID, on db: any Database) async throws -> [CustomTemplate] {
        try await CustomTemplate.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$title).sort(\.$id).all()
    }

    /// Every template a new plan may take, built-in first.
    static func all(_ municipalityID: UUID, on db: any Database) async throws -> [RoadmapTemplate] {
        RoadmapTemplate.builtIn + (try await own(municipalityID, on: db).compactMap(\.template))
    }

    /// The template a form or a body names by its key, if the municipality may use it.
    static func find(_ key: String?, municipalityID: UUID, on db: any Database) async throws -> RoadmapTemplate? {
        guard let key, !key.isEmpty else { return nil }
        if let builtIn = RoadmapTemplate.builtIn(key) { return builtIn }
        guard let id = UUID(uuidString: key),
            let own = try await CustomTemplate.query(on: db).filter(\.$id == id)
                .filter(\.$municipality.$id == municipalityID).filter(\.$status == RecordStatus.active.rawValue)
                .first()
        else { return nil }
        return own.template
    }
}
