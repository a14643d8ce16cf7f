import Foundation

/// Hours of a group: planned by the programme (64 by default, `000_5375b2a087477e6d.txt` §4.1), delivered by the
/// journal.
public struct GroupHours: Equatable, Sendable {
    public var planned: Int
    public var scheduled: Int
    public var delivered: Int
    public init(planned: Int, scheduled: Int, delivered: Int) {
        self.planned = planned
        self.scheduled = scheduled
        self.delivered = delivered
    }
    /// Hours still to deliver to reach the plan (never negative).
    public var gap: Int { max(0, planned - delivered) }
}
