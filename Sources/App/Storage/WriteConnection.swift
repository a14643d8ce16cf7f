import Fluent
import Foundation
import SQLKit

/// A connection inside a write transaction, as an algorithm written once for every database sees it: the SQLite
/// writer's own connection (`SQLiteWriteConnection`, synchronous underneath, no hop per statement) or Fluent's
/// connection in a transaction (`FluentWriteConnection`: PostgreSQL, with COPY for bulk rows). The statements are the
/// `Storage/` texts (`?` placeholders, `DBValue` binds); rows are read by column name.
protocol WriteConnection: Sendable {
    /// The first column of the first row, or nil when there is no row.
    func int(_ sql: String, _ binds: [DBValue]) async throws -> Int?
    func run(_ sql: String, _ binds: [DBValue]) async throws
    /// Calls `body` with each row of the statement.
    func each(_ sql: String, _ binds: [DBValue], _ body: (any NamedRow) throws -> Void) async throws
    /// Many rows of one table at once (multi-row INSERTs on SQLite, COPY on PostgreSQL); row `i` is `values(i)`.
    func insert(into table: String, columns: [String], count: Int, values: @escaping @Sendable (Int) -> [DBValue])
        async throws
}

extension WriteConnection {
    /// Writes an audit entry in the same transaction, as `Audit.record` would.
    func audit(_ entry: Audit.Row) async throws {
        try await run(Audit.insertSQL, Audit.values(entry))
    }
}

/// The SQLite writer's connection (`SQLiteWriter.exclusive`): each call runs at once on it.
struct SQLiteWriteConnection: WriteConnection {
    let connection: RawSQLite

    func int(_ sql: String, _ binds: [DBValue]) async throws -> Int? { try connection.int(sql, binds) }
    func run(_ sql: String, _ binds: [DBValue]) async throws { try connection.run(sql, binds) }
    func each(_ sql: String, _ binds: [DBValue], _ body: (any NamedRow) throws -> Void) async throws {
        try connection.run(sql, binds) { try body($0) }
    }
    func insert(into table: String, columns: [String], count: Int, values: @escaping @Sendable (Int) -> [DBValue])
        async throws
    {
        try connection.insert(into: table, columns: columns, count: count, values: values)
    }
}

/// Fluent's connection in a write transaction, on PostgreSQL.
struct FluentWriteConnection: WriteConnection {
    let db: any Database

    func int(_ sql: String, _ binds: [DBValue]) async throws -> Int? { try await db.sql().int(sql, binds) }
    func run(_ sql: String, _ binds: [DBValue]) async throws { try await db.sql().run(sql, binds) }
    func each(_ sql: String, _ binds: [DBValue], _ body: (any NamedRow) throws -> Void) async throws {
        for row in try await db.sql().rows(sql, binds) { try body(row) }
    }
    func insert(into table: String, columns: [String], count: Int, values: @escaping @Sendable (Int) -> [DBValue])
        async throws
    {
        try await PostgresCopy.rows(into: table, columns: columns, count: count, on: db, values)
    }
}
