import Domain
import Fluent
import Foundation

/// A meeting of the КМЦ (`GLOSSARY.md`: `Meeting`; issue 22, item 6).
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// The day it is planned for or was held on.
    @Field(key: "held_on") var heldOn: Int
    @Field(key: "title") var title: String
    @Field(key: "agenda") var agenda: String
    /// `MeetingStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "minutes") var minutes: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _heldOn, _title, _agenda, _status, _minutes, _createdBy, _createdAt, _updatedBy,
            _updatedAt, _version,
        ]
    }

    var day: CivilDay { CivilDay(number: heldOn) }
    var meetingStatus: MeetingStatus { MeetingStatus(rawValue: status) ?? .planned }
    var resource: Resource { .meeting(municipalityID: $municipality.id) }
}

/// A member of the КМЦ invited to a meeting, and whether they came.
final class MeetingParticipant: Model, @unchecked Sendable {
    static let schema = "meeting_participants"
    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Parent(key: "kmc_member_id") var member: KmcMember
    @Field(key: "present") var present: Bool

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _meeting, _member, _present] }
}

/// A decision of a meeting; with a deadline, an item of the municipality's plan of decisions.
final class MeetingDecisionRecord: Model, @unchecked Sendable {
    static let schema = "meeting_decisions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @OptionalField(key: "responsible") var responsible: String?
    @OptionalField(key: "due_on") var dueOn: Int?
    @OptionalParent(key: "plan_item_id") var planItem: PlanItem?

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _meeting, _position, _text, _responsible, _dueOn, _planItem] }

    var decision: MeetingDecision {
        MeetingDecision(text: text, responsible: responsible, dueOn: dueOn.map(CivilDay.init(number:)))
    }
}
