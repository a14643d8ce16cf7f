import Foundation
import SQLiteNIO

/// A value written to the database, converted to the driver's own type without going through `Encodable` (issue 3's
/// benchmark: SQLKit's conversion of each value costs more than SQLite's write of it). Used by the SQLite writer's jobs
/// and by the import's bulk writes (`RawSQLite.insert`, `PostgresCopy`).
enum DBValue: Sendable {
    case uuid(UUID)
    case text(String?)
    case int(Int)
    case bool(Bool)
    case date(Date?)

    /// As SQLiteKit's encoder stores it: a UUID as its text, a date as seconds since 1970, a flag as 0 or 1.
    var sqlite: SQLiteData {
        switch self {
        case .uuid(let u): .text(u.uuidString)
        case .text(let t): t.map { .text($0) } ?? .null
        case .int(let n): .integer(n)
        case .bool(let b): .integer(b ? 1 : 0)
        case .date(let d): d.map { .float($0.timeIntervalSince1970) } ?? .null
        }
    }
}

/// A result row of a raw connection read by column position (`RawSQLite.Row`, `RawPostgres.Row`), so that the hot
/// paths parse the rows of both databases with one piece of code.
protocol PositionalRow {
    func isNull(_ i: Int32) -> Bool
    func int(_ i: Int32) -> Int
    func text(_ i: Int32) -> String
    func uuid(_ i: Int32) -> UUID?
    func optionalText(_ i: Int32) -> String?
    func bool(_ i: Int32) -> Bool
    func date(_ i: Int32) -> Date?
}

/// The columns of `row` from `by` on, as a row of their own: a statement that puts two statements' columns side by
/// side is read by each one's parser.
struct ShiftedRow<R: PositionalRow>: PositionalRow {
    let row: R, by: Int32
    func isNull(_ i: Int32) -> Bool { row.isNull(i + by) }
    func int(_ i: Int32) -> Int { row.int(i + by) }
    func text(_ i: Int32) -> String { row.text(i + by) }
    func uuid(_ i: Int32) -> UUID? { row.uuid(i + by) }
    func optionalText(_ i: Int32) -> String? { row.optionalText(i + by) }
    func bool(_ i: Int32) -> Bool { row.bool(i + by) }
    func date(_ i: Int32) -> Date? { row.date(i + by) }
}
