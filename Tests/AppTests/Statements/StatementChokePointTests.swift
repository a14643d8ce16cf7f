import Foundation
import Testing

extension AppTests {
    /// The statement count (`StatementLog`) is taken where statements leave the app: SQLKit's log for Fluent, and the
    /// raw paths' own calls into the drivers. This fails when a driver call appears anywhere else, so that no code
    /// sends statements past the count.
    @Suite struct StatementChokePointTests {
        /// Each driver entry point the sources may call, and the one file (counting with `StatementLog.record()`) that
        /// calls it, how many times.
        static let allowed: [String: [String: Int]] = [
            "sqlite3_step(": ["Storage/RawSQLite.swift": 1],
            "sqlite3_exec(": [:],
            "PostgresQuery(": ["Storage/RawPostgres.swift": 1],
            ".execute(Prepared": ["Storage/RawPostgres.swift": 1],
            "copyFrom(": ["Storage/PostgresCopy.swift": 1],
            "simpleQuery(": [:],
        ]

        @Test func onlyTheCountedPathsCallTheDrivers() throws {
            let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/App")
            let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
                .filter { $0.hasSuffix(".swift") }
            #expect(files.count > 100)
            var found: [String: [String: Int]] = Self.allowed.mapValues { _ in [:] }
            var records: [String: Int] = [:]
            for file in files {
                let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                for pattern in Self.allowed.keys {
                    let count = text.components(separatedBy: pattern).count - 1
                    if count > 0 { found[pattern, default: [:]][file] = count }
                }
                records[file] = text.components(separatedBy: "StatementLog.record()").count - 1
            }
            #expect(found == Self.allowed)
            var calls: [String: Int] = [:]
            for (file, count) in Self.allowed.values.flatMap({ $0 }) { calls[file, default: 0] += count }
            for (file, calls) in calls {
                #expect(records[file] == calls, "\(file): \(calls) driver calls, \(records[file] ?? 0) counted")
            }
        }
    }
}
