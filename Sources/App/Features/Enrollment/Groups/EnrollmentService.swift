import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Seats a student in a group or puts them on its waiting list. Capacity is enforced by the database: a conditional
/// `UPDATE … SET enrolled_count = enrolled_count + 1 WHERE enrolled_count < capacity RETURNING`, a CHECK constraint,
/// and a unique (student, group) pair, all in one transaction.
enum EnrollmentService {
    static func enroll(
        studentID: UUID, groupID: UUID, source: EnrollmentSource = .direct, app: Application, req: Request?
    ) async throws -> EnrollmentOutcome {
        do {
            return try await app.writeTransaction { db in
                try await enroll(studentID: studentID, groupID: groupID, source: source, on: db, req: req)
            }
        } catch let error where isUniqueViolation(error) {
            // The same student was enrolled by a concurrent request: answer with what that one decided.
            guard
                let existing = try await Enrollment.query(on: app.db).filter(\.$student.$id == studentID).filter(
                    \.$group.$id == groupID
                ).first()
            else {
                throw error
            }
            return try await outcome(of: existing, on: app.db)
        }
    }

    static func enroll(
        studentID: UUID, groupID: UUID, source: EnrollmentSource = .direct, leaving: UUID? = nil,
        on db: any Database, req: Request?
    ) async throws -> EnrollmentOutcome {
        let sql = try db.sql()
        let now = Date()
        // Refused before anything is written, so a caller may catch it and go on in the same transaction.
        if try await Enrollment.query(on: db).filter(\.$student.$id == studentID).filter(\.$group.$id == groupID)
            .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).count() == 0
        {
            // A programme takes only its grades (as an ИУП's choices are limited to them).
            if let grade = try await Student.find(studentID, on: db)?.grade,
                let program = try await StudyGroup.query(on: db).filter(\.$id == groupID).with(\.$program).first()?
                    .program,
                let refused = EnrollmentError.grade(grade, from: program.gradeFrom, to: program.gradeTo)
            {
                throw refusal(refused)
            }
            try await refuseTimetableClash(studentID: studentID, groupID: groupID, leaving: leaving, req: req, on: db)
        }
        // The seat is the first write of the transaction.
        let seated = try await sql.int(RawSeat.seatSQL, RawSeat.open(groupID)) != nil
        guard let group = try await StudyGroup.query(on: db).filter(\.$id == groupID).with(\.$program).first() else {
            throw AppError.notFound(EnrollmentWords.Groups.notFound)
        }
        guard group.isOpen, group.status == RecordStatus.active.rawValue else { throw refusal(.groupNotOpen) }
        guard group.program.approval == "agreed" else { throw refusal(.programNotAgreed) }
        guard let student = try await Student.find(studentID, on: db) else { throw refusal(.studentNotFound) }
        guard student.status == RecordStatus.active.rawValue else { throw refusal(.studentArchived) }
        guard student.consentWithdrawnAt == nil else { throw refusal(.consentWithdrawn) }

        if let existing = try await Enrollment.query(on: db).filter(\.$student.$id == studentID).filter(
            \.$group.$id == groupID
        ).first(),
            existing.status != EnrollmentStatus.withdrawn.rawValue
        {
            // Asked again: the answer does not change, and the seat taken above is given back.
            if seated { try await release(groupID: groupID, on: db) }
            return try await outcome(of: existing, on: db)
        }
        // The consent this way in needs (`EnrollmentError.consent`: the school's record when the КМЦ or a centre places
        // the child; an ИУП carries the guardian's own agreement). Refused before any row; the seat rolls back.
        if let refused = EnrollmentError.consent(
            source: source, recordedOn: student.consentOn, withdrawnAt: student.consentWithdrawnAt)
        {
            throw refusal(refused)
        }
        let enrollment =
            try await Enrollment.query(on: db).filter(\.$student.$id == studentID).filter(\.$group.$id == groupID)
            .first()
            ?? {
                let created = Enrollment()
                created.$student.id = studentID
                created.$group.id = groupID
                created.createdAt = now
                return created
            }()
        enrollment.updatedAt = now
        enrollment.source = source.rawValue
        enrollment.withdrawnOn = nil
        enrollment.withdrawReason = nil
        let result: EnrollmentOutcome
        if seated {
            enrollment.status = EnrollmentStatus.enrolled.rawValue
            enrollment.waitlistSeq = nil
            result = .enrolled
        } else {
            guard let seq = try await sql.int(RawSeat.waitSQL, RawSeat.open(groupID)) else {
                throw refusal(.groupNotOpen)
            }
            enrollment.status = EnrollmentStatus.waitlisted.rawValue
            enrollment.waitlistSeq = seq
            result = .waitlisted(position: try await position(groupID: groupID, seq: seq, on: db))
        }
        try await enrollment.save(on: db)
        try await Audit.record(
            on: db, req: req, action: .create, entityType: "enrollment", entityID: enrollment.id,
            title: "\(student.fullName) — \(group.name)", municipalityID: student.$municipality.id,
            organizationID: group.$organization.id, before: nil,
            after: EnrollmentWords.Audit.enrollment(
                group: group.name, student: student.fullName, enrolled: result == .enrolled))
        return result
    }

    static func release(groupID: UUID, on db: any Database) async throws {
        try await db.sql().run(RawSeat.releaseSQL, [.uuid(groupID)])
    }

    static func outcome(of enrollment: Enrollment, on db: any Database) async throws -> EnrollmentOutcome {
        if enrollment.status == EnrollmentStatus.waitlisted.rawValue, let seq = enrollment.waitlistSeq {
            return .waitlisted(position: try await position(groupID: enrollment.$group.id, seq: seq, on: db))
        }
        return .enrolled
    }

    /// 1 + the number of students still waiting who joined earlier.
    static func position(groupID: UUID, seq: Int, on db: any Database) async throws -> Int {
        let ahead = try await Enrollment.query(on: db).filter(\.$group.$id == groupID)
            .filter(\.$status == EnrollmentStatus.waitlisted.rawValue).filter(\.$waitlistSeq < seq).count()
        return ahead + 1
    }

    static func refusal(_ error: EnrollmentError) -> AppError {
        AppError(status: error == .studentNotFound ? .notFound : .conflict, code: error.code, reason: error.reason)
    }

    static func isUniqueViolation(_ error: any Error) -> Bool {
        let text = String(reflecting: error)
        return text.contains("UNIQUE constraint failed") || text.contains("23505") || text.contains("unique_violation")
    }
}

extension EnrollmentService {
    /// Withdraws a student from a group. A freed seat goes at once to the first student on the waiting list,
    /// so the list moves up by itself (issue 3).
    static func withdraw(
        enrollmentID: UUID, on date: Date = Date(), reason: String? = nil, app: Application, req: Request?
    ) async throws {
        try await app.writeTransaction { db in
            try await withdraw(enrollmentID: enrollmentID, on: date, reason: reason, db: db, req: req)
        }
    }

    /// Moves a student from one group to another with a free place, in one transaction: the new place first (a full
    /// group refuses the transfer and nothing changes), then the old one is released with the reason.
    static func transfer(
        enrollmentID: UUID, to targetGroupID: UUID, on date: Date, reason: String, app: Application, req: Request?
    ) async throws {
        try await app.writeTransaction { db in
            guard let enrollment = try await Enrollment.find(enrollmentID, on: db) else {
                throw AppError.notFound(EnrollmentWords.Groups.enrollmentNotFound)
            }
            guard enrollment.$group.id != targetGroupID else {
                throw AppError.conflict(EnrollmentWords.Groups.alreadyInGroup)
            }
            let outcome = try await enroll(
                studentID: enrollment.$student.id, groupID: targetGroupID, source: .transfer,
                leaving: enrollment.$group.id, on: db,
                req: req)
            guard case .enrolled = outcome else {
                throw AppError.conflict(EnrollmentWords.Groups.transferFull)
            }
            let target = try await StudyGroup.find(targetGroupID, on: db)
            try await withdraw(
                enrollmentID: enrollmentID, on: date,
                reason: EnrollmentWords.Groups.transferReason(group: target?.name ?? "", reason: reason), db: db,
                req: req)
        }
    }

    static func withdraw(enrollmentID: UUID, on date: Date, reason: String?, db: any Database, req: Request?)
        async throws
    {
        do {
            guard
                let enrollment = try await Enrollment.query(on: db).filter(\.$id == enrollmentID).with(\.$student).with(
                    \.$group
                )
                .first()
            else {
                throw AppError.notFound(EnrollmentWords.Groups.enrollmentNotFound)
            }
            guard enrollment.status != EnrollmentStatus.withdrawn.rawValue else { return }
            let wasEnrolled = enrollment.status == EnrollmentStatus.enrolled.rawValue
            let before = enrollment.status
            enrollment.status = EnrollmentStatus.withdrawn.rawValue
            enrollment.waitlistSeq = nil
            enrollment.updatedAt = Date()
            enrollment.withdrawnOn = date
            enrollment.withdrawReason = reason
            try await enrollment.save(on: db)
            var promoted: Enrollment?
            if wasEnrolled {
                // The first waiting student who may still be enrolled (not archived, consent as their way in needs it,
                // no lessons of another group at the same time) moves up.
                let waiting = try await Enrollment.query(on: db).filter(\.$group.$id == enrollment.$group.id)
                    .filter(\.$status == EnrollmentStatus.waitlisted.rawValue).sort(\.$waitlistSeq).with(\.$student)
                    .all()
                let clashing = try await timetableClashes(
                    studentIDs: waiting.map { $0.$student.id }, groupID: enrollment.$group.id, on: db)
                if let next = waiting.first(where: {
                    $0.student.status == RecordStatus.active.rawValue
                        && EnrollmentError.consent(
                            source: $0.source.flatMap(EnrollmentSource.init(rawValue:)) ?? .direct,
                            recordedOn: $0.student.consentOn,
                            withdrawnAt: $0.student.consentWithdrawnAt) == nil
                        && clashing[$0.$student.id] == nil
                }) {
                    next.status = EnrollmentStatus.enrolled.rawValue
                    next.waitlistSeq = nil
                    next.updatedAt = Date()
                    try await next.save(on: db)
                    promoted = next
                } else {
                    try await release(groupID: enrollment.$group.id, on: db)
                }
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "enrollment", entityID: enrollment.id,
                title: "\(enrollment.student.fullName) — \(enrollment.group.name)",
                municipalityID: enrollment.student.$municipality.id,
                organizationID: enrollment.group.$organization.id,
                before: [EnrollmentWords.Audit.state: EnrollmentStatus(rawValue: before)?.title ?? before],
                after: [
                    EnrollmentWords.Audit.state: EnrollmentWords.Audit.withdrawn,
                    EnrollmentWords.Audit.reason: reason ?? "",
                ])
            if let promoted {
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "enrollment", entityID: promoted.id,
                    title: "\(promoted.student.fullName) — \(enrollment.group.name)",
                    municipalityID: promoted.student.$municipality.id,
                    organizationID: enrollment.group.$organization.id,
                    before: [EnrollmentWords.Audit.state: EnrollmentWords.Audit.waitlisted],
                    after: [EnrollmentWords.Audit.state: EnrollmentWords.Audit.enrolled])
            }
            if let promoted, promoted.source == EnrollmentSource.application.rawValue {
                try await ApplicationService.promoted(
                    studentID: promoted.$student.id, groupID: enrollment.$group.id, on: db, req: req)
            }
        }
    }
}
