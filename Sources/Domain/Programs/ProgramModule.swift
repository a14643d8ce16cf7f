import Foundation

/// One module of a programme: a name and its hours.
public struct ProgramModule: Equatable, Sendable {
    public var name: String
    public var hours: Int
    public init(name: String, hours: Int) {
        self.name = name
        self.hours = hours
    }
}
