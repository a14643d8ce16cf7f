import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Reads of the hottest requests on SQLite (issue 3's benchmark: an API token's user and roles, the facts an ИУП
/// submission checks): a synchronous job against a `RawSQLite` connection of a small pool, on threads of its own — one
/// hop for all of a request's reads instead of a thread-pool round trip, a Fluent model decode and an SQLKit
/// serialisation per query. WAL lets these readers go on while the writer writes; each job sees one snapshot when it
/// wraps its reads in `read`'s transaction.
final class SQLiteReader: Sendable {
    private let pool: NIOThreadPool
    private let idle: NIOLockedValueBox<[RawSQLite]>
    private let path: String

    init(path: String, threads: Int = System.coreCount) throws {
        self.path = path
        idle = NIOLockedValueBox([])
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    func shutdown() async {
        let connections = idle.withLockedValue { pooled -> [RawSQLite] in
            defer { pooled = [] }
            return pooled
        }
        try? await pool.runIfActive { for connection in connections { connection.close() } }
        try? await pool.shutdownGracefully()
    }

    /// Runs `body` on a reader connection, inside one read transaction (one snapshot for all its statements). A body of
    /// one statement passes `snapshot: false`: a statement is its own snapshot, and BEGIN and COMMIT would be two more.
    func read<T: Sendable>(snapshot: Bool = true, _ body: @escaping @Sendable (RawSQLite) throws -> T) async throws -> T
    {
        try await pool.runIfActive { [idle, path] in
            let connection = try idle.withLockedValue { $0.popLast() } ?? RawSQLite(path: path)
            defer { idle.withLockedValue { $0.append(connection) } }
            guard snapshot else { return try body(connection) }
            try connection.exec("BEGIN")
            do {
                let result = try body(connection)
                try connection.exec("COMMIT")
                return result
            } catch {
                if !connection.isAutocommit { try? connection.exec("ROLLBACK") }
                throw error
            }
        }
    }
}

struct SQLiteReaderKey: StorageKey { typealias Value = SQLiteReader }

extension Application {
    /// The raw readers, on an SQLite file; nil on PostgreSQL.
    var sqliteReader: SQLiteReader? { storage[SQLiteReaderKey.self] }
}
