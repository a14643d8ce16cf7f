import Foundation

public struct HolidayPeriod: Hashable, Sendable {
    public var title: String
    public var kind: HolidayKind
    public var first: CivilDay
    public var last: CivilDay
    public init(title: String, kind: HolidayKind, first: CivilDay, last: CivilDay) {
        self.title = title
        self.kind = kind
        self.first = first
        self.last = last
    }
    public func contains(_ day: CivilDay) -> Bool { first <= day && day <= last }
}
