import Fluent
import FluentPostgresDriver
import NIOConcurrencyHelpers
import Vapor

/// A PostgreSQL connection of the pool driven by PostgresNIO directly, for the hottest requests on PostgreSQL (issue
/// 3's
/// benchmark: an API token's user, the facts and the writes of an ИУП submission). The statements are the ones the
/// SQLite paths run (`?` placeholders, numbered here as `$1…`), the values the same `DBValue`s; rows are read by
/// position, as `RawSQLite.Row`s are — no Fluent model decode and no SQLKit serialisation per query.
struct RawPostgres: Sendable {
    let connection: PostgresConnection

    /// The rows of one statement.
    func rows(_ sql: String, _ binds: [DBValue]) async throws -> [Row] {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { Self.append(value, to: &bindings) }
        StatementLog.record()
        let result = try await connection.query(
            PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: connection.logger)
        return try await result.collect().map { Row(cells: Array($0)) }
    }

    /// The rows of a statement PostgreSQL plans once per connection (PostgresNIO prepares it on first use): for the hot
    /// path's reads, whose planning cost more than their execution (the clash check's join: 1.1 ms to plan, 20 µs to
    /// run). Its values must be non-null, so that the first execution fixes every parameter's type.
    ///
    /// PostgresNIO remembers a failed preparation on the connection for good, so on any error but a serialization
    /// failure or deadlock (which happen while running, and are retried) the connection is closed: the pool then
    /// drops it instead of lending out a statement that can never run again.
    func rows<K: PreparedSQL>(_ statement: K.Type, _ binds: [DBValue]) async throws -> [Row] {
        StatementLog.record()
        do {
            let rows = try await connection.execute(Prepared<K>(binds: binds), logger: connection.logger)
            var out: [Row] = []
            for try await row in rows { out.append(row) }
            return out
        } catch {
            if !Application.isRetryable(error) { try? await connection.close() }
            throw error
        }
    }

    struct Prepared<K: PreparedSQL>: PostgresPreparedStatement {
        typealias Row = RawPostgres.Row
        static var name: String { String(reflecting: K.self) }  // qualified: two nested types may share a short name
        static var sql: String { K.postgres }
        let binds: [DBValue]
        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: binds.count)
            for value in binds { RawPostgres.append(value, to: &bindings) }
            return bindings
        }
        func decodeRow(_ row: PostgresRow) -> RawPostgres.Row { Row(cells: Array(row)) }
    }

    func run(_ sql: String, _ binds: [DBValue]) async throws {
        _ = try await rows(sql, binds)
    }

    /// The integer of the statement's one result column (`RETURNING n`, `COUNT(*)`) in its first row, if there is one.
    func int(_ sql: String, _ binds: [DBValue]) async throws -> Int? {
        guard let row = try await rows(sql, binds).first, !row.isNull(at: 0) else { return nil }
        return row.int(at: 0)
    }

    /// Runs `body` inside BEGIN … COMMIT on this connection (ROLLBACK when it throws).
    func transaction<T: Sendable>(_ body: (RawPostgres) async throws -> T) async throws -> T {
        try await run("BEGIN", [])
        do {
            let result = try await body(self)
            try await run("COMMIT", [])
            return result
        } catch {
            try? await run("ROLLBACK", [])
            throw error
        }
    }

    /// `transaction`, run again on serialization failures and deadlocks (as `writeTransaction` retries Fluent's).
    func retryingTransaction<T: Sendable>(_ body: (RawPostgres) async throws -> T) async throws -> T {
        try await retrying { try await $0.transaction(body) }
    }

    /// `body` (one transaction: a statement in autocommit, or `transaction`), run again on serialization failures and
    /// deadlocks.
    func retrying<T: Sendable>(_ body: (RawPostgres) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body(self)
            } catch  where attempt < 5 && Application.isRetryable(error) {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(attempt) * 5_000_000)
            }
        }
    }

    static func append(_ value: DBValue, to bindings: inout PostgresBindings) {
        switch value {
        case .uuid(let uuid): bindings.append(uuid)
        case .text(let text): bindings.append(text)
        case .int(let number): bindings.append(number)
        case .bool(let flag): bindings.append(flag)
        case .date(let date): bindings.append(date)
        case .double(let number): bindings.append(number)
        }
    }

    /// `?` placeholders as `$1`, `$2`, … (the statements are shared with SQLite and have no `?` inside literals).
    static func numbered(_ sql: String) -> String {
        guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count + 32)
        var number = 0
        for byte in sql.utf8 {
            if byte == UInt8(ascii: "?") {
                number += 1
                out.append(UInt8(ascii: "$"))
                out.append(contentsOf: String(number).utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Rows to insert, collected in a transaction and sent as one statement (the tables' INSERTs as data-modifying
    /// CTEs:
    /// one round trip for all; foreign keys are checked at the statement's end, so a parent and its children may go
    /// together). Each `add` takes one of the shared `INSERT INTO t (…) VALUES (?, …)` statements and a row's values.
    struct Inserts: Sendable {
        private var tables: [(head: Substring, row: Substring, values: [[DBValue]])] = []

        mutating func add(_ insertSQL: String, _ values: [DBValue]) {
            let (head, row) = Self.split(insertSQL)
            if let i = tables.firstIndex(where: { $0.head == head }) {
                tables[i].values.append(values)
            } else {
                tables.append((head, row, [values]))
            }
        }

        /// A shared `INSERT INTO t (…) VALUES (?, …)` as its head and its row of placeholders.
        static func split(_ insertSQL: String) -> (head: Substring, row: Substring) {
            guard let split = insertSQL.range(of: " VALUES ") else {
                preconditionFailure("not an INSERT … VALUES statement: \(insertSQL)")
            }
            return (insertSQL[..<split.lowerBound], insertSQL[split.upperBound...])
        }

        var isEmpty: Bool { tables.isEmpty }

        /// The one statement and its values in the order of their placeholders.
        var statement: (sql: String, binds: [DBValue]) {
            let inserts = tables.map { table in
                "\(table.head) VALUES "
                    + Array(repeating: String(table.row), count: table.values.count).joined(separator: ", ")
            }
            let ctes = inserts.dropLast().enumerated().map { "w\($0.offset) AS (\($0.element))" }
            let sql = (ctes.isEmpty ? "" : "WITH " + ctes.joined(separator: ", ") + " ") + (inserts.last ?? "")
            return (sql, tables.flatMap { $0.values.flatMap { $0 } })
        }
    }

    /// Sends the collected rows; nothing when there are none.
    func insert(_ rows: Inserts) async throws {
        guard !rows.isEmpty else { return }
        let statement = rows.statement
        try await run(statement.sql, statement.binds)
    }

    /// A result row, read by column name like `RawSQLite.Row`; a value of an unexpected type reads as absent.
    struct Row: PositionedRow, Sendable {
        let cells: [PostgresCell]
        let columns: ResultColumns
        init(cells: [PostgresCell]) {
            self.cells = cells
            columns = ResultColumns(cells.map(\.columnName))
        }
        func isNull(at i: Int32) -> Bool { cells[Int(i)].bytes == nil }
        func int(at i: Int32) -> Int { (try? cells[Int(i)].decode(Int.self)) ?? 0 }
        func text(at i: Int32) -> String { (try? cells[Int(i)].decode(String.self)) ?? "" }
        func uuid(at i: Int32) -> UUID? { try? cells[Int(i)].decode(UUID.self) }
        func bool(at i: Int32) -> Bool { (try? cells[Int(i)].decode(Bool.self)) ?? false }
        func date(at i: Int32) -> Date? { try? cells[Int(i)].decode(Date.self) }
    }
}

/// A statement of the raw paths with a fixed text (`?` placeholders), named by its type, so that PostgreSQL can keep
/// its plan per connection (`RawPostgres.rows(_:_:)` with the type).
protocol PreparedSQL {
    static var sql: String { get }
}

extension PreparedSQL {
    /// The text with PostgreSQL's numbered placeholders, numbered once per statement (PostgresNIO asks for it on every
    /// execution).
    static var postgres: String {
        let key = ObjectIdentifier(Self.self)
        if let text = numberedTexts.withLockedValue({ $0[key] }) { return text }
        let text = RawPostgres.numbered(sql)
        numberedTexts.withLockedValue { $0[key] = text }
        return text
    }
}

private let numberedTexts = NIOLockedValueBox<[ObjectIdentifier: String]>([:])

extension Application {
    /// Runs `body` on a connection of the PostgreSQL pool; nil on SQLite.
    func withRawPostgres<T: Sendable>(_ body: @escaping @Sendable (RawPostgres) async throws -> T) async throws -> T? {
        guard setkaConfig.isPostgres, let pg = db as? any PostgresDatabase else { return nil }
        return try await pg.withConnection { conn in
            conn.eventLoop.makeFutureWithTask { try await body(RawPostgres(connection: conn)) }
        }.get()
    }

    /// A write transaction on a raw connection, retried on serialization failures and deadlocks as `writeTransaction`
    /// retries Fluent's; nil on SQLite.
    func rawPostgresTransaction<T: Sendable>(_ body: @escaping @Sendable (RawPostgres) async throws -> T) async throws
        -> T?
    {
        try await withRawPostgres { try await $0.retryingTransaction(body) }
    }
}
