import Domain
import Fluent
import SQLKit
import Testing
import Vapor

@testable import App

/// The generator's tests' shared pieces: a tiny network on a fixed academic year and day (the same data whatever the
/// day the tests run), digests of chosen tables, and counts by SQL.
enum GeneratedNetwork {
    /// 2025/2026, filled up to 16.03.2026: the autumn modules are finished, the year's groups half-way.
    static let year = 2025
    static let today = CivilDay(year: 2026, month: 3, day: 16)!

    @discardableResult
    static func generate(_ app: Application, scale: NetworkScale = .tiny, seed: UInt64 = 7) async throws
        -> NetworkGenerator.Summary
    {
        try await NetworkGenerator(scale: scale, seed: seed, year: year, today: today).run(on: app)
    }

    enum Kind { case uuid, optionalUUID, text, optionalText, int }

    /// The tables and columns compared between two generations (no bcrypt hash: its salt is random by design).
    static let digested: [(table: String, columns: [(String, Kind)])] = [
        ("municipalities", [("id", .uuid), ("name", .text), ("last_student_number", .int)]),
        ("organizations", [("id", .uuid), ("short_name", .text), ("search_key", .text)]),
        ("users", [("id", .uuid), ("username", .text), ("full_name", .text), ("search_key", .text)]),
        (
            "students",
            [
                ("id", .uuid), ("school_id", .uuid), ("user_id", .optionalUUID), ("surname", .text),
                ("given_name", .text), ("patronymic", .optionalText), ("identity_key", .text),
                ("search_key", .text), ("registry_number", .int), ("grade", .int),
            ]
        ),
        (
            "study_groups",
            [
                ("id", .uuid), ("teacher_id", .uuid), ("room_id", .uuid), ("name", .text), ("search_key", .text),
                ("capacity", .int), ("enrolled_count", .int), ("planned_hours", .int),
            ]
        ),
        ("enrollments", [("id", .uuid), ("student_id", .uuid), ("group_id", .uuid)]),
        (
            "lessons",
            [
                ("id", .uuid), ("group_id", .uuid), ("room_id", .uuid), ("teacher_id", .uuid), ("day", .int),
                ("start_minute", .int),
            ]
        ),
        ("lesson_records", [("id", .uuid), ("lesson_id", .uuid), ("topic", .text)]),
        ("attendance_marks", [("id", .uuid), ("lesson_id", .uuid), ("student_id", .uuid), ("status", .text)]),
        ("final_results", [("id", .uuid), ("student_id", .uuid), ("grade", .optionalText)]),
        (
            "certificates",
            [
                ("id", .uuid), ("student_id", .uuid), ("number", .text), ("verification_code", .text),
                ("sequence", .int),
            ]
        ),
    ]

    /// Each digested table's rows as text, sorted (row order is the database's business).
    static func digest(_ app: Application) async throws -> [String: [String]] {
        let sql = try #require(app.db as? any SQLDatabase)
        var out: [String: [String]] = [:]
        for (table, columns) in digested {
            let rows = try await sql.select().columns(columns.map { SQLColumn($0.0) }).from(table).all()
            out[table] = try rows.map { row in
                try columns.map { name, kind -> String in
                    switch kind {
                    case .uuid: try row.decode(column: name, as: UUID.self).uuidString
                    case .optionalUUID: try row.decode(column: name, as: UUID?.self)?.uuidString ?? "-"
                    case .text: try row.decode(column: name, as: String.self)
                    case .optionalText: try row.decode(column: name, as: String?.self) ?? "-"
                    case .int: String(try row.decode(column: name, as: Int.self))
                    }
                }.joined(separator: "|")
            }.sorted()
        }
        return out
    }

    /// The number a `SELECT COUNT(*) AS n …` answers.
    static func count(_ app: Application, _ query: String) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        let row = try #require(try await sql.raw(SQLQueryString(query)).first())
        return try row.decode(column: "n", as: Int.self)
    }
}
