import Foundation

/// How long lessons are: an academic hour is 45 minutes, with a 10-minute break between two hours of one lesson
/// (a lesson of 2 academic hours lasts 15:00–16:40). Group volumes are counted in these hours
/// (`000_5375b2a087477e6d.txt` §4.1: 64 teaching hours a year per group).
public enum LessonLength {
    public static let academicHourMinutes = 45
    public static let breakMinutes = 10
    public static let maxHours = 4
    public static func minutes(hours: Int) -> Int { hours * academicHourMinutes + max(0, hours - 1) * breakMinutes }
}
