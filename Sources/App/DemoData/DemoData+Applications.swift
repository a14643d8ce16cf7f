import Domain
import Fluent
import Vapor

extension DemoData {
    /// An ИУП submitted a day before `now`, as the demo writes one (the tests' `World.application` too): first-come
    /// choices take a seat (or a waiting place) in rank order through `EnrollmentService` until one is seated, the rest
    /// are unused; ranked ones wait for the distribution.
    @discardableResult
    static func apply(
        _ campaign: EnrollmentCampaign, _ student: Student, choices: [StudyGroup], confirmed: Bool, guardian: Bool,
        submitted now: Date, on db: any Database
    ) async throws -> CourseApplication {
        let application = CourseApplication()
        application.$municipality.id = campaign.$municipality.id
        application.$campaign.id = try campaign.requireID()
        application.$student.id = try student.requireID()
        application.$school.id = student.$school.id
        application.state = (confirmed ? ApplicationState.confirmed : .submitted).rawValue
        application.submittedByName = student.fullName
        application.submittedAt = now.addingTimeInterval(-86_400)
        // The guardian agrees by name, as a signed-in guardian does: the child's guardian in the registry, or a
        // made-up mother's name when the registry has none.
        application.guardianAgreedBy =
            guardian
            ? try await Guardian.query(on: db).filter(\.$student.$id == student.requireID()).sort(\.$fullName).first()?
                .fullName
                ?? "\(student.surname.hasSuffix("а") ? student.surname : student.surname + "а") Ольга Петровна"
            : nil
        application.guardianAgreedAt = guardian ? application.submittedAt : nil
        application.schoolDecision = confirmed ? "confirmed" : "pending"
        application.schoolDecidedAt = confirmed ? now : nil
        application.holdExpiresAt =
            campaign.campaignMode == .firstCome && !confirmed
            ? application.submittedAt.addingTimeInterval(Double(campaign.confirmDays) * 86_400) : nil
        application.version = 1
        try await application.create(on: db)
        var placed = false
        for (i, group) in choices.enumerated() {
            let choice = ApplicationChoice()
            choice.$application.id = try application.requireID()
            choice.rank = i + 1
            choice.$group.id = try group.requireID()
            choice.outcome = "pending"
            if campaign.campaignMode == .firstCome {
                if placed {
                    choice.outcome = "unused"
                } else {
                    switch try await EnrollmentService.enroll(
                        studentID: try student.requireID(), groupID: try group.requireID(), source: .application,
                        on: db, req: nil)
                    {
                    case .enrolled:
                        choice.outcome = "enrolled"
                        placed = true
                    case .waitlisted: choice.outcome = "waitlisted"
                    }
                }
            }
            try await choice.create(on: db)
        }
        return application
    }
}
