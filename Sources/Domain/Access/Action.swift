import Foundation

public enum Action: Sendable {
    case read, create, update, archive
    /// Agreeing or returning a programme (the КМЦ's decision).
    case approve
}
