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
    static func release(_ application: CourseApplication, reason: String, on db: any Database, req: Request?)
        async throws
    {
        let choices = try await ApplicationChoice.query(on: db).filter(
            try \.$application.$id == application.requireID()
        ).all()
        let others = try await CourseApplication.query(on: db).filter(\.$student.$id == application.$student.id).filter(
            try \.$id != application.requireID()
        ).all()
            .filter { $0.applicationState.isLive }.compactMap(\.id)
        let kept =
            others.isEmpty
            ? Set<UUID>()
            : Set(
                try await ApplicationChoice.query(on: db).filter(\.$application.$id ~~ others)
                    .filter(\.$outcome ~~ ["enrolled", "waitlisted"]).all().map { $0.$group.id })
        for choice in choices where choice.outcome == "enrolled" || choice.outcome == "waitlisted" {
            if !kept.contains(choice.$group.id),
                let enrollment = try await Enrollment.query(on: db).filter(\.$student.$id == application.$student.id)
                    .filter(
                        \.$group.$id == choice.$group.id
                    )
                    .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).first(),
                enrollment.source == EnrollmentSource.application.rawValue
            {
                try await EnrollmentService.withdraw(
                    enrollmentID: try enrollment.requireID(), on: Date(), reason: reason, db: db, req: req)
            }
            choice.outcome = "released"
            try await choice.save(on: db)
        }
    }

    /// Moves the application to a closed state and frees its places; only from a live state, once.
    static func close(
        _ applicationID: UUID, to state: ApplicationState, reason: String, req: Request?, app: Application
    ) async throws {
        try await app.writeTransaction { db in
            guard
                let application = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(
                    \.$student
                )
                .first()
            else { throw AppError.notFound() }
            guard application.applicationState.isLive else {
                throw AppError.conflict(
                    EnrollmentWords.Applications.Refusals.alreadyClosed(application.applicationState.title))
            }
            let before = application.applicationState
            let claimed = try await db.sql().update(CourseApplication.schema).set("state", to: state.rawValue).set(
                "closed_reason", to: reason
            )
            .set("version", to: application.version + 1).where("id", .equal, applicationID).where(
                "version", .equal, application.version
            )
            .returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await release(application, reason: reason, on: db, req: req)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: application.id,
                title: EnrollmentWords.Audit.applicationTitle(application.student.fullName),
                municipalityID: application.$municipality.id, organizationID: application.$school.id,
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
                let application = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(
                    \.$student
                )
                .first()
            else { throw AppError.notFound() }
            guard application.schoolDecision == "pending",
                application.applicationState == .submitted || application.applicationState == .confirmed
            else {
                throw AppError.conflict(
                    EnrollmentWords.Applications.Refusals.alreadyDecided(application.applicationState.title))
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
                "version", to: application.version + 1
            )
            .where("id", .equal, applicationID).where("version", .equal, application.version).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await release(
                application, reason: EnrollmentWords.Applications.ClosedReasons.schoolRefused(comment), on: db, req: req
            )
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: application.id,
                title: EnrollmentWords.Audit.applicationTitle(application.student.fullName),
                municipalityID: application.$municipality.id, organizationID: application.$school.id,
                before: [EnrollmentWords.Audit.state: application.applicationState.title],
                after: [
                    EnrollmentWords.Audit.state: ApplicationState.refused.title, EnrollmentWords.Audit.reason: comment,
                ])
        }
    }

    /// The guardian agrees (name and date), or the school confirms; both together make the application confirmed.
    static func agree(_ applicationID: UUID, guardianName: String, req: Request) async throws {
        try await decide(applicationID, req: req) { application in
            guard application.guardianAgreedAt == nil else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyAgreed)
            }
            application.guardianAgreedBy = guardianName
            application.guardianAgreedAt = Date()
            return [EnrollmentWords.Audit.guardianAgreement: EnrollmentWords.Audit.agreedBy(guardianName)]
        }
    }

    static func confirmBySchool(_ applicationID: UUID, req: Request) async throws {
        let user = try req.requireUser()
        try await decide(applicationID, req: req) { application in
            guard application.schoolDecision == "pending" else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.schoolAlreadyDecided)
            }
            guard application.student.consentWithdrawnAt == nil else {
                throw EnrollmentService.refusal(.consentWithdrawn)
            }
            application.schoolDecision = "confirmed"
            application.schoolDecidedAt = Date()
            application.schoolDecidedBy = user.fullName
            return [EnrollmentWords.Audit.school: EnrollmentWords.Audit.schoolConfirmed]
        }
    }

    private static func decide(
        _ applicationID: UUID, req: Request,
        _ change: @escaping @Sendable (CourseApplication) throws -> [String: String]
    ) async throws {
        try await req.application.writeTransaction { db in
            guard
                let application = try await CourseApplication.query(on: db).filter(\.$id == applicationID).with(
                    \.$student
                )
                .first()
            else { throw AppError.notFound() }
            guard application.applicationState == .submitted || application.applicationState == .confirmed else {
                throw AppError.conflict(
                    EnrollmentWords.Applications.Refusals.alreadyClosed(application.applicationState.title))
            }
            let after = try change(application)
            if application.guardianAgreedAt != nil && application.schoolDecision == "confirmed"
                && application.applicationState == .submitted
            {
                application.state = ApplicationState.confirmed.rawValue
                application.holdExpiresAt = nil
            }
            let version = application.version
            application.version += 1
            let claimed = try await db.sql().update(CourseApplication.schema).set("version", to: application.version)
                .where("id", .equal, applicationID).where("version", .equal, version).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict(EnrollmentWords.Applications.Refusals.changedReload) }
            try await application.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "application", entityID: application.id,
                title: EnrollmentWords.Audit.applicationTitle(application.student.fullName),
                municipalityID: application.$municipality.id, organizationID: application.$school.id,
                after: after.merging([EnrollmentWords.Audit.state: application.applicationState.title]) { x, _ in x })
        }
    }
}
