import Domain
import Fluent
import Foundation

/// Каникулы or a праздничный день of an academic year: no lessons are generated on these days.
final class HolidayPeriodRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "holiday_periods"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "first_day") var firstDay: Int
    @Field(key: "last_day") var lastDay: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _academicYear, _title, _kind, _firstDay, _lastDay, _status, _version]
    }

    var domain: HolidayPeriod {
        HolidayPeriod(
            title: title, kind: HolidayKind(rawValue: kind) ?? .holiday, first: CivilDay(number: firstDay),
            last: CivilDay(number: lastDay))
    }
}
