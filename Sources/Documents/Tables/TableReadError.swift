import Domain
import Foundation

/// Why an uploaded file could not be read at all (as opposed to a bad row).
public struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
