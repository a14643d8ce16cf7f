import Domain
import Fluent
import Vapor
import Views

extension StudentCoursesSection {
    /// A student's network courses with their state (and waiting place), as the student and their guardians see them.
    static func load(of student: Student, title: String, req: Request) async throws -> RegistryCard.Section {
        let rows = try await Enrollment.query(on: req.db).filter(try \.$student.$id == student.requireID())
            .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).with(\.$group) {
                $0.with(\.$organization).with(\.$program)
            }.all()
        return StudentCoursesSection(
            title: title,
            rows: try await rows.asyncMap { enrollment in
                var place: Int?
                if case .waitlisted(let waitPlace) = try await EnrollmentService.outcome(of: enrollment, on: req.db) {
                    place = waitPlace
                }
                return .init(
                    program: enrollment.group.program.title, group: enrollment.group.name,
                    center: enrollment.group.organization.shortName,
                    state: EnrollmentStatus(rawValue: enrollment.status)?.title ?? enrollment.status, waitPlace: place)
            }
        ).section
    }
}
