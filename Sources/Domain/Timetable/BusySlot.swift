import Foundation

/// Time a school keeps for its own lessons for a grade on a weekday (e.g. lessons until 14:30).
public struct BusySlot: Hashable, Sendable {
    public var schoolID: UUID
    public var schoolName: String
    public var grade: Int
    public var weekday: Weekday
    public var start: Int
    public var end: Int
    public init(schoolID: UUID, schoolName: String, grade: Int, weekday: Weekday, start: Int, end: Int) {
        self.schoolID = schoolID
        self.schoolName = schoolName
        self.grade = grade
        self.weekday = weekday
        self.start = start
        self.end = end
    }
}
