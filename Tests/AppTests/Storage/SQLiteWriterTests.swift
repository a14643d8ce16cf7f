import Fluent
import SQLKit
import Testing
import Vapor

@testable import App

extension AppTests {
    /// The group-commit writer (`SQLiteWriter`): jobs that arrive together share one transaction, a job that fails is
    /// rolled back alone, and nobody is told "done" for a write that was not committed. SQLite only (PostgreSQL has no
    /// writer): skipped, and shown as skipped, when the tests run on PostgreSQL. No demo: each test makes its own table.
    @Suite(.enabled(if: !AppConfig.testing().isPostgres, "the group-commit writer is SQLite's"))
    struct SQLiteWriterTests {
        static func probe(_ app: Application) async throws -> (any SQLDatabase, SQLiteWriter) {
            let writer = try #require(app.sqliteWriter)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE writer_probe (id INTEGER PRIMARY KEY, job INTEGER NOT NULL)").run()
            return (sql, writer)
        }

        @Test func aFailedJobIsRolledBackAloneAndTheOthersAreKept() async throws {
            try await withApp { app in
                let (sql, writer) = try await Self.probe(app)
                // 60 jobs at once: every third writes a row and then fails on a duplicate key; the rest write two rows
                // each.
                let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                    for job in 0..<60 {
                        group.addTask {
                            do {
                                try await writer.write { connection in
                                    try connection.run(
                                        "INSERT INTO writer_probe (id, job) VALUES (?, ?)", [.int(job * 10), .int(job)])
                                    try connection.run(
                                        "INSERT INTO writer_probe (id, job) VALUES (?, ?)",
                                        [.int(job % 3 == 0 ? job * 10 : job * 10 + 1), .int(job)])
                                }
                                return (job, true)
                            } catch {
                                #expect(String(reflecting: error).contains("UNIQUE constraint failed"))
                                return (job, false)
                            }
                        }
                    }
                    var out: [Int: Bool] = [:]
                    for await (job, ok) in group { out[job] = ok }
                    return out
                }
                #expect(outcomes.count == 60)
                for (job, ok) in outcomes { #expect(ok == (job % 3 != 0), "job \(job)") }
                let rows = try await sql.raw("SELECT job, COUNT(*) AS n FROM writer_probe GROUP BY job").all()
                var counts: [Int: Int] = [:]
                for row in rows {
                    counts[try row.decode(column: "job", as: Int.self)] = try row.decode(column: "n", as: Int.self)
                }
                #expect(counts.count == 40)
                #expect(counts.values.allSatisfy { $0 == 2 })
                #expect((0..<60).filter { $0 % 3 == 0 }.allSatisfy { counts[$0] == nil })
            }
        }

        @Test func aFailedCommitTellsEveryJobOfTheBatch() async throws {
            try await withApp { app in
                let (sql, writer) = try await Self.probe(app)
                // A deferred foreign key is checked only at COMMIT: the job itself succeeds, the batch's commit fails.
                try await sql.raw(
                    "CREATE TABLE writer_child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES writer_probe(id) "
                        + "DEFERRABLE INITIALLY DEFERRED)"
                ).run()
                await #expect(throws: (any Error).self) {
                    try await writer.write { connection in
                        try connection.run("INSERT INTO writer_child (id, parent) VALUES (1, 999)", [])
                    }
                }
                #expect(
                    try await sql.raw("SELECT COUNT(*) AS n FROM writer_child").first()?.decode(
                        column: "n", as: Int.self) == 0)
                // The writer goes on afterwards.
                try await writer.write { c in try c.run("INSERT INTO writer_probe (id, job) VALUES (1, 1)", []) }
                #expect(
                    try await sql.raw("SELECT COUNT(*) AS n FROM writer_probe").first()?.decode(
                        column: "n", as: Int.self) == 1)
            }
        }
    }
}

/// The audit log's hand-written JSON (issue 3's benchmark replaced `JSONSerialization`): valid JSON that reads back
/// the same, keys sorted.
@Test func auditJSONReadsBackTheSame() throws {
    let dict = [
        "Состояние": "зачислен", "Причина": "кавычки \" и \\ обратная черта\nперевод\tтаб\u{01}", "a/b": "ёлочки «»",
    ]
    let text = Audit.encode(dict)
    #expect(Audit.decode(text) == dict)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
    #expect(parsed == dict)
    #expect(Audit.encode(["б": "2", "а": "1"]) == "{\"а\":\"1\",\"б\":\"2\"}")
    #expect(Audit.encode([:]) == "{}")
}

/// Token hashes stay what they were (lower-case hex of SHA-256) after the hex formatting was rewritten.
@Test func tokenHashesAreLowerCaseHexOfSHA256() {
    #expect(Secrets.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(Secrets.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}

extension AppTests {
    /// COPY's text format as `PostgresCopy` writes it (the import on PostgreSQL).
    @Suite struct PostgresCopyFormatTests {
        @Test func timestampsAreUTCWithMicroseconds() {
            #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000000+00")
            #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: -0.5)) == "1969-12-31 23:59:59.500000+00")
            #expect(
                PostgresCopy.timestamp(Date(timeIntervalSince1970: 1_268_600_400.25)) == "2010-03-14 21:00:00.250000+00"
            )
            #expect(PostgresCopy.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000000+00")
        }

        @Test func textIsEscapedAndNullsAreMarked() {
            func line(_ values: [DBValue]) -> String {
                var buffer = ByteBuffer()
                for value in values { PostgresCopy.write(value, to: &buffer) }
                return buffer.readString(length: buffer.readableBytes) ?? ""
            }
            #expect(line([.text("a\tb\\c\nd\re")]) == "a\\tb\\\\c\\nd\\re")
            #expect(line([.text(nil), .date(nil)]) == "\\N\\N")
            #expect(line([.bool(true), .bool(false), .int(-42), .text("Ёлкина")]) == "tf-42Ёлкина")
            #expect(line([.int(7), .int(0), .int(12_345)]) == "7012345")
            #expect(
                line([.uuid(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!)])
                    == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        }
    }
}
