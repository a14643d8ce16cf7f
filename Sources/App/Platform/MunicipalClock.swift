import Domain
import Fluent
import Foundation

/// The municipality's time zone and the current day and minute in it: every date a user reads or types is the
/// municipality's (a network spans no zones; a region of several municipalities may).
enum MunicipalClock {
    /// The zone of a municipality that names none, and of requests that belong to no municipality.
    static let defaultZone = TimeZone(identifier: "Europe/Moscow") ?? .current

    static func zone(_ municipalityID: UUID?, on db: any Database) async throws -> TimeZone {
        guard let id = municipalityID, let municipality = try await Municipality.find(id, on: db) else {
            return defaultZone
        }
        return municipality.zone
    }

    /// Today in the zone and the minutes since its midnight.
    static func now(_ zone: TimeZone) -> (day: CivilDay, minute: Int) {
        let today = CivilDay(Date(), timeZone: zone)
        return (today, Int(Date().timeIntervalSince(today.date(timeZone: zone)) / 60))
    }
}
