import Foundation

/// A time of day as minutes since midnight.
public struct ClockTime: Hashable, Comparable, Sendable, Codable {
    public var minutes: Int
    public init(minutes: Int) { self.minutes = minutes }
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// «15:00» or «9:05».
    public static func parse(_ text: String) -> ClockTime? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        return ClockTime(hour: hour, minute: minute)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
    public var formatted: String { RuDate.pad2(minutes / 60) + ":" + RuDate.pad2(minutes % 60) }
}
