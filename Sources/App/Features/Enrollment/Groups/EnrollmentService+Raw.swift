import Domain
import Vapor

/// `enrollChecked` on a raw connection (the SQLite writer's or a PostgreSQL transaction's) for one student: the clash
/// check (`clashBinds`), the conditional seat (or the next waiting number), the place (a new row, or the student's
/// withdrawn place in the group taken anew: `reviving`) and its audit entry — the same statements on both, except that
/// PostgreSQL checks and seats in one round trip (`ClashThenSeat`).
extension EnrollmentService {
    typealias Group = ApplicationService.SubmitFacts.Group
    typealias StudentFacts = ApplicationService.SubmitFacts.StudentFacts

    static func enrollChecked(
        group: Group, student: StudentFacts, source: EnrollmentSource, clashCheck: [DBValue], now: Date,
        reviving: UUID? = nil, on db: RawSQLite, req: Request?
    ) throws -> EnrollmentOutcome {
        var clash: TimetableClash?
        try db.run(clashOfOneSQL, clashCheck) { r in if clash == nil { clash = EnrollmentService.clash(r) } }
        if let clash { throw refusal(.timetableClash(clash.text(for: student.id, req: req))) }
        var seat = RawSeat(group: group, student: student, source: source, now: now, reviving: reviving)
        if try db.int(RawSeat.seatSQL, seat.open) == nil {
            guard let next = try db.int(RawSeat.waitSQL, seat.open) else { throw refusal(.groupNotOpen) }
            seat.waiting(next, ahead: try db.int(RawSeat.aheadSQL, seat.ahead(next)) ?? 0)
        }
        try db.run(seat.write.sql, seat.write.binds)
        try Audit.insert(seat.audit(req: req), on: db)
        return seat.result
    }

    /// On PostgreSQL the place and its audit entry join `inserts`, which the caller sends before it commits.
    static func enrollChecked(
        group: Group, student: StudentFacts, source: EnrollmentSource, clashCheck: [DBValue], now: Date,
        reviving: UUID? = nil, on db: RawPostgres, inserts: inout RawPostgres.Inserts, req: Request?
    ) async throws -> EnrollmentOutcome {
        var seat = RawSeat(group: group, student: student, source: source, now: now, reviving: reviving)
        let row = try await db.rows(ClashThenSeat.self, clashCheck + seat.open).first
        if let clash = row.flatMap({ EnrollmentService.clash($0) }) {
            throw refusal(.timetableClash(clash.text(for: student.id, req: req)))
        }
        if row?.isNull("seated") ?? true {
            guard let next = try await db.int(RawSeat.waitSQL, seat.open) else { throw refusal(.groupNotOpen) }
            seat.waiting(next, ahead: try await db.int(RawSeat.aheadSQL, seat.ahead(next)) ?? 0)
        }
        if seat.reviving {
            try await db.run(RawSeat.reviveSQL, seat.revived)
        } else {
            inserts.add(RawSeat.insertSQL, seat.enrollment)
        }
        inserts.add(Audit.insertSQL, Audit.values(seat.audit(req: req)))
        return seat.result
    }

}
