import Foundation

/// A calendar day in the municipality's own time, as days since 01.01.1970. Lessons, holidays and busy slots are
/// local-time facts of one municipality, so they are kept as days and minutes, free of time zones and of `Calendar`.
public struct CivilDay: Hashable, Comparable, Sendable, Codable {
    public var number: Int
    public init(number: Int) { self.number = number }

    /// The day, or nil when there is no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= RuDate.daysInMonth(year, month) else { return nil }
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

    public var ymd: (year: Int, month: Int, day: Int) { let c = RuDate.civil(days: number); return (c.0, c.1, c.2) }
    /// 01.01.1970 was a Thursday.
    public var weekday: Weekday { Weekday(rawValue: ((number % 7) + 7 + 3) % 7 + 1)! }
    public func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }
    /// The Monday of the day's week.
    public var startOfWeek: CivilDay { adding(days: 1 - weekday.rawValue) }
    public var startOfMonth: CivilDay { CivilDay(number: number - (ymd.day - 1)) }
    public var daysInMonth: Int { let c = ymd; return RuDate.daysInMonth(c.year, c.month) }
    /// Midnight of the day in the zone.
    public func date(timeZone: TimeZone) -> Date { let c = ymd; return RuDate.midnight(c.year, c.month, c.day, timeZone: timeZone) }
    /// «01.09.2026».
    public var formatted: String { let c = ymd; return RuDate.pad2(c.day) + "." + RuDate.pad2(c.month) + "." + RuDate.pad4(c.year) }
    /// «2026-09-01».
    public var iso: String { let c = ymd; return RuDate.pad4(c.year) + "-" + RuDate.pad2(c.month) + "-" + RuDate.pad2(c.day) }
    /// «вторник, 01.09.2026».
    public var long: String { weekday.title + ", " + formatted }
}

/// Days of the week, Monday first (ISO 8601, as Russian calendars are printed).
public enum Weekday: Int, CaseIterable, Codable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var title: String {
        switch self {
        case .monday: "понедельник"
        case .tuesday: "вторник"
        case .wednesday: "среда"
        case .thursday: "четверг"
        case .friday: "пятница"
        case .saturday: "суббота"
        case .sunday: "воскресенье"
        }
    }

    public var short: String {
        switch self {
        case .monday: "пн"
        case .tuesday: "вт"
        case .wednesday: "ср"
        case .thursday: "чт"
        case .friday: "пт"
        case .saturday: "сб"
        case .sunday: "вс"
        }
    }

    /// «по понедельникам».
    public var every: String {
        switch self {
        case .monday: "по понедельникам"
        case .tuesday: "по вторникам"
        case .wednesday: "по средам"
        case .thursday: "по четвергам"
        case .friday: "по пятницам"
        case .saturday: "по субботам"
        case .sunday: "по воскресеньям"
        }
    }
}

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
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return ClockTime(hour: h, minute: m)
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
    public var formatted: String { RuDate.pad2(minutes / 60) + ":" + RuDate.pad2(minutes % 60) }
}

/// Каникулы and праздничные дни of an academic year: no lessons are generated on them.
public enum HolidayKind: String, CaseIterable, Codable, Sendable {
    case vacation, holiday
    public var title: String {
        switch self {
        case .vacation: "каникулы"
        case .holiday: "праздничный день"
        }
    }
}

public struct HolidayPeriod: Hashable, Sendable {
    public var title: String
    public var kind: HolidayKind
    public var first: CivilDay
    public var last: CivilDay
    public init(title: String, kind: HolidayKind, first: CivilDay, last: CivilDay) {
        self.title = title; self.kind = kind; self.first = first; self.last = last
    }
    public func contains(_ day: CivilDay) -> Bool { first <= day && day <= last }
}
