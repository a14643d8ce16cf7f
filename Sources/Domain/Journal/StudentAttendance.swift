import Foundation

/// One student's attendance over the marked lessons of a group.
public struct StudentAttendance: Equatable, Sendable {
    public var marked: Int
    public var present: Int
    public var excused: Int
    public var absent: Int
    /// Academic hours of the lessons attended, and of all marked lessons.
    public var attendedHours: Int
    public var deliveredHours: Int
    public init(
        marked: Int = 0, present: Int = 0, excused: Int = 0, absent: Int = 0, attendedHours: Int = 0,
        deliveredHours: Int = 0
    ) {
        self.marked = marked
        self.present = present
        self.excused = excused
        self.absent = absent
        self.attendedHours = attendedHours
        self.deliveredHours = deliveredHours
    }

    /// Adds one marked lesson of `hours` delivered hours.
    public mutating func add(_ status: AttendanceStatus, hours: Int) {
        marked += 1
        deliveredHours += hours
        switch status {
        case .present:
            present += 1
            attendedHours += hours
        case .excused: excused += 1
        case .absent: absent += 1
        }
    }

    /// Share of delivered hours attended, in percent rounded down (0 when nothing was delivered).
    public var percent: Int { deliveredHours == 0 ? 0 : attendedHours * 100 / deliveredHours }
    /// Whether the student attended at least `minimum` percent of the hours delivered (the certificate rule, default 75
    /// %).
    public func attended(atLeast minimum: Int) -> Bool {
        deliveredHours > 0 && attendedHours * 100 >= minimum * deliveredHours
    }
}
