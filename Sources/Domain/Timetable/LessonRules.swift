import Foundation

/// The limits every lesson keeps: within the group's dates, between 07:00 and 22:00, 1–4 academic hours.
public enum LessonRules {
    public static let earliest = 7 * 60
    public static let latest = 22 * 60

    /// Adds the errors of a lesson's time (start and length) to the fields named.
    public static func checkTime(start: ClockTime?, hours: Int?, startField: String, errors: inout FieldErrors) {
        guard let start, let hours else { return }
        if start.minutes < earliest {
            errors.add(startField, "Занятия начинаются не раньше 07:00.")
        } else if start.minutes + LessonLength.minutes(hours: hours) > latest {
            errors.add(startField, "Занятие в \(hours) ак. ч закончится позже 22:00.")
        }
    }

    /// Adds an error when a day is outside the group's dates.
    public static func checkDay(
        _ day: CivilDay?, window: ClosedRange<CivilDay>, field: String, errors: inout FieldErrors
    ) {
        guard let day, !window.contains(day) else { return }
        errors.add(field, "Дата вне сроков группы (\(window.lowerBound.formatted) — \(window.upperBound.formatted)).")
    }
}
