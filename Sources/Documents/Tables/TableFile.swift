import Domain
import Foundation

/// A table read from an uploaded file: rows of cell texts, the first row being the header.
public struct TableFile: Sendable, Equatable {
    public var rows: [[String]]
    public init(rows: [[String]]) { self.rows = rows }
}
