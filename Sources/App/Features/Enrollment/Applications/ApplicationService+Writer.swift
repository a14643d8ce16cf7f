import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// An ИУП submission's writes, without Fluent: one job of the group-commit writer on SQLite (`SQLiteWriter`), or one
/// transaction on a raw connection on PostgreSQL (`RawPostgres`). Both run the same statements with the same values
/// (`SubmissionRows`); a first application, the hot path of issue 3's benchmark, skips the reads a repeated one needs
/// (the application reopened, the places the student already holds in the chosen groups).
extension ApplicationService {
    /// Writes a submission: the caller has checked the campaign, the student and the choices outside; the database's
    /// conditional seat update, the reopened application's version and the unique constraints still guard everything.
    /// Throws `SubmissionRaced` when a closed application was submitted again by someone else first.
    static func write(_ rows: SubmissionRows, on pg: RawPostgres? = nil, req: Request) async throws -> Outcome {
        let (ranked, groups, student) = (rows.ranked, rows.groups, rows.student)
        // The values of the clash check, one set per group that may be tried.
        let checks =
            rows.firstCome
            ? ranked.map { EnrollmentService.clashBinds(studentIDs: [student.id], groupID: $0, leaving: nil) } : []
        if let writer = req.application.sqliteWriter {
            return try await writer.write { db in
                if rows.earlier != nil {
                    guard try db.int(SubmissionRows.reopenSQL, rows.reopen) != nil else { throw SubmissionRaced() }
                    try db.run(SubmissionRows.clearChoicesSQL, [.uuid(rows.applicationID)])
                } else {
                    try db.run(SubmissionRows.applicationSQL, rows.application)
                }
                var placed = 0
                var results: [ChoiceOutcome] = []
                for (i, groupID) in ranked.enumerated() {
                    var outcome = rows.firstCome ? "unused" : "pending"
                    var position: Int?
                    if let group = try rows.toTry(groupID, placed: placed) {
                        let held = rows.repeated ? try Held.read(student: student.id, group: groupID, on: db) : .none
                        (outcome, position) = rows.named(
                            try held.standing
                                ?? EnrollmentService.enrollChecked(
                                    group: group, student: student, source: .application, clashCheck: checks[i],
                                    now: rows.now, reviving: held.withdrawn, on: db, req: req), placed: &placed)
                    }
                    try db.run(SubmissionRows.choiceSQL, rows.choice(i, outcome: outcome))
                    results.append(
                        ChoiceOutcome(
                            groupId: groupID, groupName: groups[groupID]?.name ?? "", status: outcome,
                            position: position))
                }
                try Audit.insert(rows.audit(req: req), on: db)
                return Outcome(applicationID: rows.applicationID, state: .submitted, choices: results)
            }
        }
        // On PostgreSQL one course of a first-come campaign is one round trip (`OneCourse`: the benchmark's case).
        if rows.firstCome, !rows.repeated, ranked.count == 1, rows.campaign.maxCourses >= 1,
            let group = groups[ranked[0]]
        {
            let statement = OneCourse(
                rows,
                seat: EnrollmentService.RawSeat(group: group, student: student, source: .application, now: rows.now),
                req: req)
            let decided = try await onPostgres(pg, req) {
                try await statement.run(on: $0, student: student.id, req: req)
            }
            var placed = 0
            let (status, position) = rows.named(decided, placed: &placed)
            return Outcome(
                applicationID: rows.applicationID, state: .submitted,
                choices: [ChoiceOutcome(groupId: group.id, groupName: group.name, status: status, position: position)])
        }
        // Otherwise the rows are collected and inserted by one statement: the transaction is BEGIN, the timetable's
        // lock, per choice tried the clash check with the seat (`ClashThenSeat`), that statement and COMMIT (the rows
        // so
        // far are sent early only when a further choice is tried after a seat was taken).
        let write: @Sendable (RawPostgres) async throws -> Outcome = { db in
            var inserts = RawPostgres.Inserts()
            if rows.earlier != nil {
                guard try await db.int(SubmissionRows.reopenSQL, rows.reopen) != nil else { throw SubmissionRaced() }
                try await db.run(SubmissionRows.clearChoicesSQL, [.uuid(rows.applicationID)])
            } else {
                inserts.add(SubmissionRows.applicationSQL, rows.application)
            }
            if rows.firstCome { try await TimetableService.lockForEnrollment(on: db) }
            var placed = 0
            var results: [ChoiceOutcome] = []
            var seated = false
            for (i, groupID) in ranked.enumerated() {
                var outcome = rows.firstCome ? "unused" : "pending"
                var position: Int?
                if let group = try rows.toTry(groupID, placed: placed) {
                    // A seat taken for an earlier choice must be in `enrollments` before this choice's clash check
                    // reads it.
                    if seated {
                        try await db.insert(inserts)
                        inserts = RawPostgres.Inserts()
                        seated = false
                    }
                    let held = rows.repeated ? try await Held.read(student: student.id, group: groupID, on: db) : .none
                    if let standing = held.standing {
                        (outcome, position) = rows.named(standing, placed: &placed)
                    } else {
                        (outcome, position) = rows.named(
                            try await EnrollmentService.enrollChecked(
                                group: group, student: student, source: .application, clashCheck: checks[i],
                                now: rows.now, reviving: held.withdrawn, on: db, inserts: &inserts, req: req),
                            placed: &placed)
                        seated = outcome == "enrolled"
                    }
                }
                inserts.add(SubmissionRows.choiceSQL, rows.choice(i, outcome: outcome))
                results.append(
                    ChoiceOutcome(
                        groupId: groupID, groupName: groups[groupID]?.name ?? "", status: outcome, position: position))
            }
            inserts.add(Audit.insertSQL, Audit.values(rows.audit(req: req)))
            try await db.insert(inserts)
            return Outcome(applicationID: rows.applicationID, state: .submitted, choices: results)
        }
        return try await onPostgres(pg, req) { try await $0.retryingTransaction(write) }
    }

    /// A closed application was submitted again by someone else between the read and the write: the caller answers
    /// with what that submission decided.
    struct SubmissionRaced: Error {}

    private typealias Held = EnrollmentService.RawSeat.Held

    /// `body` on the connection the caller already holds, or on one of the pool.
    private static func onPostgres<T: Sendable>(
        _ pg: RawPostgres?, _ req: Request, _ body: @escaping @Sendable (RawPostgres) async throws -> T
    ) async throws -> T {
        if let pg { return try await body(pg) }
        guard let result = try await req.application.withRawPostgres(body) else {
            throw Abort(.internalServerError, reason: EnrollmentWords.Applications.Refusals.noWriter)
        }
        return result
    }

}
