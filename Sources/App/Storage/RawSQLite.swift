import Foundation
import SQLKit
import SQLiteNIO
import SQLiteShim
import VaporCSQLite

/// A libsqlite3 connection of its own, driven synchronously from one thread: the SQLite writer's (`SQLiteWriter`) or a
/// reader's (`SQLiteReader`).
/// Statements are prepared once and kept; a job's statements run back to back with no hop between threads, which is
/// what makes a write transaction on SQLite cost microseconds instead of a thread-pool round trip per statement.
/// Unchecked `Sendable`: one thread at a time uses it (the writer's, behind its lock; a reader takes it from the idle
/// list).
final class RawSQLite: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private var resultColumns: [String: ResultColumns] = [:]

    /// An error of libsqlite3 with its message (`UNIQUE constraint failed: …` included, which callers look for).
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    init(path: String) throws {
        var opened: OpaquePointer?
        let flags =
            SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let rc = sqlite_nio_sqlite3_open_v2(path, &opened, flags, nil)
        guard rc == SQLITE_OK, let opened else {
            sqlite_nio_sqlite3_close_v2(opened)
            throw Failure(code: rc, message: "не удалось открыть базу SQLite «\(path)»")
        }
        handle = opened
        // Waits for the lock instead of failing when a write outside the gate (a session's touch) holds it.
        sqlite_nio_sqlite3_busy_timeout(opened, 10_000)
        // Plans that do not depend on bound values: otherwise SQLite re-prepares a cached join on every new binding.
        guard setka_sqlite_enable_qpsg(UnsafeMutableRawPointer(opened)) == SQLITE_OK else {
            throw failure(SQLITE_ERROR)
        }
        try exec("PRAGMA synchronous=NORMAL")
        try exec("PRAGMA foreign_keys=ON")
    }

    deinit { close() }

    func close() {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared) }
        statements = [:]
        resultColumns = [:]
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    /// True outside a transaction (SQLite rolls a transaction back by itself after some errors).
    var isAutocommit: Bool { sqlite_nio_sqlite3_get_autocommit(handle) != 0 }

    /// Statements without binds or rows: BEGIN, SAVEPOINT, COMMIT, PRAGMA (prepared once, like every other).
    func exec(_ sql: String) throws {
        try run(sql, [])
    }

    /// Runs a statement with its binds (`?` placeholders); `row` sees each result row.
    func run(_ sql: String, _ binds: [DBValue], row: (Row) throws -> Void = { _ in }) throws {
        let prepared = try statement(sql)
        defer {
            sqlite_nio_sqlite3_reset(prepared)
            sqlite_nio_sqlite3_clear_bindings(prepared)
        }
        for (i, value) in binds.enumerated() { try bind(value, at: Int32(i + 1), in: prepared) }
        try step(prepared) { statement in try row(Row(statement: statement, columns: columns(of: sql, statement))) }
    }

    /// Rows of one table, `perStatement` to a multi-row INSERT: the full-size statement is prepared once and kept, the
    /// shorter last one prepared for this call only (a kept statement for every remainder would grow the cache).
    func insert(into table: String, columns: [String], count: Int, perStatement: Int = 800, values: (Int) -> [DBValue])
        throws
    {
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
        let tuple = "(" + sqlPlaceholders(columns.count) + ")"
        var start = 0
        while start < count {
            let rowCount = min(perStatement, count - start)
            let sql = head + Array(repeating: tuple, count: rowCount).joined(separator: ", ")
            let kept = rowCount == perStatement
            let prepared = kept ? try statement(sql) : try prepare(sql, persistent: false)
            defer {
                if kept {
                    sqlite_nio_sqlite3_reset(prepared)
                    sqlite_nio_sqlite3_clear_bindings(prepared)
                } else {
                    sqlite_nio_sqlite3_finalize(prepared)
                }
            }
            var index: Int32 = 1
            for i in start..<start + rowCount {
                for value in values(i) {
                    try bind(value, at: index, in: prepared)
                    index += 1
                }
            }
            try step(prepared) { _ in }
            start += rowCount
        }
    }

    private func bind(_ value: DBValue, at index: Int32, in prepared: OpaquePointer) throws {
        let rc: Int32
        switch value.sqlite {
        case .integer(let number): rc = sqlite_nio_sqlite3_bind_int64(prepared, index, Int64(number))
        case .float(let double): rc = sqlite_nio_sqlite3_bind_double(prepared, index, double)
        case .text(let text):
            rc = sqlite_nio_sqlite3_bind_text64(
                prepared, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
        case .null: rc = sqlite_nio_sqlite3_bind_null(prepared, index)
        case .blob(let bytes):
            rc = bytes.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(prepared, index, $0.baseAddress, UInt64($0.count), transient)
            }
        }
        guard rc == SQLITE_OK else { throw failure(rc) }
    }

    /// Runs a bound statement to its end: every statement of this connection goes through here, counted once.
    private func step(_ prepared: OpaquePointer, row: (OpaquePointer) throws -> Void) throws {
        StatementLog.record()
        while true {
            let rc = sqlite_nio_sqlite3_step(prepared)
            if rc == SQLITE_ROW {
                try row(prepared)
            } else if rc == SQLITE_DONE {
                return
            } else {
                throw failure(rc)
            }
        }
    }

    /// The integer of the statement's one result column (`RETURNING n`, `COUNT(*)`) in its first row, if there is one.
    func int(_ sql: String, _ binds: [DBValue]) throws -> Int? {
        var value: Int?
        try run(sql, binds) { row in if value == nil, !row.isNull(at: 0) { value = row.int(at: 0) } }
        return value
    }

    /// The names of a kept statement's result columns, read from SQLite once.
    private func columns(of sql: String, _ prepared: OpaquePointer) -> ResultColumns {
        if let known = resultColumns[sql] { return known }
        let names = (0..<sqlite_nio_sqlite3_column_count(prepared)).map {
            sqlite_nio_sqlite3_column_name(prepared, $0).map { String(cString: $0) } ?? ""
        }
        let columns = ResultColumns(names)
        resultColumns[sql] = columns
        return columns
    }

    /// A result row, valid only inside the `row` closure of `run`.
    struct Row: PositionedRow {
        fileprivate let statement: OpaquePointer
        let columns: ResultColumns
        func isNull(at i: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, i) == SQLITE_NULL }
        func int(at i: Int32) -> Int { Int(sqlite_nio_sqlite3_column_int64(statement, i)) }
        func text(at i: Int32) -> String {
            sqlite_nio_sqlite3_column_text(statement, i).map { String(cString: $0) } ?? ""
        }
        func uuid(at i: Int32) -> UUID? { UUID(uuidString: text(at: i)) }
        func bool(at i: Int32) -> Bool { int(at: i) != 0 }
        /// A date as SQLiteKit stores it (seconds since 1970), or as ISO 8601 text.
        func date(at i: Int32) -> Date? {
            switch sqlite_nio_sqlite3_column_type(statement, i) {
            case SQLITE_FLOAT, SQLITE_INTEGER:
                Date(timeIntervalSince1970: sqlite_nio_sqlite3_column_double(statement, i))
            case SQLITE_TEXT: try? Date(text(at: i), strategy: .iso8601)
            default: nil
            }
        }
    }

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let kept = statements[sql] { return kept }
        let prepared = try prepare(sql, persistent: true)
        statements[sql] = prepared
        return prepared
    }

    private func prepare(_ sql: String, persistent: Bool) throws -> OpaquePointer {
        var prepared: OpaquePointer?
        let rc = sqlite_nio_sqlite3_prepare_v3(
            handle, sql, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &prepared, nil)
        guard rc == SQLITE_OK, let prepared else { throw failure(rc) }
        return prepared
    }

    private func failure(_ rc: Int32) -> Failure {
        Failure(code: rc, message: sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "код \(rc)")
    }
}

extension SQLQueryString {
    /// A statement written with `?` placeholders and its `DBValue`s, for SQLKit (which numbers them as its dialect
    /// does).
    init(_ sql: String, binds: [DBValue]) {
        self.init("")
        var values = binds.makeIterator()
        let parts = sql.split(separator: "?", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            appendLiteral(String(part))
            guard i < parts.count - 1 else { break }
            guard let value = values.next() else { preconditionFailure("fewer values than placeholders: \(sql)") }
            switch value {
            case .uuid(let uuid): appendInterpolation(bind: uuid)
            case .text(let text): appendInterpolation(bind: text)
            case .int(let number): appendInterpolation(bind: number)
            case .bool(let flag): appendInterpolation(bind: flag)
            case .date(let date): appendInterpolation(bind: date)
            case .double(let number): appendInterpolation(bind: number)
            }
        }
    }
}

/// libsqlite3's SQLITE_TRANSIENT: it copies the bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The memory map of every SQLite connection (`setka_sqlite_default_mmap`): SQLite's own limit on this platform
/// (`SQLITE_MAX_MMAP_SIZE`, just under 2 GiB), address space rather than memory.
enum SQLiteMemoryMap {
    static let size: Int64 = 0x7fff_0000
}
