import Foundation
import SQLKit
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
    /// A score or a total (issue 21: olympiad results).
    case double(Double?)

    /// As SQLiteKit's encoder stores it: a UUID as its text, a date as seconds since 1970, a flag as 0 or 1.
    var sqlite: SQLiteData {
        switch self {
        case .uuid(let uuid): .text(uuid.uuidString)
        case .text(let text): text.map { .text($0) } ?? .null
        case .int(let number): .integer(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .date(let date): date.map { .float($0.timeIntervalSince1970) } ?? .null
        case .double(let number): number.map { .float($0) } ?? .null
        }
    }
}

/// The names of a statement's result columns and their positions, worked out once per statement and shared by its rows.
final class ResultColumns: Sendable {
    let positions: [String: Int32]
    init(_ names: [String]) {
        var positions: [String: Int32] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = Int32(i) }
        self.positions = positions
    }
}

/// A result row read by column name — of a raw connection (`RawSQLite.Row`, `RawPostgres.Row`) or of SQLKit
/// (`SQLRowReader`): a statement's rows are parsed by one piece of code whichever way they were read, and a column
/// added to a statement shifts nothing. A statement read this way names each column once (an alias where two tables
/// share a column's name). A value of another type, or a name the statement does not have, reads as absent (tests stop
/// on a missing name).
protocol NamedRow {
    func isNull(_ name: String) -> Bool
    func int(_ name: String) -> Int
    func text(_ name: String) -> String
    func uuid(_ name: String) -> UUID?
    func optionalText(_ name: String) -> String?
    func bool(_ name: String) -> Bool
    func date(_ name: String) -> Date?
}

/// A raw connection's row: values by position, names through the statement's `ResultColumns`.
protocol PositionedRow: NamedRow {
    var columns: ResultColumns { get }
    func isNull(at i: Int32) -> Bool
    func int(at i: Int32) -> Int
    func text(at i: Int32) -> String
    func uuid(at i: Int32) -> UUID?
    func bool(at i: Int32) -> Bool
    func date(at i: Int32) -> Date?
}

extension PositionedRow {
    private func position(_ name: String) -> Int32? {
        guard let i = columns.positions[name] else {
            assertionFailure("no column «\(name)» in the statement's result")
            return nil
        }
        return i
    }

    func isNull(_ name: String) -> Bool { position(name).map { isNull(at: $0) } ?? true }
    func int(_ name: String) -> Int { position(name).map { int(at: $0) } ?? 0 }
    func text(_ name: String) -> String { position(name).map { text(at: $0) } ?? "" }
    func uuid(_ name: String) -> UUID? { position(name).flatMap { isNull(at: $0) ? nil : uuid(at: $0) } }
    func optionalText(_ name: String) -> String? { position(name).flatMap { isNull(at: $0) ? nil : text(at: $0) } }
    func bool(_ name: String) -> Bool { position(name).map { bool(at: $0) } ?? false }
    func date(_ name: String) -> Date? { position(name).flatMap { isNull(at: $0) ? nil : date(at: $0) } }
}

/// SQLKit's row (Fluent's connection) read as a `NamedRow`.
struct SQLRowReader: NamedRow {
    let row: any SQLRow
    init(_ row: any SQLRow) { self.row = row }

    private func value<T: Decodable>(_ name: String, _ type: T.Type) -> T? {
        guard row.contains(column: name) else {
            assertionFailure("no column «\(name)» in the statement's result")
            return nil
        }
        return try? row.decode(column: name, as: T?.self)
    }

    func isNull(_ name: String) -> Bool { (try? row.decodeNil(column: name)) ?? true }
    func int(_ name: String) -> Int { value(name, Int.self) ?? 0 }
    func text(_ name: String) -> String { value(name, String.self) ?? "" }
    func uuid(_ name: String) -> UUID? { value(name, UUID.self) }
    func optionalText(_ name: String) -> String? { value(name, String.self) }
    func bool(_ name: String) -> Bool { value(name, Bool.self) ?? false }
    func date(_ name: String) -> Date? { value(name, Date.self) }
}
