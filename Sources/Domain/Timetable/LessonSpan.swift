import Foundation

/// When a lesson takes place: a day and a half-open interval of minutes [start, end).
public struct LessonSpan: Hashable, Sendable {
    public var day: CivilDay
    public var start: Int
    public var end: Int
    public init(day: CivilDay, start: Int, end: Int) {
        self.day = day
        self.start = start
        self.end = end
    }
    public init(day: CivilDay, start: ClockTime, hours: Int) {
        self.init(day: day, start: start.minutes, end: start.minutes + LessonLength.minutes(hours: hours))
    }
    public func overlaps(_ other: LessonSpan) -> Bool { day == other.day && start < other.end && other.start < end }
    /// «15:00–16:40».
    public var times: String { ClockTime(minutes: start).formatted + "–" + ClockTime(minutes: end).formatted }
}
