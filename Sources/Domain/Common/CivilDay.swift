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
        let (y, m, d) = RuDate.civil(of: date, timeZone: timeZone)
        number = RuDate.days(y, m, d)
    }

    /// «01.09.2026» or «2026-09-01».
    public static func parse(_ text: String) -> CivilDay? {
        let utc = TimeZone(secondsFromGMT: 0)!
        guard let d = RuDate.parse(text, timeZone: utc) else { return nil }
        return CivilDay(d, timeZone: utc)
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }

    public var ymd: (year: Int, month: Int, day: Int) {
        let c = RuDate.civil(days: number)
        return (c.0, c.1, c.2)
    }
    /// 01.01.1970 was a Thursday.
    public var weekday: Weekday { Weekday(rawValue: ((number % 7) + 7 + 3) % 7 + 1)! }
    public func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }
    /// The Monday of the day's week.
    public var startOfWeek: CivilDay { adding(days: 1 - weekday.rawValue) }
    public var startOfMonth: CivilDay { CivilDay(number: number - (ymd.day - 1)) }
    public var daysInMonth: Int {
        let c = ymd
        return RuDate.daysInMonth(c.year, c.month)
    }
    /// Midnight of the day in the zone.
    public func date(timeZone: TimeZone) -> Date {
        let c = ymd
        return RuDate.midnight(c.year, c.month, c.day, timeZone: timeZone)
    }
    /// «01.09.2026».
    public var formatted: String {
        let c = ymd
        return RuDate.pad2(c.day) + "." + RuDate.pad2(c.month) + "." + RuDate.pad4(c.year)
    }
    /// «2026-09-01».
    public var iso: String {
        let c = ymd
        return RuDate.pad4(c.year) + "-" + RuDate.pad2(c.month) + "-" + RuDate.pad2(c.day)
    }
    /// «вторник, 01.09.2026».
    public var long: String { weekday.title + ", " + formatted }
}
