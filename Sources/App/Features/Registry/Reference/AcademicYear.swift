import Fluent
import Foundation

/// Учебный год: 1 September – 31 May by default (`000_5375b2a087477e6d.txt`: the project runs 1 Sep – 31 May).
final class AcademicYear: RegistryRecord, @unchecked Sendable {
    static let schema = "academic_years"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "title") var title: String
    @Field(key: "starts_on") var startsOn: Date
    @Field(key: "ends_on") var endsOn: Date
    @Field(key: "is_current") var isCurrent: Bool
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _title, _startsOn, _endsOn, _isCurrent, _status, _version]
    }
    init(municipalityID: UUID, title: String, startsOn: Date, endsOn: Date, isCurrent: Bool) {
        self.$municipality.id = municipalityID
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.isCurrent = isCurrent
        self.status = "active"
        self.version = 1
    }
}
