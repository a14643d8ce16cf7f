import Foundation

public enum Recurrence {
    /// The days of the pattern from its first to its last date (both included), without the days that fall on a
    /// holiday of the academic-year calendar; the skipped days come back with the holiday's title.
    public static func days(_ pattern: WeeklyPattern, holidays: [HolidayPeriod]) -> (
        days: [CivilDay], skipped: [(day: CivilDay, holiday: String)]
    ) {
        guard pattern.from <= pattern.to else { return ([], []) }
        var day = pattern.from.adding(days: (pattern.weekday.rawValue - pattern.from.weekday.rawValue + 7) % 7)
        var days: [CivilDay] = []
        var skipped: [(CivilDay, String)] = []
        while day <= pattern.to {
            if let holiday = holidays.first(where: { $0.contains(day) }) {
                skipped.append((day, holiday.title))
            } else {
                days.append(day)
            }
            day = day.adding(days: 7)
        }
        return (days, skipped)
    }
}
