import Domain
import Fluent
import Foundation

/// A plan made from a roadmap template for a year (`GLOSSARY.md`: `Plan`; issue 22, item 2): an organisation's, or the
/// municipality's own when `organization` is nil.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalParent(key: "organization_id") var organization: Organization?
    /// The organisation's id, or `municipality` (`Plan.ownerKey`): one plan per owner, template and year.
    @Field(key: "owner_key") var ownerKey: String
    @Field(key: "template_key") var templateKey: String
    /// The own template's version the plan was made from (nil: a built-in roadmap or another source).
    @OptionalField(key: "template_version") var templateVersion: Int?
    @Field(key: "title") var title: String
    @Field(key: "year") var year: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _organization, _ownerKey, _templateKey, _templateVersion, _title, _year, _createdBy,
            _createdAt,
            _updatedBy, _updatedAt, _version,
        ]
    }

    static func ownerKey(_ organizationID: UUID?) -> String {
        organizationID?.uuidString.lowercased() ?? "municipality"
    }

    /// The plan's owner as the access policy reads it.
    var owner: OrgRef? { $organization.id.map { OrgRef(id: $0, municipalityID: $municipality.id) } }
    var resource: Resource { .plan(owner: owner, municipalityID: $municipality.id) }
}

/// One item of a plan: a side of a template row (for a quarterly deadline, one quarter's), with its state.
final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Parent(key: "municipality_id") var municipality: Municipality
    /// The plan's organisation (nil: the municipality's own plan), kept on the item for the policy and the counts.
    @OptionalParent(key: "organization_id") var organization: Organization?
    /// `PlanItemDraft.Side`.
    @Field(key: "side") var side: String
    @Field(key: "section") var section: String
    @OptionalField(key: "number") var number: String?
    @Field(key: "position") var position: Int
    @Field(key: "measure") var measure: String
    /// The deadline in the template's words.
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "due_on") var dueOn: Int?
    @OptionalField(key: "starts_on") var startsOn: Int?
    @OptionalField(key: "quarter") var quarter: Int?
    @Field(key: "evidence_required") var evidenceRequired: Bool
    /// `PlanItemStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "done_on") var doneOn: Int?
    @OptionalField(key: "responsible") var responsible: String?
    @OptionalParent(key: "responsible_user_id") var responsibleUser: User?
    @OptionalField(key: "evidence_note") var evidenceNote: String?
    @OptionalField(key: "evidence_link") var evidenceLink: String?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _plan, _municipality, _organization, _side, _section, _number, _position, _measure, _deadline, _dueOn,
            _startsOn, _quarter, _evidenceRequired, _status, _doneOn, _responsible, _responsibleUser, _evidenceNote,
            _evidenceLink, _cancelReason, _updatedBy, _updatedAt, _version,
        ]
    }

    var itemSide: PlanItemDraft.Side { PlanItemDraft.Side(rawValue: side) ?? .center }
    var itemStatus: PlanItemStatus { PlanItemStatus(rawValue: status) ?? .notStarted }
    var due: CivilDay? { dueOn.map(CivilDay.init(number:)) }
    var done: CivilDay? { doneOn.map(CivilDay.init(number:)) }
    var progress: PlanProgress.Item { PlanProgress.Item(status: itemStatus, dueOn: due, doneOn: done) }

    var owner: OrgRef? { $organization.id.map { OrgRef(id: $0, municipalityID: $municipality.id) } }
    var resource: Resource {
        .planItem(
            owner: owner, side: itemSide, responsibleUserID: $responsibleUser.id, municipalityID: $municipality.id)
    }

    var input: PlanItemInput {
        PlanItemInput(
            status: itemStatus, dueOn: due, doneOn: done, responsible: responsible, evidenceNote: evidenceNote,
            evidenceLink: evidenceLink, cancelReason: cancelReason)
    }

    func apply(_ input: PlanItemInput) {
        status = input.status.rawValue
        dueOn = input.dueOn?.number
        doneOn = input.doneOn?.number
        responsible = input.responsible
        evidenceNote = input.evidenceNote
        evidenceLink = input.evidenceLink
        cancelReason = input.cancelReason
    }
}

/// An item's evidence file (one per item), kept as an achievement's scan is (`AchievementDocument`).
final class PlanItemFile: Model, StoredScan, @unchecked Sendable {
    static let schema = "plan_item_files"
    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_item_id") var item: PlanItem
    /// The name it was uploaded under, cleaned (`DocumentScan.displayName`): shown, never used to serve it.
    @Field(key: "file_name") var fileName: String
    /// `DocumentScan`, read from the content.
    @Field(key: "kind") var kind: String
    @Field(key: "size") var size: Int
    /// The bytes when `storage` is `database`; empty when they are in the files' folder.
    @Field(key: "content") var content: Data
    @Field(key: "storage") var storage: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Field(key: "uploaded_by") var uploadedBy: String

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _item, _fileName, _kind, _size, _content, _storage, _uploadedAt, _uploadedBy]
    }

    /// The files' folder's subfolder of evidence.
    static let folderKind = "plan-evidence"
}
