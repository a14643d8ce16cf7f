import Domain
import Vapor
import Views

extension EnrollmentService {
    /// PostgreSQL's clash check and conditional seat in one statement (the timetable's lock is already held, so one
    /// snapshot serves both): the first clashing lesson's columns (`clash`), or NULLs, then the new count, NULL when no
    /// seat was taken. Binds: `clashBinds` for one student, then `RawSeat.open`.
    enum ClashThenSeat: PreparedSQL {
        static let sql = """
            WITH clash AS (\(clashOfOneSQL) LIMIT 1),
            seat AS (\(RawSeat.seatUpdate) AND NOT EXISTS (SELECT 1 FROM clash) RETURNING enrolled_count)
            SELECT clash.*, (SELECT enrolled_count FROM seat) AS seated FROM (SELECT 1) AS one LEFT JOIN clash ON true
            """
    }

    /// One place being taken: the statements and their values.
    struct RawSeat {
        let group: Group, student: StudentFacts, source: EnrollmentSource, now: Date
        let id = UUID()
        var result = EnrollmentOutcome.enrolled, seq: Int?

        /// The conditional seat: one more place only while the group is open and not full (binds: `open`).
        static let seatUpdate = """
            UPDATE study_groups SET enrolled_count = enrolled_count + 1 WHERE id = ? AND is_open = ? AND status = ?
              AND enrolled_count < capacity
            """
        static let seatSQL = seatUpdate + " RETURNING enrolled_count"
        /// The next waiting number, when no seat was taken (binds: `open`).
        static let waitUpdate =
            "UPDATE study_groups SET waitlist_seq = waitlist_seq + 1 WHERE id = ? AND is_open = ? AND status = ?"
        static let waitSQL = waitUpdate + " RETURNING waitlist_seq"
        /// How many wait before a waiting number (binds: `ahead`); the number itself follows the `<`.
        static let aheadCount =
            "SELECT COUNT(*) AS n FROM enrollments WHERE group_id = ? AND status = ? AND waitlist_seq <"
        static let aheadSQL = aheadCount + " ?"
        static let insertSQL = """
            INSERT INTO enrollments (id, student_id, group_id, status, waitlist_seq, created_at, updated_at, source)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """

        /// `n` seats at once, only if all fit (a КМЦ list accepted; binds: `seats`).
        static let seatsSQL = """
            UPDATE study_groups SET enrolled_count = enrolled_count + ? WHERE id = ? AND is_open = ? AND status = ?
              AND enrolled_count + ? <= capacity RETURNING enrolled_count
            """
        static func seats(_ n: Int, groupID: UUID) -> [DBValue] { [.int(n)] + open(groupID) + [.int(n)] }
        /// A seat given back (binds: the group's id).
        static let releaseSQL = "UPDATE study_groups SET enrolled_count = enrolled_count - 1 WHERE id = ?"

        static func open(_ groupID: UUID) -> [DBValue] {
            [.uuid(groupID), .bool(true), .text(RecordStatus.active.rawValue)]
        }
        var open: [DBValue] { Self.open(group.id) }
        func ahead(_ next: Int) -> [DBValue] {
            [.uuid(group.id), .text(EnrollmentStatus.waitlisted.rawValue), .int(next)]
        }

        mutating func waiting(_ next: Int, ahead: Int) {
            seq = next
            result = .waitlisted(position: ahead + 1)
        }

        var enrollment: [DBValue] {
            let status = result == .enrolled ? EnrollmentStatus.enrolled : .waitlisted
            return [
                .uuid(id), .uuid(student.id), .uuid(group.id), .text(status.rawValue),
                seq.map { .int($0) } ?? .text(nil), .date(now), .date(now), .text(source.rawValue),
            ]
        }

        func audit(req: Request?) -> Audit.Row {
            Audit.entry(
                req: req, action: .create, entityType: "enrollment", entityID: id,
                title: "\(student.fullName) — \(group.name)",
                municipalityID: student.municipalityID, organizationID: group.organizationID,
                after: EnrollmentWords.Audit.enrollment(
                    group: group.name, student: student.fullName, enrolled: result == .enrolled))
        }
    }
}
