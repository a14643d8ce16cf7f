import Domain
import Fluent
import Foundation
import Views

/// Time a school keeps for its own lessons, for some grades on some weekdays (e.g. lessons until 14:30).
final class BusySlotRecord: RegistryRecord, @unchecked Sendable {
    static let schema = "school_busy_slots"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Field(key: "grades") var gradesText: String
    @Field(key: "weekdays") var weekdaysText: String
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _school, _gradesText, _weekdaysText, _startMinute, _endMinute, _status, _version]
    }

    var grades: [Int] { gradesText.split(separator: ",").compactMap { Int($0) } }
    var weekdays: [Weekday] {
        weekdaysText.split(separator: ",").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }
    }
    /// One slot per grade and weekday, as the clash rules read them.
    func slots(schoolName: String) -> [BusySlot] {
        grades.flatMap { grade in
            weekdays.map {
                BusySlot(
                    schoolID: $school.id, schoolName: schoolName, grade: grade, weekday: $0, start: startMinute,
                    end: endMinute)
            }
        }
    }
    /// The busy time of day, e.g. «08:30–14:30».
    var time: String { ClockTime(minutes: startMinute).formatted + "–" + ClockTime(minutes: endMinute).formatted }
    var summary: String {
        BusySlotsWords.summary(
            weekdays: weekdays.map(\.short).joined(separator: ", "),
            grades: grades.map(String.init).joined(separator: ", "), time: time)
    }
}
