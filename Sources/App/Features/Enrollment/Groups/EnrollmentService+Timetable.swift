import Domain
import Fluent
import SQLKit
import Vapor

extension EnrollmentService {
    /// Another group of a student whose lessons meet the lessons of a group.
    struct TimetableClash: Sendable {
        var groupName: String
        var centerID: UUID
        var schoolID: UUID
        var municipalityID: UUID
        var span: LessonSpan

        /// In words, naming the other group only to who may see that the student attends it (`.groupStudent`), or to
        /// the student and their guardian.
        func text(for studentID: UUID, req: Request?) -> String {
            let when = "\(span.day.formatted) \(span.times)"
            guard let req else { return "«\(groupName)», \(when)" }
            let actor = req.currentUser?.actor
            let shown =
                actor?.students.contains(studentID) == true
                || req.can(
                    .read,
                    .groupStudent(
                        school: OrgRef(id: schoolID, municipalityID: municipalityID),
                        center: OrgRef(id: centerID, municipalityID: municipalityID)))
            return shown ? "«\(groupName)», \(when)" : "занятия в другой группе сети, \(when)"
        }
    }

    /// Students whose other groups have lessons at the same time as the group's lessons (issue 4: once lessons exist,
    /// enrolment refuses a student whose other groups clash), with the first such lesson of each. Past lessons do not
    /// count, nor does the group being left by a transfer (`leaving`). One statement; on PostgreSQL it takes the shared
    /// side of the timetable lock first, so a timetable change cannot slip in between the check and the enrolment.
    static func timetableClashes(studentIDs: [UUID], groupID: UUID, leaving: UUID? = nil, on db: any Database)
        async throws -> [UUID: TimetableClash]
    {
        guard !studentIDs.isEmpty else { return [:] }
        try await TimetableService.lockForEnrollment(on: db)
        let rows = try await db.sql().raw(clashQuery(studentIDs: studentIDs, groupID: groupID, leaving: leaving)).all()
        var out: [UUID: TimetableClash] = [:]
        for r in rows {
            let sid = try r.decode(column: "sid", as: UUID.self)
            guard out[sid] == nil else { continue }
            out[sid] = TimetableClash(
                groupName: try r.decode(column: "gname", as: String.self),
                centerID: try r.decode(column: "cid", as: UUID.self),
                schoolID: try r.decode(column: "school", as: UUID.self),
                municipalityID: try r.decode(column: "muni", as: UUID.self),
                span: LessonSpan(
                    day: CivilDay(number: try r.decode(column: "day", as: Int.self)),
                    start: try r.decode(column: "s", as: Int.self), end: try r.decode(column: "f", as: Int.self)))
        }
        return out
    }

    /// The clash check's one statement (columns: sid, gname, cid, school, muni, day, s, f; ordered by time), as SQLKit
    /// runs it on the Fluent path.
    static func clashQuery(studentIDs: [UUID], groupID: UUID, leaving: UUID?) -> SQLQueryString {
        SQLQueryString(
            clashSQL(students: studentIDs.count),
            binds: clashBinds(studentIDs: studentIDs, groupID: groupID, leaving: leaving))
    }

    /// The clash check for `n` students with `?` placeholders, the raw paths' form of it; `clashBinds` are its values.
    static func clashSQL(students n: Int) -> String {
        """
        SELECT e.student_id AS sid, g.name AS gname, g.organization_id AS cid, st.school_id AS school,
          st.municipality_id AS muni,
               b.day AS day, b.start_minute AS s, b.end_minute AS f
        FROM lessons a
        JOIN lessons b ON \(TimetableSQL.overlaps("a", "b"))
            AND b.status = ? AND b.group_id <> a.group_id
        JOIN enrollments e ON e.group_id = b.group_id AND e.status = ?
        JOIN study_groups g ON g.id = b.group_id
        JOIN students st ON st.id = e.student_id
        WHERE a.group_id = ? AND a.status = ? AND a.day >= ? AND b.group_id <> ? AND e.student_id IN
          (\(Array(repeating: "?", count: n).joined(separator: ", ")))
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

    /// A clash from a row of `clashQuery` read on a raw connection.
    static func clash(_ r: some PositionalRow) -> TimetableClash? {
        guard let cid = r.uuid(2), let school = r.uuid(3), let municipalityID = r.uuid(4) else { return nil }
        return TimetableClash(
            groupName: r.text(1), centerID: cid, schoolID: school, municipalityID: municipalityID,
            span: LessonSpan(day: CivilDay(number: r.int(5)), start: r.int(6), end: r.int(7)))
    }

    /// Refuses one student's enrolment when the timetables clash.
    static func refuseTimetableClash(
        studentID: UUID, groupID: UUID, leaving: UUID? = nil, req: Request?, on db: any Database
    ) async throws {
        if let clash = try await timetableClashes(studentIDs: [studentID], groupID: groupID, leaving: leaving, on: db)[
            studentID]
        {
            throw refusal(.timetableClash(clash.text(for: studentID, req: req)))
        }
    }
}
