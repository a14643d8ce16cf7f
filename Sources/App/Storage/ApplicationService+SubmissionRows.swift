import Domain
import Fluent
import SQLKit
import Vapor
import Views

extension ApplicationService {
    /// The rows of a submission, as values both databases' writers bind: a first application's, or those of a closed
    /// one submitted again (`earlier`).
    struct SubmissionRows: Sendable {
        /// A closed application of the student in the campaign, as read before the write: its id and version.
        struct Earlier: Sendable {
            var id: UUID, version: Int
        }

        let campaign: SubmitFacts.Campaign, student: SubmitFacts.StudentFacts, ranked: [UUID],
            groups: [UUID: SubmitFacts.Group]
        let guardianAgreement: String?, submittedBy: String
        /// The application reopened, nil for a first one.
        var earlier: Earlier? = nil
        /// Whether the student may already hold places in the chosen groups (an earlier application, or places given
        /// directly): each choice then reads its place before it tries for a seat.
        var repeated = false
        let now = Date()
        let newID = UUID()
        var applicationID: UUID { earlier?.id ?? newID }
        var firstCome: Bool { campaign.mode == .firstCome }

        static let applicationSQL = """
            INSERT INTO applications (id, municipality_id, campaign_id, student_id, school_id, state,
              submitted_by_name, submitted_at,
                guardian_agreed_by, guardian_agreed_at, school_decision, hold_expires_at, version) VALUES (?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let choiceSQL =
            "INSERT INTO application_choices (id, application_id, rank, group_id, outcome) VALUES (?, ?, ?, ?, ?)"

        /// A closed application submitted again: its rows as a first one's, only while it is still closed and
        /// unchanged since it was read (binds: `reopen`); no row back means someone else got there first.
        static let reopenSQL = """
            UPDATE applications SET school_id = ?, state = ?, submitted_by_name = ?, submitted_at = ?,
              guardian_agreed_by = ?, guardian_agreed_at = ?, school_decision = ?, school_decided_at = NULL,
              school_decided_by = NULL, school_comment = NULL, closed_reason = NULL, hold_expires_at = ?,
              version = version + 1
            WHERE id = ? AND version = ? AND state NOT IN (\(liveStates.map { _ in "?" }.joined(separator: ", ")))
            RETURNING version
            """
        /// The reopened application's earlier choices, replaced by the new ones (binds: the application's id).
        static let clearChoicesSQL = "DELETE FROM application_choices WHERE application_id = ?"

        var reopen: [DBValue] {
            let earlier = earlier ?? Earlier(id: applicationID, version: 0)
            return [
                .uuid(student.schoolID), .text(ApplicationState.submitted.rawValue), .text(submittedBy), .date(now),
                .text(guardianAgreement), .date(guardianAgreement == nil ? nil : now), .text("pending"),
                .date(holdExpiresAt), .uuid(earlier.id), .int(earlier.version),
            ] + Self.liveStates.map { .text($0.rawValue) }
        }

        private static let liveStates = ApplicationState.allCases.filter(\.isLive)

        private var holdExpiresAt: Date? {
            firstCome ? now.addingTimeInterval(Double(campaign.confirmDays) * 86_400) : nil
        }

        var application: [DBValue] {
            [
                .uuid(applicationID), .uuid(campaign.municipalityID), .uuid(campaign.id), .uuid(student.id),
                .uuid(student.schoolID),
                .text(ApplicationState.submitted.rawValue), .text(submittedBy), .date(now), .text(guardianAgreement),
                .date(guardianAgreement == nil ? nil : now),
                .text("pending"), .date(holdExpiresAt), .int(1),
            ]
        }

        func choice(_ i: Int, outcome: String) -> [DBValue] {
            [.uuid(UUID()), .uuid(applicationID), .int(i + 1), .uuid(ranked[i]), .text(outcome)]
        }

        /// The group a choice tries for a seat in (first come, while the student may get more courses); nil when none.
        func toTry(_ groupID: UUID, placed: Int) throws -> SubmitFacts.Group? {
            guard firstCome, placed < campaign.maxCourses else { return nil }
            guard let group = groups[groupID] else { throw EnrollmentService.refusal(.groupNotOpen) }
            return group
        }

        func named(_ outcome: EnrollmentOutcome, placed: inout Int) -> (String, Int?) {
            switch outcome {
            case .enrolled:
                placed += 1
                return ("enrolled", nil)
            case .waitlisted(let position): return ("waitlisted", position)
            }
        }

        func audit(req: Request?) -> Audit.Row {
            Audit.entry(
                req: req, action: .create, entityType: "application", entityID: applicationID,
                title: EnrollmentWords.Audit.submissionTitle(student: student.fullName, campaign: campaign.title),
                municipalityID: campaign.municipalityID, organizationID: student.schoolID,
                after: EnrollmentWords.Audit.submission(
                    campaign: campaign.title, courses: ranked.count, submittedBy: submittedBy,
                    guardianAgreement: guardianAgreement))
        }
    }
}
