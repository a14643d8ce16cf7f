import Domain
import Fluent
import SQLKit
import Vapor
import Views

extension ApplicationService {
    /// The rows of a first application, as values both databases' writers bind.
    struct FreshSubmission: Sendable {
        let campaign: SubmitFacts.Campaign, student: SubmitFacts.StudentFacts, ranked: [UUID],
            groups: [UUID: SubmitFacts.Group]
        let guardianAgreement: String?, submittedBy: String
        let now = Date(), applicationID = UUID()
        var firstCome: Bool { campaign.mode == .firstCome }

        static let applicationSQL = """
            INSERT INTO applications (id, municipality_id, campaign_id, student_id, school_id, state,
              submitted_by_name, submitted_at,
                guardian_agreed_by, guardian_agreed_at, school_decision, hold_expires_at, version) VALUES (?, ?, ?, ?,
              ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let choiceSQL =
            "INSERT INTO application_choices (id, application_id, rank, group_id, outcome) VALUES (?, ?, ?, ?, ?)"

        var application: [DBValue] {
            [
                .uuid(applicationID), .uuid(campaign.municipalityID), .uuid(campaign.id), .uuid(student.id),
                .uuid(student.schoolID),
                .text(ApplicationState.submitted.rawValue), .text(submittedBy), .date(now), .text(guardianAgreement),
                .date(guardianAgreement == nil ? nil : now),
                .text("pending"),
                .date(firstCome ? now.addingTimeInterval(Double(campaign.confirmDays) * 86_400) : nil), .int(1),
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

        func named(_ e: EnrollmentOutcome, placed: inout Int) -> (String, Int?) {
            switch e {
            case .enrolled:
                placed += 1
                return ("enrolled", nil)
            case .waitlisted(let p): return ("waitlisted", p)
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
