import Fluent
import SQLKit
import Testing
import Vapor

@testable import App

extension AppTests {
    /// Every SQLite connection reads through the memory map `configure` sets for the process
    /// (`setka_sqlite_default_mmap`): Fluent's pooled connections and the raw readers alike.
    @Suite(.enabled(if: !AppConfig.testing().isPostgres, "SQLite's memory-mapped I/O"))
    struct SQLiteMemoryMapTests {
        @Test func everyConnectionReadsThroughTheMap() async throws {
            try await withApp { app in
                let sql = try #require(app.db as? any SQLDatabase)
                let fluent = try await sql.raw("PRAGMA mmap_size").first()?.decode(column: "mmap_size", as: Int64.self)
                #expect(fluent == SQLiteMemoryMap.size)
                let reader = try #require(app.sqliteReader)
                let raw = try await reader.read(snapshot: false) { try $0.int("PRAGMA mmap_size", []) }
                #expect(raw.map(Int64.init) == SQLiteMemoryMap.size)
            }
        }
    }
}
