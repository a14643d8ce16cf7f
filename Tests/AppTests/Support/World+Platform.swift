import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Builders for the platform suites (API, hardening, foundation): registry records to scope and page, accounts linked to
/// students and staff, contacts on the public page. Every name is made up.
extension World {
    /// Students placed in a group through the enrolment service (a seat each while there are seats).
    func placed(_ studentIDs: [UUID], in group: StudyGroup) async throws {
        for studentID in studentIDs {
            _ = try await EnrollmentService.enroll(
                studentID: studentID, groupID: try group.requireID(), app: app, req: nil)
        }
    }

    /// A group's teacher (a staff member, usually linked to an account).
    func taught(_ group: StudyGroup, by teacher: StaffMember) async throws {
        group.$teacher.id = try teacher.requireID()
        try await group.save(on: app.db)
    }
}
