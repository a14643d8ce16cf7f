import Domain
import Fluent
import Foundation

/// An event of the network (`GLOSSARY.md`: `Event`; issue 23, item 1): a seminar, round table, webinar, conference,
/// master class, contest, profile shift or summer school, held by an organisation for students, teachers or parents.
/// Archived means cancelled: it stays in the plan marked so.
final class Event: RegistryRecord, @unchecked Sendable {
    static let schema = "events"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// The organisation that holds it.
    @Parent(key: "organization_id") var organization: Organization
    /// `EventKind`.
    @Field(key: "kind") var kind: String
    /// `EventAudience`.
    @Field(key: "audience") var audience: String
    @Field(key: "title") var title: String
    @OptionalField(key: "description") var details: String?
    /// Days (`CivilDay.number`) of its first and last day.
    @Field(key: "starts_on") var startsOn: Int
    @Field(key: "ends_on") var endsOn: Int
    /// Minutes after midnight of its start and end (nil: all day).
    @OptionalField(key: "starts_at") var startsAt: Int?
    @OptionalField(key: "ends_at") var endsAt: Int?
    @OptionalField(key: "place") var place: String?
    @OptionalField(key: "link") var link: String?
    /// Places (nil: no limit).
    @OptionalField(key: "capacity") var capacity: Int?
    /// Places taken, changed only by the conditional updates of `EventRegistrations`.
    @Field(key: "registered_count") var registeredCount: Int
    /// The last day a registration is taken (nil: the day before it starts).
    @OptionalField(key: "registration_until") var registrationUntil: Int?
    /// Shown on the public calendar and its iCal feed.
    @Field(key: "is_public") var isPublic: Bool
    @OptionalField(key: "results") var results: String?
    @OptionalField(key: "materials") var materials: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _organization, _kind, _audience, _title, _details, _startsOn, _endsOn, _startsAt,
            _endsAt, _place, _link, _capacity, _registeredCount, _registrationUntil, _isPublic, _results, _materials,
            _searchKey, _status, _version,
        ]
    }

    var eventKind: EventKind { EventKind(rawValue: kind) ?? .seminar }
    var eventAudience: EventAudience { EventAudience(rawValue: audience) ?? .students }
    var firstDay: CivilDay { CivilDay(number: startsOn) }
    var lastDay: CivilDay { CivilDay(number: endsOn) }
    var isCancelled: Bool { status == RecordStatus.archived.rawValue }
    var window: EventRegistrationWindow {
        EventRegistrationWindow(
            audience: eventAudience, startsOn: firstDay,
            registrationUntil: registrationUntil.map(CivilDay.init(number:)),
            cancelled: isCancelled)
    }
}

/// One person registered for an event: a student (with their school) or a user (a teacher, a parent), their name as it
/// was, and whether they came once the organiser marks it.
final class EventRegistration: Model, @unchecked Sendable {
    static let schema = "event_registrations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: Event
    @OptionalParent(key: "student_id") var student: Student?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "full_name") var fullName: String
    /// The student's school, or the organisation the user works at (nil: a parent).
    @OptionalParent(key: "organization_id") var organization: Organization?
    @OptionalField(key: "attended") var attended: Bool?
    @Field(key: "registered_by") var registeredBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _event, _student, _user, _fullName, _organization, _attended, _registeredBy, _createdAt]
    }
}
