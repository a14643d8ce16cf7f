import Foundation

/// A problem of one cell of an imported table (or of a whole row, `column` empty), by the file's line number: the
/// students' import and the achievements' import report them alike.
public struct TableRowError: Codable, Sendable, Equatable {
    public var line: Int
    public var column: String
    public var message: String
    public init(line: Int, column: String, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}
