import Foundation

/// The travel time the administrator sets between two centres (either direction).
public struct TravelTime: Hashable, Sendable {
    public var a: UUID
    public var b: UUID
    public var minutes: Int
    public init(a: UUID, b: UUID, minutes: Int) {
        self.a = a
        self.b = b
        self.minutes = minutes
    }
}
