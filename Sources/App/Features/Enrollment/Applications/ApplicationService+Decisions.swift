import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// An application after its submission: the guardian's agreement, the school's confirmation or refusal, and closing
/// (refusal, cancellation, expiry) with the release of the places it held.
extension ApplicationService {
    /// Frees every place the application holds or waits for (refusal, cancellation, expiry).
    /// A place that another application of the student still holds (the same group chosen in two campaigns: the ranked
    /// distribution counts a seat the student already has) stays: only this application's claim on it ends.
    static func release(_ a: CourseApplication, reason: String, on db: any Database, req: Request?) async throws {
        let choices = try await ApplicationChoice.query(on: db).filter(try \.$application.$id == a.requireID()).all()
        let others = try await CourseApplication.query(on: db).filter(\.$student.$id == a.$student.id).filter(
            try \.$id != a.requireID()
        ).all()
            .filter { $0.applicationState.isLive }.compactMap(\.id)
        let kept =
            others.isEmpty
            ? Set<UUID>()
            : Set(
                try await ApplicationChoice.query(on: db).filter(\.$application.$id ~~ others)
                    .filter(\.$outcome ~~ ["enrolled", "waitlisted"]).all().map { $0.$group.id })
        for c in choices where c.outcome == "enrolled" || c.outcome == "waitlisted" {
            if !kept.contains(c.$group.id),
                let e = try await Enrollment.query(on: db).filter(\.$student.$id == a.$student.id).filter(
                    \.$group.$id == c.$group.id
                )
                .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).first(),
                e.source == EnrollmentSource.application.rawValue
            {
                try await EnrollmentService.withdraw(
                    enrollmentID: try e.requireID(), on: Date(), reason: reason, db: db, req: req)
            }
            c.outcome = "released"
            try await c.save(on: db)
        }
    }

    /// Moves the application to a closed state and frees its places; only from a live state, once.
    static func close(
        _ applicationID: UUID, to state: ApplicationState, reason: String, req: Request?, app: Application
    ) async throws {
        try await app.writeTransaction { db in
            guard
                let a = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(\.$student)
                    .first()
            else { throw AppError.notFound() }
            guard a.applicationState.isLive else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyClosed(a.applicationState.title))
            }
            let before = a.applicationState
            let claimed = try await db.sql().update(CourseApplication.schema).set("state", to: state.rawValue).set(
                "closed_reason", to: reason
            )
            .set("version", to: a.version + 1).where("id", .equal, applicationID).where("version", .equal, a.version)
            .returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await release(a, reason: reason, on: db, req: req)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: a.id,
                title: EnrollmentWords.Audit.applicationTitle(a.student.fullName),
                municipalityID: a.$municipality.id, organizationID: a.$school.id,
                before: [EnrollmentWords.Audit.state: before.title],
                after: [EnrollmentWords.Audit.state: state.title, EnrollmentWords.Audit.reason: reason])
        }
    }

    /// The home school refuses: decision and release in one transaction, only while the school has not decided and the
    /// application still waits (a distributed application is no longer the school's to refuse).
    static func refuseBySchool(_ applicationID: UUID, comment: String, req: Request) async throws {
        let user = try req.requireUser()
        try await req.application.writeTransaction { db in
            guard
                let a = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(\.$student)
                    .first()
            else { throw AppError.notFound() }
            guard a.schoolDecision == "pending", a.applicationState == .submitted || a.applicationState == .confirmed
            else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyDecided(a.applicationState.title))
            }
            let claimed = try await db.sql().update(CourseApplication.schema).set(
                "state", to: ApplicationState.refused.rawValue
            )
            .set("school_decision", to: "refused").set("school_comment", to: comment).set(
                "school_decided_at", to: Date()
            )
            .set("school_decided_by", to: user.fullName).set(
                "closed_reason", to: EnrollmentWords.Applications.ClosedReasons.schoolRefused(comment)
            ).set(
                "version", to: a.version + 1
            )
            .where("id", .equal, applicationID).where("version", .equal, a.version).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await release(
                a, reason: EnrollmentWords.Applications.ClosedReasons.schoolRefused(comment), on: db, req: req)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: a.id,
                title: EnrollmentWords.Audit.applicationTitle(a.student.fullName),
                municipalityID: a.$municipality.id, organizationID: a.$school.id,
                before: [EnrollmentWords.Audit.state: a.applicationState.title],
                after: [
                    EnrollmentWords.Audit.state: ApplicationState.refused.title, EnrollmentWords.Audit.reason: comment,
                ])
        }
    }

    /// The guardian agrees (name and date), or the school confirms; both together make the application confirmed.
    static func agree(_ applicationID: UUID, guardianName: String, req: Request) async throws {
        try await decide(applicationID, req: req) { a in
            guard a.guardianAgreedAt == nil else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyAgreed)
            }
            a.guardianAgreedBy = guardianName
            a.guardianAgreedAt = Date()
            return [EnrollmentWords.Audit.guardianAgreement: EnrollmentWords.Audit.agreedBy(guardianName)]
        }
    }

    static func confirmBySchool(_ applicationID: UUID, req: Request) async throws {
        let user = try req.requireUser()
        try await decide(applicationID, req: req) { a in
            guard a.schoolDecision == "pending" else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.schoolAlreadyDecided)
            }
            guard a.student.consentWithdrawnAt == nil else { throw EnrollmentService.refusal(.consentWithdrawn) }
            a.schoolDecision = "confirmed"
            a.schoolDecidedAt = Date()
            a.schoolDecidedBy = user.fullName
            return [EnrollmentWords.Audit.school: EnrollmentWords.Audit.schoolConfirmed]
        }
    }

    private static func decide(
        _ applicationID: UUID, req: Request,
        _ change: @escaping @Sendable (CourseApplication) throws -> [String: String]
    ) async throws {
        try await req.application.writeTransaction { db in
            guard
                let a = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(\.$student)
                    .first()
            else { throw AppError.notFound() }
            guard a.applicationState == .submitted || a.applicationState == .confirmed else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyClosed(a.applicationState.title))
            }
            let after = try change(a)
            if a.guardianAgreedAt != nil && a.schoolDecision == "confirmed" && a.applicationState == .submitted {
                a.state = ApplicationState.confirmed.rawValue
                a.holdExpiresAt = nil
            }
            let version = a.version
            a.version += 1
            let claimed = try await db.sql().update(CourseApplication.schema).set("version", to: a.version)
                .where("id", .equal, applicationID).where("version", .equal, version).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await a.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: a.id,
                title: EnrollmentWords.Audit.applicationTitle(a.student.fullName),
                municipalityID: a.$municipality.id, organizationID: a.$school.id,
                after: after.merging([EnrollmentWords.Audit.state: a.applicationState.title]) { x, _ in x })
        }
    }
}
