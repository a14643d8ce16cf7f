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
        /// The place's row: a new one, or the student's withdrawn place in the group taken anew (`reviving`).
        private(set) var id = UUID()
        private(set) var reviving = false
        var result = EnrollmentOutcome.enrolled, seq: Int?

        init(group: Group, student: StudentFacts, source: EnrollmentSource, now: Date, reviving withdrawn: UUID? = nil)
        {
            self.group = group
            self.student = student
            self.source = source
            self.now = now
            if let withdrawn {
                id = withdrawn
                reviving = true
            }
        }

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

        /// A withdrawn place taken anew (binds: `revived`).
        static let reviveSQL = """
            UPDATE enrollments SET status = ?, waitlist_seq = ?, updated_at = ?, source = ?, withdrawn_on = NULL,
              withdraw_reason = NULL WHERE id = ?
            """
        /// The student's place in a group, whatever its status (binds: the student's id, the group's id).
        static let placeSQL = "SELECT id, status, waitlist_seq FROM enrollments WHERE student_id = ? AND group_id = ?"

        /// `n` seats at once, only if all fit (a КМЦ list accepted; binds: `seats`).
        static let seatsSQL = """
            UPDATE study_groups SET enrolled_count = enrolled_count + ? WHERE id = ? AND is_open = ? AND status = ?
              AND enrolled_count + ? <= capacity RETURNING enrolled_count
            """
        static func seats(_ count: Int, groupID: UUID) -> [DBValue] { [.int(count)] + open(groupID) + [.int(count)] }
        /// A seat given back (binds: the group's id).
        static let releaseSQL = "UPDATE study_groups SET enrolled_count = enrolled_count - 1 WHERE id = ?"

        static func open(_ groupID: UUID) -> [DBValue] {
            [.uuid(groupID), .bool(true), .text(RecordStatus.active.rawValue)]
        }
        var open: [DBValue] { Self.open(group.id) }
        func ahead(_ next: Int) -> [DBValue] { Self.ahead(groupID: group.id, next) }
        static func ahead(groupID: UUID, _ next: Int) -> [DBValue] {
            [.uuid(groupID), .text(EnrollmentStatus.waitlisted.rawValue), .int(next)]
        }

        mutating func waiting(_ next: Int, ahead: Int) {
            seq = next
            result = .waitlisted(position: ahead + 1)
        }

        private var status: EnrollmentStatus { result == .enrolled ? .enrolled : .waitlisted }
        var enrollment: [DBValue] {
            [
                .uuid(id), .uuid(student.id), .uuid(group.id), .text(status.rawValue),
                seq.map { .int($0) } ?? .text(nil), .date(now), .date(now), .text(source.rawValue),
            ]
        }
        var revived: [DBValue] {
            [.text(status.rawValue), seq.map { .int($0) } ?? .text(nil), .date(now), .text(source.rawValue), .uuid(id)]
        }
        /// The statement and values that write the place: an insert, or the withdrawn row taken anew.
        var write: (sql: String, binds: [DBValue]) {
            reviving ? (Self.reviveSQL, revived) : (Self.insertSQL, enrollment)
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

extension EnrollmentService.RawSeat {
    /// What a student already has in a group when an application of theirs chooses it again.
    enum Held: Sendable {
        /// No place: a seat is tried as for anyone.
        case none
        /// A withdrawn place: a seat is tried, and the row is taken anew.
        case withdrawn(UUID)
        /// A place that stands: the answer does not change and nothing is written.
        case standing(EnrollmentOutcome)

        /// The answer of a place that stands.
        var standing: EnrollmentOutcome? {
            if case .standing(let outcome) = self { outcome } else { nil }
        }

        /// The id of a withdrawn place.
        var withdrawn: UUID? {
            if case .withdrawn(let id) = self { id } else { nil }
        }

        static func read(student: UUID, group: UUID, on db: RawSQLite) throws -> Held {
            var row: (UUID, EnrollmentStatus, Int?)?
            try db.run(EnrollmentService.RawSeat.placeSQL, [.uuid(student), .uuid(group)]) { row = Self.row($0) }
            guard let (id, status, seq) = row else { return .none }
            guard status == .waitlisted, let seq else {
                return status == .withdrawn ? .withdrawn(id) : .standing(.enrolled)
            }
            let ahead = try db.int(
                EnrollmentService.RawSeat.aheadSQL, EnrollmentService.RawSeat.ahead(groupID: group, seq))
            return .standing(.waitlisted(position: (ahead ?? 0) + 1))
        }

        static func read(student: UUID, group: UUID, on db: RawPostgres) async throws -> Held {
            let rows = try await db.rows(EnrollmentService.RawSeat.placeSQL, [.uuid(student), .uuid(group)])
            guard let (id, status, seq) = rows.first.flatMap({ Self.row($0) }) else { return .none }
            guard status == .waitlisted, let seq else {
                return status == .withdrawn ? .withdrawn(id) : .standing(.enrolled)
            }
            let ahead = try await db.int(
                EnrollmentService.RawSeat.aheadSQL, EnrollmentService.RawSeat.ahead(groupID: group, seq))
            return .standing(.waitlisted(position: (ahead ?? 0) + 1))
        }

        private static func row(_ row: some NamedRow) -> (UUID, EnrollmentStatus, Int?)? {
            guard let id = row.uuid("id"), let status = EnrollmentStatus(rawValue: row.text("status")) else {
                return nil
            }
            return (id, status, row.isNull("waitlist_seq") ? nil : row.int("waitlist_seq"))
        }
    }
}
