import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Applications (ИУП) in enrolment campaigns (issue 3): submission (first-come holds seats at once, ranked waits for
/// the distribution), the guardian's agreement, the school's confirmation, refusal, cancellation, expiry of holds
/// not confirmed in time, and the ranked distribution by a stored seed.
enum ApplicationService {
    struct ChoiceOutcome: Sendable, Content {
        var groupId: UUID
        var groupName: String
        var status: String
        var position: Int?

        static let schema = OpenAPISchema.named(
            "ApplicationChoice",
            .object([
                .field("groupId", .uuid), .field("groupName", .string), .field("status", .string, "Исход выбора."),
                .optional("position", .integer, "Место в листе ожидания."),
            ]))
    }

    struct Outcome: Sendable {
        var applicationID: UUID
        var state: ApplicationState
        var choices: [ChoiceOutcome]
        /// enrolled (a seat held), waitlisted (only waiting places), submitted (ranked: decided later).
        var status: String {
            choices.contains { $0.status == "enrolled" }
                ? "enrolled" : choices.contains { $0.status == "waitlisted" } ? "waitlisted" : "submitted"
        }
        var position: Int? { status == "waitlisted" ? choices.first { $0.status == "waitlisted" }?.position : nil }
    }

    /// Groups a student may choose in a campaign: open groups of its programmes whose grades include the student's.
    static func eligibleGroups(_ campaign: EnrollmentCampaign, student: Student, on db: any Database) async throws
        -> [StudyGroup]
    {
        let programs = try await CampaignProgram.query(on: db).filter(try \.$campaign.$id == campaign.requireID()).all()
            .map {
                $0.$program.id
            }
        guard !programs.isEmpty else { return [] }
        return try await StudyGroup.query(on: db).filter(\.$program.$id ~~ programs).filter(\.$isOpen == true)
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$program).with(\.$organization).sort(\.$name)
            .all()
            .filter { $0.program.gradeFrom <= student.grade && student.grade <= $0.program.gradeTo }
    }

    /// What became of each choice of an application (`outcomes(of:on:)`).
    static func outcome(of application: CourseApplication, on db: any Database) async throws -> Outcome {
        guard let outcome = try await outcomes(of: [application], on: db).first else {
            return Outcome(applicationID: try application.requireID(), state: application.applicationState, choices: [])
        }
        return outcome
    }

    /// Submits an ИУП of a campaign and a student the caller has just loaded (and checked access to).
    static func submit(
        campaign: EnrollmentCampaign, student: Student, choices: [UUID], guardianAgreement: String?,
        submittedBy: String,
        req: Request
    ) async throws -> Outcome {
        // What needs no lock is checked first, on the shared pool; only the writes wait for the write gate.
        let now = Date()
        let campaignID = try campaign.requireID()
        let studentID = try student.requireID()
        let programs = Set(
            try await CampaignProgram.query(on: req.db).filter(\.$campaign.$id == campaignID).all().map {
                $0.$program.id
            })
        let groups =
            choices.isEmpty
            ? [] : try await StudyGroup.query(on: req.db).filter(\.$id ~~ Array(Set(choices))).with(\.$program).all()
        let ranked = try check(
            campaign: .init(campaign), student: .init(student), programs: programs,
            groups: groups.map(SubmitFacts.Group.init),
            choices: choices, now: now)
        let byID = Dictionary(try groups.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let earlier = try await CourseApplication.query(on: req.db).filter(\.$campaign.$id == campaignID).filter(
            \.$student.$id == studentID
        ).first()
        if let earlier, earlier.applicationState.isLive {
            // Asked again: one application per student and campaign; the answer does not change.
            return try await outcome(of: earlier, on: req.db)
        }
        // A first application with no earlier place in these groups writes without reading under the write gate.
        let places = try await Enrollment.query(on: req.db).filter(\.$student.$id == studentID).filter(
            \.$group.$id ~~ ranked
        ).count()
        let rows = SubmissionRows(
            campaign: try .init(campaign), student: try .init(student), ranked: ranked,
            groups: try byID.mapValues(SubmitFacts.Group.init), guardianAgreement: guardianAgreement,
            submittedBy: submittedBy,
            earlier: try earlier.map { SubmissionRows.Earlier(id: try $0.requireID(), version: $0.version) },
            repeated: earlier != nil || places > 0)
        do {
            return try await write(rows, req: req)
        } catch let error where EnrollmentService.isUniqueViolation(error) || error is SubmissionRaced {
            // The same ИУП submitted at once from two places: answer with what the first one decided.
            guard
                let application = try await CourseApplication.query(on: req.db).filter(\.$campaign.$id == campaignID)
                    .filter(
                        \.$student.$id == studentID
                    ).first()
            else {
                throw AppError.conflict(
                    EnrollmentWords.Applications.Refusals.enrolledElsewhere)
            }
            return try await outcome(of: application, on: req.db)
        }
    }

    /// A waiting place of an application became a seat: when the student now holds more courses from that application
    /// than the campaign allows, the lowest-ranked seats are given up (the student wanted the promoted course more).
    static func promoted(studentID: UUID, groupID: UUID, on db: any Database, req: Request?) async throws {
        let apps = try await CourseApplication.query(on: db).filter(\.$student.$id == studentID).with(\.$campaign).all()
            .filter { $0.applicationState.isLive }
        for application in apps {
            let choices = try await ApplicationChoice.query(on: db).filter(
                try \.$application.$id == application.requireID()
            )
            .sort(\.$rank)
            .all()
            guard let hit = choices.first(where: { $0.$group.id == groupID && $0.outcome == "waitlisted" }) else {
                continue
            }
            hit.outcome = "enrolled"
            try await hit.save(on: db)
            var seated = choices.filter { $0.outcome == "enrolled" }
            while seated.count > application.campaign.maxCourses, let last = seated.last, last.id != hit.id {
                if let enrollment = try await Enrollment.query(on: db).filter(\.$student.$id == studentID).filter(
                    \.$group.$id == last.$group.id
                )
                .filter(\.$status == EnrollmentStatus.enrolled.rawValue).first() {
                    try await EnrollmentService.withdraw(
                        enrollmentID: try enrollment.requireID(), on: Date(),
                        reason: EnrollmentWords.Applications.ClosedReasons.higherPriority, db: db,
                        req: req)
                }
                last.outcome = "released"
                try await last.save(on: db)
                seated.removeLast()
            }
        }
    }

    /// First-come holds not confirmed by the guardian and the school in time are freed (their places go to the waiting
    /// lists).
    static func expireOverdue(_ app: Application) async throws {
        let overdue = try await CourseApplication.query(on: app.db).filter(
            \.$state == ApplicationState.submitted.rawValue
        )
        .filter(\.$holdExpiresAt != nil).filter(\.$holdExpiresAt < Date()).all()
        for application in overdue {
            try? await close(
                try application.requireID(), to: .expired,
                reason: EnrollmentWords.Applications.ClosedReasons.holdExpired,
                req: nil,
                app: app)
        }
    }
}
