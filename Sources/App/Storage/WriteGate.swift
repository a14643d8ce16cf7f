import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Serialises write transactions inside one process on SQLite (`DESIGN.md`: SQLite writes). Fluent begins SQLite
/// transactions deferred, so two writers that both read first would collide; one at a time avoids that, while
/// readers keep going thanks to WAL. On PostgreSQL the gate is open and the database's row locks do the work.
/// A lock, not an actor: the SQLite writer's own thread takes it too (`acquireBlocking`), without waiting for a thread
/// of the concurrency pool. The gate passes straight to the next waiter, in arrival order.
final class WriteGate: Sendable {
    private enum Waiter {
        case task(CheckedContinuation<Void, Never>)
        case thread(DispatchSemaphore)
    }
    private struct State {
        var busy = false
        var waiters: [Waiter] = []
    }
    private let state = NIOLockedValueBox(State())

    func acquire() async {
        await withCheckedContinuation { (cont: CheckedContinuation<Void, Never>) in
            let mine = state.withLockedValue { s -> Bool in
                if !s.busy {
                    s.busy = true
                    return true
                }
                s.waiters.append(.task(cont))
                return false
            }
            if mine { cont.resume() }
        }
    }

    func acquireBlocking() {
        let semaphore = DispatchSemaphore(value: 0)
        let mine = state.withLockedValue { s -> Bool in
            if !s.busy {
                s.busy = true
                return true
            }
            s.waiters.append(.thread(semaphore))
            return false
        }
        if !mine { semaphore.wait() }
    }

    func release() {
        let next = state.withLockedValue { s -> Waiter? in
            if s.waiters.isEmpty {
                s.busy = false
                return nil
            }
            return s.waiters.removeFirst()
        }
        switch next {
        case .task(let cont): cont.resume()
        case .thread(let semaphore): semaphore.signal()
        case nil: break
        }
    }
}

struct WriteGateKey: StorageKey { typealias Value = WriteGate }

extension Application {
    /// Runs a write transaction: serialised on SQLite, retried on PostgreSQL serialization failures and deadlocks.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if setkaConfig.isPostgres {
            var attempt = 0
            while true {
                do {
                    return try await db.transaction { try await body($0) }
                } catch  where attempt < 5 && Self.isRetryable(error) {
                    attempt += 1
                    try await Task.sleep(nanoseconds: UInt64(attempt) * 5_000_000)
                }
            }
        }
        guard let gate = storage[WriteGateKey.self] else { return try await db.transaction { try await body($0) } }
        await gate.acquire()
        do {
            // WAL with synchronous=NORMAL: a commit is not fsynced on its own (the WAL is, at checkpoints) — the
            // database
            // stays consistent after a crash, and a power cut can lose the last moments (DESIGN.md, SQLite writes).
            let result = try await db.withConnection { conn in
                try await (conn as? any SQLDatabase)?.raw("PRAGMA synchronous=NORMAL").run()
                return try await conn.transaction { try await body($0) }
            }
            gate.release()
            return result
        } catch {
            gate.release()
            throw error
        }
    }

    static func isRetryable(_ error: any Error) -> Bool {
        let text = String(reflecting: error)
        return text.contains("40001") || text.contains("40P01")
    }
}
