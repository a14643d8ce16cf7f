import Domain
import Fluent
import Foundation

/// A report campaign (`GLOSSARY.md`: report campaign; issue 22, item 5): a form, a period, its due day.
final class ReportCampaign: Model, @unchecked Sendable {
    static let schema = "report_campaigns"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// `ReportForm.id`: a built-in form's, or the id of the municipality's own form.
    @Field(key: "form_key") var formKey: String
    /// An own form's text as the campaign was announced with it (nil: a built-in form).
    @OptionalField(key: "form_text") var formText: String?
    @Field(key: "title") var title: String
    @Field(key: "year") var year: Int
    @OptionalField(key: "quarter") var quarter: Int?
    @Field(key: "period_from") var periodFrom: Int
    @Field(key: "period_to") var periodTo: Int
    @Field(key: "due_on") var dueOn: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _formKey, _formText, _title, _year, _quarter, _periodFrom, _periodTo, _dueOn,
            _createdBy,
            _createdAt, _version,
        ]
    }

    /// The form its reports answer: the text kept at its announcement, or the built-in one it names.
    var form: ReportForm {
        if let formText {
            return ReportForms.form(key: formKey, title: title, body: formText)
                ?? ReportForm(id: formKey, title: title, indicators: [])
        }
        return ReportForm.builtIn(formKey) ?? .quarterly
    }
    var period: ReportPeriod {
        ReportPeriod(
            from: CivilDay(number: periodFrom), to: CivilDay(number: periodTo), due: CivilDay(number: dueOn))
    }
    var resource: Resource { .reportCampaign(municipalityID: $municipality.id) }
}

/// One organisation's report in a campaign.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"
    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: ReportCampaign
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "organization_id") var organization: Organization
    /// `ReportStatus`.
    @Field(key: "status") var status: String
    /// JSON: indicator key → answer.
    @Field(key: "answers") var answers: String
    /// JSON: indicator key → the number Setka computed when the form was first filled.
    @Field(key: "computed") var computed: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: String?
    @Field(key: "late") var late: Bool
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "returned_at") var returnedAt: Date?
    @OptionalField(key: "returned_by") var returnedBy: String?
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _campaign, _municipality, _organization, _status, _answers, _computed, _submittedAt, _submittedBy,
            _late, _returnComment, _returnedAt, _returnedBy, _updatedBy, _updatedAt, _version,
        ]
    }

    var reportStatus: ReportStatus { ReportStatus(rawValue: status) ?? .pending }
    var answerValues: [String: String] { Self.decode(answers) }
    var computedValues: [String: String] { Self.decode(computed) }
    var resource: Resource { .report(organization: OrgRef(id: $organization.id, municipalityID: $municipality.id)) }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    static func encode(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
