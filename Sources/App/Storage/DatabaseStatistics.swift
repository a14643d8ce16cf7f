import Fluent
import SQLKit
import Vapor

/// The planner's statistics after a bulk load (`setka generate`): without them SQLite plans the region's reads by guess
/// (a range of days before a teacher), and PostgreSQL's autovacuum and autoanalyze take the first minutes after the
/// COPY, when the pages answer slowly or not at all (issue 20's first PostgreSQL benchmark run).
enum DatabaseStatistics {
    /// SQLite: `ANALYZE` on a sample (`analysis_limit`), seconds on the region's gigabyte; PostgreSQL: `VACUUM
    /// (ANALYZE)`, which also marks the loaded pages all-visible for index-only scans.
    static func refresh(_ app: Application) async throws {
        if let writer = app.sqliteWriter {
            try await writer.exclusive { connection in
                try await connection.run("PRAGMA analysis_limit = 1000", [])
                try await connection.run("ANALYZE", [])
            }
        } else {
            try await app.db.sql().raw("VACUUM (ANALYZE)").run()
        }
    }
}
