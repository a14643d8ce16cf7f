import Domain
import SQLKit
import Vapor

/// PostgreSQL: a first application of a first-come campaign that chooses one course, written in one round trip (issue
/// 3's benchmark: the transaction took five — BEGIN, the timetable's lock, the clash check with the seat, the rows,
/// COMMIT — and each cost PostgreSQL and PostgresNIO more than the statement's own work).
///
/// The writes are one statement: the clash check, the conditional seat, else the next waiting number, the student's
/// place in the queue, and every row (application, choice, place, two audit entries) as data-modifying CTEs whose rows
/// exist only when a seat or a waiting number was taken, so a clash or a closed group writes nothing. The statement
/// runs
/// inside `setka_enrol_one`, a PL/pgSQL function that first takes the shared side of the timetable lock:
/// the lock must be held before the statement's snapshot is taken, which one plain statement cannot do. Called in
/// autocommit, the function is one transaction.
///
/// The statement is built from the same pieces as the other paths (`clashOfOneSQL`, `RawSeat`, the tables' INSERTs),
/// and its text, parameter types and values come from one builder, so they cannot drift apart. The function is code,
/// not schema: `setka migrate`, the deploy step on PostgreSQL, installs it whenever the database's copy differs from
/// the
/// one this build would create (`PostgresFunctions`).
extension ApplicationService {
    struct OneCourse {
        /// The statement with `$n` placeholders.
        private(set) var sql = ""
        /// PostgreSQL's type of each placeholder, in order.
        private(set) var types: [String] = []
        /// The values, in the same order.
        private(set) var binds: [DBValue] = []
        /// Whether the text and the types are built too: a request needs only the values (building the text was an
        /// eighth of the server's CPU per submission), the function's definition and the tests the rest.
        private let withText: Bool

        static let functionName = "setka_enrol_one"
        /// The function's result: the first clashing lesson (as `clashOfOneSQL`'s columns, NULL without a clash), the
        /// new count when a seat was taken, the waiting number when none was, and how many wait before it.
        static let resultColumns =
            "o_sid uuid, o_gname text, o_cid uuid, o_school uuid, o_muni uuid, o_day bigint, o_start bigint, o_end "
            + "bigint, "
            + "o_seated bigint, o_seq bigint, o_ahead bigint"

        /// The statement for a submission. `seat` is the place as enrolled; the audit entry of the place says
        /// «зачислен» or «в листе ожидания» as the statement decides.
        init(_ submission: SubmissionRows, seat: EnrollmentService.RawSeat, req: Request?, withText: Bool = false) {
            self.withText = withText
            binds.reserveCapacity(72)
            let clash = EnrollmentService.clashBinds(
                studentIDs: [submission.student.id], groupID: seat.group.id, leaving: nil)
            var waiting = seat
            waiting.waiting(0, ahead: 0)
            let enrolledAudit = seat.audit(req: req)
            var waitingAudit = enrolledAudit
            waitingAudit.after = waiting.audit(req: req).after
            let enrolled = EnrollmentStatus.enrolled.rawValue
            let waitlisted = EnrollmentStatus.waitlisted.rawValue
            let taken = "FROM o WHERE o.status IS NOT NULL"

            var statement = "WITH clash AS (" + fill(EnrollmentService.clashOfOneSQL, clash) + " LIMIT 1),\n"
            statement +=
                "seat AS (" + fill(EnrollmentService.RawSeat.seatUpdate, seat.open)
                + " AND NOT EXISTS (SELECT 1 FROM clash) RETURNING enrolled_count),\n"
            statement +=
                "wait AS (" + fill(EnrollmentService.RawSeat.waitUpdate, seat.open)
                + " AND NOT EXISTS (SELECT 1 FROM clash) AND NOT EXISTS (SELECT 1 FROM seat) RETURNING waitlist_seq),\n"
            statement +=
                "o AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM seat) THEN \(p(.text(enrolled))) WHEN EXISTS (SELECT 1 "
                + "FROM wait) THEN \(p(.text(waitlisted))) END"
                + " AS status, (SELECT waitlist_seq FROM wait) AS seq),\n"
            statement +=
                "ahead AS (" + fill(EnrollmentService.RawSeat.aheadCount, [.uuid(seat.group.id), .text(waitlisted)])
                + " (SELECT seq FROM o)),\n"
            statement +=
                "i1 AS (" + insertSelect(SubmissionRows.applicationSQL, submission.application, computed: [:], taken)
                + "),\n"
            // The place's status and waiting number (columns 4 and 5 of `RawSeat.insertSQL`) are the statement's
            // decision.
            statement +=
                "i2 AS ("
                + insertSelect(
                    EnrollmentService.RawSeat.insertSQL, seat.enrollment, computed: [3: "o.status", 4: "o.seq"], taken)
                + "),\n"
            statement +=
                "i3 AS ("
                + insertSelect(
                    SubmissionRows.choiceSQL, submission.choice(0, outcome: ""), computed: [4: "o.status"], taken)
                + "),\n"
            let after =
                "CASE WHEN o.status = \(p(.text(enrolled))) THEN \(p(.text(enrolledAudit.after))) ELSE "
                + "\(p(.text(waitingAudit.after))) END"
            statement +=
                "i4 AS ("
                + insertSelect(
                    Audit.insertSQL, Audit.values(enrolledAudit), types: Audit.postgresTypes, computed: [11: after],
                    taken)
                + " UNION ALL "
                + select(Audit.values(submission.audit(req: req)), types: Audit.postgresTypes, computed: [:], taken)
                + ")\n"
            statement +=
                "SELECT clash.*, (SELECT enrolled_count FROM seat), (SELECT seq FROM o), (SELECT n FROM ahead) FROM "
                + "(SELECT 1) AS one LEFT JOIN clash ON true"
            sql = statement
        }

        /// A placeholder for a value (its type from the value, or `type`).
        private mutating func p(_ value: DBValue, _ type: String? = nil) -> String {
            binds.append(value)
            guard withText else { return "" }
            types.append(type ?? Self.type(of: value))
            return "$\(binds.count)"
        }

        /// A shared statement's `?`s as this statement's placeholders for `values`.
        private mutating func fill(_ text: String, _ values: [DBValue]) -> String {
            guard withText else {
                binds.append(contentsOf: values)
                return ""
            }
            let parts = text.split(separator: "?", omittingEmptySubsequences: false)
            precondition(parts.count == values.count + 1, "placeholders and values differ: \(text)")
            var out = String(parts[0])
            for (value, part) in zip(values, parts.dropFirst()) { out += p(value) + part }
            return out
        }

        /// An `INSERT … VALUES (?, …)` of the shared statements as `INSERT … SELECT …` of this statement's values, with
        /// the columns at `computed` given by expressions instead.
        private mutating func insertSelect(
            _ insert: String, _ values: [DBValue], types: [String]? = nil, computed: [Int: String], _ from: String
        ) -> String {
            guard withText else { return select(values, types: types, computed: computed, from) }
            return RawPostgres.Inserts.split(insert).head + " " + select(values, types: types, computed: computed, from)
        }

        private mutating func select(_ values: [DBValue], types: [String]?, computed: [Int: String], _ from: String)
            -> String
        {
            var columns: [String] = []
            for (i, value) in values.enumerated() { columns.append(computed[i] ?? p(value, types?[i])) }
            guard withText else { return "" }
            return "SELECT " + columns.joined(separator: ", ") + " " + from
        }

        static func type(of value: DBValue) -> String {
            switch value {
            case .uuid: "uuid"
            case .text: "text"
            case .int: "bigint"
            case .bool: "boolean"
            case .date: "timestamptz"
            case .double: "double precision"
            }
        }

        /// The function's body as PostgreSQL keeps it (`pg_proc.prosrc`): the argument types are in its first line, so
        /// that comparing bodies compares signatures too.
        static var functionBody: String {
            let shape = sample
            return """

                -- arguments: \(shape.types.joined(separator: ", "))
                #variable_conflict use_column
                BEGIN
                PERFORM pg_advisory_xact_lock_shared(\(TimetableService.lockKey));
                RETURN QUERY \(shape.sql);
                END

                """
        }

        /// The function, from the statement of a made-up submission (its text and types do not depend on the values).
        static var functionDefinition: String {
            let arguments = sample.types.enumerated().map { "p\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
            return
                "CREATE FUNCTION \(functionName)(\(arguments)) RETURNS TABLE (\(resultColumns)) LANGUAGE plpgsql AS "
                + "$fn$\(functionBody)$fn$"
        }

        /// The call, with each value cast to the parameter's type (an absent id is bound as text).
        static var call: String {
            "SELECT * FROM \(functionName)(" + sample.types.map { "?::\($0)" }.joined(separator: ", ") + ")"
        }

        /// The statement of a made-up submission, for its text and types.
        static var sample: OneCourse {
            let id = UUID()
            let campaign = SubmitFacts.Campaign(
                id: id, municipalityID: id, status: "", opensAt: Date(), closesAt: Date(), mode: .firstCome,
                maxCourses: 1,
                confirmDays: 1, title: "")
            let student = SubmitFacts.StudentFacts(
                id: id, municipalityID: id, schoolID: id, status: "", consentWithdrawn: false, grade: 10, fullName: "")
            let group = SubmitFacts.Group(
                id: id, name: "", organizationID: id, programID: id, isOpen: true, status: "", approval: "",
                gradeFrom: 1, gradeTo: 11)
            let submission = SubmissionRows(
                campaign: campaign, student: student, ranked: [id], groups: [id: group], guardianAgreement: nil,
                submittedBy: "")
            return OneCourse(
                submission,
                seat: EnrollmentService.RawSeat(
                    group: group, student: student, source: .application, now: submission.now),
                req: nil, withText: true)
        }

        /// The statement PostgreSQL keeps planned per connection.
        enum Call: PreparedSQL { static let sql = OneCourse.call }

        /// Runs the statement and reads its decision: a clash or a closed group is refused (nothing was written).
        func run(on db: RawPostgres, student: UUID, req: Request?) async throws -> EnrollmentOutcome {
            let row = try await db.retrying { try await $0.rows(Call.self, binds).first }
            if let row, let clash = EnrollmentService.clash(row, columns: .ofFunction) {
                throw EnrollmentService.refusal(.timetableClash(clash.text(for: student, req: req)))
            }
            guard let row else { throw EnrollmentService.refusal(.groupNotOpen) }
            if !row.isNull("o_seated") { return .enrolled }
            guard !row.isNull("o_seq") else { throw EnrollmentService.refusal(.groupNotOpen) }
            return .waitlisted(position: row.int("o_ahead") + 1)
        }
    }
}
