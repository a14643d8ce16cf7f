import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// `setka generate` ends by giving the planner its statistics (`DatabaseStatistics.refresh`): SQLite's
    /// `sqlite_stat1` rows, PostgreSQL's last analyze of the generated tables.
    @Suite struct DatabaseStatisticsTests {
        @Test func theGeneratedNetworkLeavesStatisticsForThePlanner() async throws {
            try await withApp { app in
                try await GeneratedNetwork.generate(app, seed: 3)
                let sql = try #require(app.db as? any SQLDatabase)
                let before = try await Self.analyzed(app, sql)
                #expect(!before.contains("lessons"), "the statistics are the refresh's, not the generation's")
                try await DatabaseStatistics.refresh(app)
                let after = try await Self.analyzed(app, sql)
                for table in ["lessons", "attendance_marks", "students", "study_groups"] {
                    #expect(after.contains(table), "no statistics for \(table)")
                }
            }
        }

        /// The tables the planner has statistics for.
        static func analyzed(_ app: Application, _ sql: any SQLDatabase) async throws -> Set<String> {
            if app.setkaConfig.isPostgres {
                let rows = try await sql.raw(
                    "SELECT relname AS name FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
                ).all()
                return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
            }
            let exists = try await sql.raw(
                "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first()?.decode(column: "n", as: Int.self)
            guard exists == 1 else { return [] }
            let rows = try await sql.raw("SELECT DISTINCT tbl AS name FROM sqlite_stat1").all()
            return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        }
    }
}
