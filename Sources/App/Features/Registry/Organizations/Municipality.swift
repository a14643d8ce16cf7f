import Fluent
import Foundation

final class Municipality: Model, @unchecked Sendable {
    static let schema = "municipalities"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "time_zone") var timeZone: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Series of certificate numbers and the share of delivered hours a student must attend to get one (issue 4).
    @Field(key: "certificate_series") var certificateSeries: String
    @Field(key: "certificate_min_attendance") var certificateMinAttendance: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _name, _timeZone, _createdAt, _certificateSeries, _certificateMinAttendance]
    }
    init(id: UUID? = nil, name: String, timeZone: String = "Europe/Moscow") {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.certificateSeries = "СК"
        self.certificateMinAttendance = 75
    }

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? MunicipalClock.defaultZone }
}
