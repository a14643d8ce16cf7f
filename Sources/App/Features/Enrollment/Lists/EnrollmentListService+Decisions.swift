import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// The centre's answer to a sent list: accept it (every student enrolled at once, or none) or return it with a comment.
extension EnrollmentListService {
    /// The centre accepts a sent list: all its students are enrolled in one transaction, or none.
    static func accept(listID: UUID, req: Request) async throws -> Int {
        let user = try req.requireUser()
        return try await req.application.writeTransaction { db in
            let sql = try db.sql()
            guard let list = try await EnrollmentList.query(on: db).filter(\.$id == listID).with(\.$group).first()
            else { throw AppError.notFound() }
            guard list.state == EnrollmentList.State.sent.rawValue else {
                throw AppError.conflict(EnrollmentWords.Lists.acceptOnlySent)
            }
            // Claim the list first: a second accept (or a return racing this one) finds it no longer sent.
            try await claim(list, from: [.sent], to: .accepted, on: sql)
            let check = try await check(list, req: req, on: db)
            guard check.problems.isEmpty else { throw AppError.conflict(problemsMessage(check.problems)) }
            let needed = check.needing.count
            // All seats at once, by the same conditional update that guards single enrolments.
            if needed > 0 {
                let seated = try await sql.int(
                    EnrollmentService.RawSeat.seatsSQL, EnrollmentService.RawSeat.seats(needed, groupID: list.$group.id)
                )
                guard seated != nil else {
                    guard let group = try await StudyGroup.find(list.$group.id, on: db) else {
                        throw AppError.notFound()
                    }
                    if !group.isOpen || group.status != RecordStatus.active.rawValue {
                        throw EnrollmentService.refusal(.groupNotOpen)
                    }
                    throw AppError.conflict(
                        shortfallMessage(needed: needed, free: group.capacity - group.enrolledCount))
                }
            }
            let now = Date()
            for student in check.needing {
                let enrollment =
                    try await Enrollment.query(on: db).filter(try \.$student.$id == student.requireID()).filter(
                        \.$group.$id == list.$group.id
                    ).first()
                    ?? {
                        let created = Enrollment()
                        created.$student.id = try student.requireID()
                        created.$group.id = list.$group.id
                        created.createdAt = now
                        return created
                    }()
                let before = enrollment.id == nil ? nil : enrollment.status
                enrollment.status = EnrollmentStatus.enrolled.rawValue
                enrollment.waitlistSeq = nil
                enrollment.updatedAt = now
                enrollment.source = EnrollmentSource.list.rawValue
                enrollment.withdrawnOn = nil
                enrollment.withdrawReason = nil
                try await enrollment.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: before == nil ? .create : .update, entityType: "enrollment",
                    entityID: enrollment.id,
                    title: "\(student.fullName) — \(list.group.name)", municipalityID: student.$municipality.id,
                    organizationID: list.group.$organization.id,
                    before: before.map { [EnrollmentWords.Audit.state: EnrollmentStatus(rawValue: $0)?.title ?? $0] },
                    after: [
                        EnrollmentWords.Audit.state: EnrollmentWords.Audit.enrolled,
                        EnrollmentWords.Audit.basis: EnrollmentWords.Audit.listBasis,
                    ])
            }
            try await decided(
                list, .accepted, at: now, by: user.fullName,
                audit: [EnrollmentWords.Audit.enrolledCount: String(needed)], on: db, req: req)
            return needed
        }
    }

    static func returnList(listID: UUID, comment: String, req: Request) async throws {
        let user = try req.requireUser()
        try await req.application.writeTransaction { db in
            guard let list = try await EnrollmentList.query(on: db).filter(\.$id == listID).with(\.$group).first()
            else { throw AppError.notFound() }
            guard list.state == EnrollmentList.State.sent.rawValue else {
                throw AppError.conflict(EnrollmentWords.Lists.returnOnlySent)
            }
            try await claim(list, from: [.sent], to: .returned, on: try db.sql())
            list.comment = comment
            try await decided(
                list, .returned, at: Date(), by: user.fullName, audit: [EnrollmentWords.Audit.comment: comment],
                on: db, req: req)
        }
    }

    /// A sent list the centre has decided on (claimed already): its new state saved and audited with `audit`'s lines.
    private static func decided(
        _ list: EnrollmentList, _ state: EnrollmentList.State, at now: Date, by name: String, audit: [String: String],
        on db: any Database, req: Request
    ) async throws {
        list.state = state.rawValue
        list.decidedAt = now
        list.decidedByName = name
        list.version += 2
        try await list.save(on: db)
        try await Audit.record(
            on: db, req: req, action: .update, entityType: "enrollment_list", entityID: try list.requireID(),
            title: EnrollmentWords.Lists.auditTitle(group: list.group.name), municipalityID: list.$municipality.id,
            organizationID: list.group.$organization.id,
            before: [EnrollmentWords.Audit.state: EnrollmentList.State.sent.title],
            after: audit.merging([EnrollmentWords.Audit.state: state.title]) { kept, _ in kept })
    }
}
