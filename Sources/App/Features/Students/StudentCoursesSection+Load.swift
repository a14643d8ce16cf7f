import Domain
import Fluent
import Vapor
import Views

extension StudentCoursesSection {
    /// A student's network courses with their state (and waiting place), as the student and their guardians see them.
    static func load(of student: Student, title: String, req: Request) async throws -> RegistryCard.Section {
        try await load(of: [student], title: title, req: req)[try student.requireID()]
            ?? StudentCoursesSection(title: title, rows: []).section
    }

    /// The sections of several students (a guardian's children), by student, in a fixed number of statements: their
    /// places with the groups, centres and programmes, and the positions of those still waiting.
    static func load(of students: [Student], title: String, req: Request) async throws -> [UUID: RegistryCard.Section] {
        let ids = try students.map { try $0.requireID() }
        guard !ids.isEmpty else { return [:] }
        let rows = try await Enrollment.query(on: req.db).filter(\.$student.$id ~~ ids)
            .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).with(\.$group) {
                $0.with(\.$organization).with(\.$program)
            }.all()
        let positions = try await EnrollmentService.waitingPlaces(of: rows, on: req.db)
        let byStudent = Dictionary(grouping: rows, by: \.$student.id)
        var sections: [UUID: RegistryCard.Section] = [:]
        for id in ids {
            sections[id] =
                StudentCoursesSection(
                    title: title,
                    rows: (byStudent[id] ?? []).map { enrollment in
                        .init(
                            program: enrollment.group.program.title, group: enrollment.group.name,
                            center: enrollment.group.organization.shortName,
                            state: EnrollmentStatus(rawValue: enrollment.status)?.title ?? enrollment.status,
                            waitPlace: enrollment.id.flatMap { positions[$0] })
                    }
                ).section
        }
        return sections
    }
}
