import Domain
import Fluent
import SQLKit
import Vapor

extension TimetableService {
    /// On PostgreSQL timetable writes take turns (an exclusive transaction-scoped advisory lock) while enrolments share
    /// it (`lockForEnrolment`), so a clash check and the write after it always see the same lessons and memberships;
    /// enrolments still run side by side. On SQLite the write gate already serialises every write.
    static func lockTimetable(_ municipalityID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
    }

    /// The shared side of the timetable lock, taken by an enrolment before its clash check.
    static func lockForEnrollment(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock_shared(\(unsafeRaw: String(lockKey)))").run()
    }

    /// The same lock in a transaction on a raw PostgreSQL connection.
    static func lockForEnrollment(on db: RawPostgres) async throws {
        try await db.run("SELECT pg_advisory_xact_lock_shared(\(lockKey))", [])
    }

    /// One key for the whole timetable: its writes are rare, and a per-municipality key would need a read first.
    static let lockKey: Int64 = 7_004_202_611
}
