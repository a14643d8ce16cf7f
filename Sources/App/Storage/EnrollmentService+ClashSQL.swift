import Domain
import Fluent
import SQLKit
import Vapor

extension EnrollmentService {
    /// The clash check's one statement (columns: sid, gname, cid, school, municipality, day, s, f; ordered by time), as SQLKit
    /// runs it on the Fluent path.
    static func clashQuery(studentIDs: [UUID], groupID: UUID, leaving: UUID?) -> SQLQueryString {
        SQLQueryString(
            clashSQL(students: studentIDs.count),
            binds: clashBinds(studentIDs: studentIDs, groupID: groupID, leaving: leaving))
    }

    /// The clash check for `count` students with `?` placeholders, the raw paths' form of it; `clashBinds` are its values.
    static func clashSQL(students count: Int) -> String {
        """
        SELECT e.student_id AS sid, g.name AS gname, g.organization_id AS cid, st.school_id AS school,
          st.municipality_id AS municipality,
               b.day AS day, b.start_minute AS s, b.end_minute AS f
        FROM lessons a
        JOIN lessons b ON \(TimetableSQL.overlaps("a", "b"))
            AND b.status = ? AND b.group_id <> a.group_id
        JOIN enrollments e ON e.group_id = b.group_id AND e.status = ?
        JOIN study_groups g ON g.id = b.group_id
        JOIN students st ON st.id = e.student_id
        WHERE a.group_id = ? AND a.status = ? AND a.day >= ? AND b.group_id <> ? AND e.student_id IN
          (\(sqlPlaceholders(count)))
        ORDER BY b.day, b.start_minute
        """
    }

    static func clashBinds(studentIDs: [UUID], groupID: UUID, leaving: UUID?) -> [DBValue] {
        let scheduled = DBValue.text(LessonStatus.scheduled.rawValue)
        // A day of slack: "today" in the municipality's zone is never more than a day from today in UTC.
        let from = CivilDay(Date(), timeZone: TimeZone(secondsFromGMT: 0)!).number - 1
        return [
            scheduled, .text(EnrollmentStatus.enrolled.rawValue), .uuid(groupID), scheduled, .int(from),
            .uuid(leaving ?? groupID),
        ] + studentIDs.map { .uuid($0) }
    }

    /// The clash check for one student (an application's), as the raw paths run it (on PostgreSQL inside
    /// `ClashThenSeat`, kept planned: planning its join costs fifty times more than running it).
    static let clashOfOneSQL = clashSQL(students: 1)

    /// The names of a clash's columns in a result: `clashSQL`'s, or those of the PostgreSQL function that runs it.
    struct ClashColumns: Sendable {
        var group = "gname", center = "cid", school = "school", municipality = "municipality", day = "day"
        var start = "s", end = "f"
        static let ofFunction = ClashColumns(
            group: "o_gname", center: "o_cid", school: "o_school", municipality: "o_muni", day: "o_day",
            start: "o_start", end: "o_end")
    }

    /// A clash from a row of `clashQuery` read on a raw connection.
    static func clash(_ row: some NamedRow, columns: ClashColumns = ClashColumns()) -> TimetableClash? {
        guard let center = row.uuid(columns.center), let school = row.uuid(columns.school),
            let municipalityID = row.uuid(columns.municipality)
        else { return nil }
        return TimetableClash(
            groupName: row.text(columns.group), centerID: center, schoolID: school, municipalityID: municipalityID,
            span: LessonSpan(
                day: CivilDay(number: row.int(columns.day)), start: row.int(columns.start), end: row.int(columns.end)))
    }
}
