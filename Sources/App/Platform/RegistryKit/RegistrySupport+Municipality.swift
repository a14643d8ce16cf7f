import Domain
import Fluent
import Vapor

/// The signed-in user's municipality: where their new records go, and its time zone.
extension RegistrySupport {
    /// The user's municipality for new records (the first one their roles cover).
    static func municipality(_ req: Request) throws -> UUID {
        guard let municipalityID = try req.requireUser().municipalityIDs.first else { throw AppError.forbidden }
        return municipalityID
    }

    /// The user's municipality's zone, read once per request (a page asks for it in several places).
    static func zone(_ req: Request) async throws -> TimeZone {
        if let zone = req.storage[ZoneKey.self] { return zone }
        let zone = try await MunicipalClock.zone(req.currentUser?.municipalityIDs.first, on: req.db)
        req.storage[ZoneKey.self] = zone
        return zone
    }

    struct ZoneKey: StorageKey { typealias Value = TimeZone }
}
