import Domain
import Fluent
import Foundation

/// The last certificate sequence handed out in a municipality and year (gap-free numbering).
final class CertificateCounter: Model, @unchecked Sendable {
    static let schema = "certificate_counters"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "year") var year: Int
    @Field(key: "last_sequence") var lastSequence: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _municipality, _year, _lastSequence] }
}
