import Foundation
import SQLKit

/// The statements of `Storage/` (`?` placeholders, `DBValue` binds) on Fluent's own connection, so that a statement the
/// raw paths run (the SQLite writer's, a raw PostgreSQL connection's) is written once and the Fluent paths run the
/// same text. The values go through SQLKit's binding, so each driver stores them as Fluent does; an absent value is
/// written as NULL.
extension SQLDatabase {
    func rows(_ sql: String, _ binds: [DBValue]) async throws -> [SQLRowReader] {
        try await raw(Self.query(sql, binds)).all().map(SQLRowReader.init)
    }

    func run(_ sql: String, _ binds: [DBValue]) async throws {
        try await raw(Self.query(sql, binds)).run()
    }

    /// The first column of the first row (a one-column statement), or nil when there is no row.
    func int(_ sql: String, _ binds: [DBValue]) async throws -> Int? {
        guard let row = try await raw(Self.query(sql, binds)).first(), let column = row.allColumns.first else {
            return nil
        }
        return try row.decode(column: column, as: Int.self)
    }

    /// The text with each `?` replaced by the next value's binding (the statements have no `?` inside literals).
    static func query(_ sql: String, _ binds: [DBValue]) -> SQLQueryString {
        var query = SQLQueryString("")
        var values = binds.makeIterator()
        var parts = sql.split(separator: "?", omittingEmptySubsequences: false).makeIterator()
        if let first = parts.next() { query.appendLiteral(String(first)) }
        while let part = parts.next() {
            switch values.next() {
            case .uuid(let uuid): query.appendInterpolation(bind: uuid)
            // An absent value is an untyped NULL: bound as a `String?` PostgreSQL would type it text (an absent id).
            case .text(nil), .date(nil), .double(nil): query.appendInterpolation(SQLLiteral.null)
            case .text(let text): query.appendInterpolation(bind: text)
            case .int(let number): query.appendInterpolation(bind: number)
            case .bool(let flag): query.appendInterpolation(bind: flag)
            case .date(let date): query.appendInterpolation(bind: date)
            case .double(let number): query.appendInterpolation(bind: number)
            case nil: preconditionFailure("fewer values than placeholders in «\(sql)»")
            }
            query.appendLiteral(String(part))
        }
        return query
    }
}

/// `?, ?, …` — the placeholders of an `IN (…)` list or a row of values.
func sqlPlaceholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
