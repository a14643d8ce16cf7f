import SQLKit

/// PostgreSQL's session-level advisory lock that lets one of several Setka processes starting at once migrate while
/// the others wait; lock, work and unlock on one connection.
enum MigrationLock {
    static let key = 7_301_002

    static func holding(on db: any SQLDatabase, _ body: () async throws -> Void) async throws {
        try await db.raw("SELECT pg_advisory_lock(\(literal: key))").run()
        do {
            try await body()
        } catch {
            try? await db.raw("SELECT pg_advisory_unlock(\(literal: key))").run()
            throw error
        }
        try await db.raw("SELECT pg_advisory_unlock(\(literal: key))").run()
    }
}
