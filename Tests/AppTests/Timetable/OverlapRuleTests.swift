import Domain
import Fluent
import SQLKit
import Testing

@testable import App

extension AppTests {
    /// The lesson-overlap rule is stated once (`LessonSpan.overlaps`); the SQL the enrolment paths run in the database
    /// (`TimetableSQL.overlaps`) answers the same for every case, on SQLite and on PostgreSQL.
    @Suite struct OverlapRuleTests {
        static let monday = CivilDay(year: 2026, month: 9, day: 7)!
        static let cases: [(LessonSpan, LessonSpan)] = [
            (span(0, 900, 990), span(0, 900, 990)),  // the same time
            (span(0, 900, 990), span(0, 950, 1040)),  // overlapping
            (span(0, 900, 990), span(0, 990, 1080)),  // one ends as the other starts
            (span(0, 900, 1080), span(0, 950, 990)),  // one inside the other
            (span(0, 900, 990), span(1, 900, 990)),  // another day
            (span(0, 600, 645), span(0, 900, 990)),  // apart
        ]

        static func span(_ day: Int, _ start: Int, _ end: Int) -> LessonSpan {
            LessonSpan(day: monday.adding(days: day), start: start, end: end)
        }

        /// Each case both ways round.
        @Test(arguments: cases)
        func theDatabaseAndTheDomainAgree(_ first: LessonSpan, _ second: LessonSpan) async throws {
            try await withApp { app in
                let sql = try app.db.sql()
                for (one, other) in [(first, second), (second, first)] {
                    let row = try #require(
                        try await sql.raw(
                            """
                            SELECT CASE WHEN \(unsafeRaw: TimetableSQL.overlaps("a", "b")) THEN 1 ELSE 0 END AS hit
                            FROM (SELECT \(bind: one.day.number) AS day, \(bind: one.start) AS start_minute,
                              \(bind: one.end) AS end_minute) a,
                            (SELECT \(bind: other.day.number) AS day, \(bind: other.start) AS start_minute,
                              \(bind: other.end) AS end_minute) b
                            """
                        ).first())
                    #expect(
                        try row.decode(column: "hit", as: Int.self) == (one.overlaps(other) ? 1 : 0), "\(one) \(other)")
                }
            }
        }
    }
}
