import Foundation

/// A weekly pattern of a group: the same weekday, time and room every week between two dates.
public struct WeeklyPattern: Hashable, Sendable {
    public var weekday: Weekday
    public var start: ClockTime
    public var hours: Int
    public var from: CivilDay
    public var to: CivilDay
    public init(weekday: Weekday, start: ClockTime, hours: Int, from: CivilDay, to: CivilDay) {
        self.weekday = weekday
        self.start = start
        self.hours = hours
        self.from = from
        self.to = to
    }
}
