import Domain
import Fluent
import Foundation

/// One course of a teacher's professional development (`GLOSSARY.md`: повышение квалификации; issue 23, item 2): what,
/// who teaches it, the hours, the dates, the trip it takes, whether it was completed and the certificate. Archived
/// means cancelled: it stays in the schedule marked so.
final class DevelopmentCourse: RegistryRecord, @unchecked Sendable {
    static let schema = "professional_development"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "staff_id") var staff: StaffMember
    @Field(key: "course") var course: String
    @Field(key: "provider") var provider: String
    @Field(key: "hours") var hours: Int
    /// Days (`CivilDay.number`) of its first and last day.
    @Field(key: "starts_on") var startsOn: Int
    @Field(key: "ends_on") var endsOn: Int
    /// `DevelopmentTrip`.
    @Field(key: "trip") var trip: String
    @Field(key: "is_completed") var isCompleted: Bool
    /// The certificate's number (удостоверение о повышении квалификации), once completed.
    @OptionalField(key: "certificate") var certificate: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _staff, _course, _provider, _hours, _startsOn, _endsOn, _trip, _isCompleted,
            _certificate, _note, _searchKey, _status, _version,
        ]
    }

    var firstDay: CivilDay { CivilDay(number: startsOn) }
    var lastDay: CivilDay { CivilDay(number: endsOn) }
    var isCancelled: Bool { status == RecordStatus.archived.rawValue }
    var developmentTrip: DevelopmentTrip { DevelopmentTrip(rawValue: trip) ?? .none }
    func developmentStatus(today: CivilDay) -> DevelopmentStatus {
        .of(isCancelled: isCancelled, isCompleted: isCompleted, startsOn: firstDay, endsOn: lastDay, today: today)
    }
}
