import Domain
import Fluent
import Foundation

/// A report form of the municipality's own (issue 22, item 5): its title and text of indicators, the version it is at.
final class CustomReportForm: Model, @unchecked Sendable {
    static let schema = "custom_report_forms"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "title") var title: String
    /// The editor's text (`ReportForm.text`).
    @Field(key: "body") var body: String
    /// `RecordStatus`: an archived form starts no new campaign.
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

    /// The key its campaigns keep (`report_campaigns.form_key`) and its address: the id.
    var key: String { (id ?? UUID()).uuidString.lowercased() }

    /// The form its text makes (the text was checked when saved); nil if it no longer reads — then it starts no
    /// campaign.
    var form: ReportForm? { ReportForms.form(key: key, title: title, body: body) }
}

/// A saved version of a report form: its title and text as they were.
final class CustomReportFormVersion: Model, @unchecked Sendable {
    static let schema = "custom_report_form_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "form_id") var form: CustomReportForm
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "saved_by") var savedBy: String
    @Field(key: "saved_at") var savedAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _form, _number, _title, _body, _savedBy, _savedAt] }
}

/// The forms a campaign is announced with: the built-in quarterly report and the municipality's own active ones.
enum ReportForms {
    static func form(key: String, title: String, body: String) -> ReportForm? {
        var errors = FieldErrors()
        return ReportForm.indicators(body, field: "body", errors: &errors).map {
            ReportForm(id: key, title: title, indicators: $0)
        }
    }

    /// Every own form of the municipality, archived ones too, by title.
    static func kept(_ municipalityID: UUID, on db: any Database) async throws -> [CustomReportForm] {
        try await CustomReportForm.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$title)
            .sort(\.$id).all()
    }

    static func own(_ municipalityID: UUID, on db: any Database) async throws -> [CustomReportForm] {
        try await CustomReportForm.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$title).sort(\.$id).all()
    }

    /// Every form a new campaign may take, built-in first, with the text an own one is kept by (nil: built-in).
    static func all(_ municipalityID: UUID, on db: any Database) async throws -> [(form: ReportForm, text: String?)] {
        ReportForm.builtIn.map { ($0, nil) }
            + (try await own(municipalityID, on: db).compactMap { own in own.form.map { ($0, own.body) } })
    }

    /// The form a form names by its key, if the municipality may use it, with its text (nil: built-in).
    static func find(_ key: String?, municipalityID: UUID, on db: any Database) async throws -> (
        form: ReportForm, text: String?
    )? {
        guard let key, !key.isEmpty else { return nil }
        if let builtIn = ReportForm.builtIn(key) { return (builtIn, nil) }
        guard let id = UUID(uuidString: key),
            let own = try await CustomReportForm.query(on: db).filter(\.$id == id)
                .filter(\.$municipality.$id == municipalityID).filter(\.$status == RecordStatus.active.rawValue)
                .first(),
            let form = own.form
        else { return nil }
        return (form, own.body)
    }
}
