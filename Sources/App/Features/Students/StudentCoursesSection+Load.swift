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
            rows: try await rows.asyncMap { e in
                var place: Int?
                if case .waitlisted(let p) = try await EnrollmentService.outcome(of: e, on: req.db) { place = p }
                return .init(
                    program: e.group.program.title, group: e.group.name, center: e.group.organization.shortName,
                    state: EnrollmentStatus(rawValue: e.status)?.title ?? e.status, waitPlace: place)
            }
        ).section
    }
}
