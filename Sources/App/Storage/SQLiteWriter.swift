import NIOConcurrencyHelpers
import Vapor

/// Group commit on SQLite (issue 3's benchmark; `DESIGN.md`, SQLite writes). Short write jobs are queued; the writer
/// takes everything queued at that moment, holds the write gate, and runs the jobs on its own thread and connection in
/// one `BEGIN IMMEDIATE … COMMIT`, each inside a savepoint: a job that throws is rolled back to its savepoint alone and
/// gets its error, the others keep their writes. Nobody hears "done" before the COMMIT succeeded; if the COMMIT (or
/// the transaction) fails, every job of the batch gets that error and nothing of it is kept.
///
/// A job is synchronous code against `RawSQLite`: no awaiting inside, so a batch of many jobs costs one hop to the
/// writer's thread and back instead of a thread-pool round trip per statement.
final class SQLiteWriter: @unchecked Sendable {  // `jobs` and `stopping` are guarded by `signal`
    // the closures are only called on the writer's thread, then once to finish
    private struct Job: @unchecked Sendable {
        var run: (RawSQLite) throws -> Void
        var finish: @Sendable ((any Error)?) -> Void
    }

    /// 1 while jobs wait or a stop is asked for, 0 when the writer may sleep.
    private let signal = ConditionLock(value: 0)
    private var jobs: [Job] = []
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)
    private let connection: RawSQLite
    private let gate: WriteGate
    /// Jobs of one transaction at most: a batch should not hold the gate long.
    static let maxBatch = 256

    init(path: String, gate: WriteGate) throws {
        connection = try RawSQLite(path: path)
        // All writes go through this connection: a page cache of 64 MB (the default is 2 MB) keeps a large batch — an
        // import of 100 000 children — from spilling dirty pages to the WAL and reading them back mid-transaction, and
        // statement journals stay in memory instead of temporary files.
        try connection.exec("PRAGMA cache_size=-65536")
        try connection.exec("PRAGMA temp_store=MEMORY")
        self.gate = gate
        // A thread of its own: the loop never waits for a thread of the concurrency pool, which the requests keep busy.
        let thread = Thread { [self] in loop() }
        thread.name = "setka-sqlite-writer"
        thread.start()
    }

    func shutdown() async {
        signal.lock()
        stopping = true
        signal.unlock(withValue: 1)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.stopped.wait()
                continuation.resume()
            }
        }
    }

    /// Runs `body` in the next batch and answers with its result once the batch is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (RawSQLite) throws -> T) async throws -> T {
        let box = NIOLockedValueBox<T?>(nil)
        return try await withCheckedThrowingContinuation { (cont: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { connection in
                    let value = try body(connection)
                    box.withLockedValue { $0 = value }
                },
                finish: { error in
                    if let error { return cont.resume(throwing: error) }
                    guard let value = box.withLockedValue({ $0 }) else {
                        return cont.resume(throwing: Abort(.internalServerError))
                    }
                    cont.resume(returning: value)
                })
            signal.lock()
            if stopping {
                signal.unlock(withValue: 1)
                return cont.resume(throwing: Abort(.serviceUnavailable, reason: "Сервер останавливается."))
            }
            jobs.append(job)
            signal.unlock(withValue: 1)
        }
    }

    /// Runs an asynchronous `body` as one job of the next batch: the writer's thread waits, holding the write gate and
    /// the transaction, while `body` runs on the concurrency pool with the connection to itself (each of its statements
    /// runs at once, as in a job). For long algorithms written once for every database (the import's commit); `body`
    /// must write through `connection` only — anything that waits for the write gate would wait forever.
    func exclusive<T: Sendable>(_ body: @escaping @Sendable (SQLiteWriteConnection) async throws -> T) async throws
        -> T
    {
        try await write { connection in
            let done = DispatchSemaphore(value: 0)
            let outcome = NIOLockedValueBox<Result<T, any Error>?>(nil)
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body(SQLiteWriteConnection(connection: connection))) } catch {
                    result = .failure(error)
                }
                outcome.withLockedValue { $0 = result }
                done.signal()
            }
            done.wait()
            guard let result = outcome.withLockedValue({ $0 }) else { throw Abort(.internalServerError) }
            return try result.get()
        }
    }

    private func loop() {
        while true {
            signal.lock(whenValue: 1)
            let batch = Array(jobs.prefix(Self.maxBatch))
            jobs.removeFirst(batch.count)
            let stop = stopping && batch.isEmpty
            signal.unlock(withValue: jobs.isEmpty && !stopping ? 0 : 1)
            if stop { break }
            gate.acquireBlocking()
            let results = Self.runBatch(batch, on: connection)
            gate.release()
            for (job, result) in zip(batch, results) { job.finish(result) }
        }
        connection.close()
        stopped.signal()
    }

    private static func runBatch(_ jobs: [Job], on connection: RawSQLite) -> [(any Error)?] {
        do { try connection.exec("BEGIN IMMEDIATE") } catch { return jobs.map { _ in error } }
        var results: [(any Error)?] = []
        results.reserveCapacity(jobs.count)
        for job in jobs {
            do {
                try connection.exec("SAVEPOINT job")
                do {
                    try job.run(connection)
                    try connection.exec("RELEASE job")
                    results.append(nil)
                } catch {
                    try connection.exec("ROLLBACK TO job")
                    try connection.exec("RELEASE job")
                    results.append(error)
                }
            } catch {
                // The savepoint itself failed (SQLite may have rolled the whole transaction back): keep nothing.
                if !connection.isAutocommit { try? connection.exec("ROLLBACK") }
                return jobs.map { _ in error }
            }
        }
        do {
            try connection.exec("COMMIT")
        } catch {
            if !connection.isAutocommit { try? connection.exec("ROLLBACK") }
            return jobs.map { _ in error }
        }
        return results
    }
}

struct SQLiteWriterKey: StorageKey { typealias Value = SQLiteWriter }

extension Application {
    /// The group-commit writer, on an SQLite file; nil on PostgreSQL.
    var sqliteWriter: SQLiteWriter? { storage[SQLiteWriterKey.self] }
}

/// Closes the writer's and the readers' connections and threads when the application stops, and removes a throwaway
/// database file.
struct SQLiteWriterLifecycle: LifecycleHandler {
    var temporaryFile: String?

    func shutdownAsync(_ application: Application) async {
        await application.sqliteWriter?.shutdown()
        await application.sqliteReader?.shutdown()
        if let path = temporaryFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
