import Foundation

/// A calendar day in the municipality's own time, as days since 01.01.1970. Lessons, holidays and busy slots are
/// local-time facts of one municipality, so they are kept as days and minutes, free of time zones and of `Calendar`.
public struct CivilDay: Hashable, Comparable, Sendable, Codable {
    public var number: Int
    public init(number: Int) { self.number = number }

    /// The day, or nil when there is no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= RuDate.daysInMonth(year, month)
        else { return nil }
        number = RuDate.days(year, month, day)
    }

    /// The local day a moment falls on.
    public init(_ date: Date, timeZone: TimeZone) {
        let (year, month, day) = RuDate.civil(of: date, timeZone: timeZone)
        number = RuDate.days(year, month, day)
    }

    /// «01.09.2026» or «2026-09-01».
    public static func parse(_ text: String) -> CivilDay? {
        let utc = TimeZone(secondsFromGMT: 0)!
        guard let date = RuDate.parse(text, timeZone: utc) else { return nil }
        return CivilDay(date, timeZone: utc)
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }

    public var ymd: (year: Int, month: Int, day: Int) {
        let civil = RuDate.civil(days: number)
        return (civil.0, civil.1, civil.2)
    }
    /// 01.01.1970 was a Thursday.
    public var weekday: Weekday { Weekday(rawValue: ((number % 7) + 7 + 3) % 7 + 1)! }
    public func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }
    /// The Monday of the day's week.
    public var startOfWeek: CivilDay { adding(days: 1 - weekday.rawValue) }
    public var startOfMonth: CivilDay { CivilDay(number: number - (ymd.day - 1)) }
    public var daysInMonth: Int {
        let date = ymd
        return RuDate.daysInMonth(date.year, date.month)
    }
    /// Midnight of the day in the zone.
    public func date(timeZone: TimeZone) -> Date {
        let date = ymd
        return RuDate.midnight(date.year, date.month, date.day, timeZone: timeZone)
    }
    /// «01.09.2026» for one day, «01.09.2026 — 05.09.2026» for several.
    public static func span(_ from: CivilDay, _ to: CivilDay) -> String {
        from == to ? from.formatted : from.formatted + " — " + to.formatted
    }
    /// «01.09.2026».
    public var formatted: String {
        let date = ymd
        return RuDate.pad2(date.day) + "." + RuDate.pad2(date.month) + "." + RuDate.pad4(date.year)
    }
    /// «2026-09-01».
    public var iso: String {
        let date = ymd
        return RuDate.pad4(date.year) + "-" + RuDate.pad2(date.month) + "-" + RuDate.pad2(date.day)
    }
    /// «вторник, 01.09.2026».
    public var long: String { weekday.title + ", " + formatted }
}
