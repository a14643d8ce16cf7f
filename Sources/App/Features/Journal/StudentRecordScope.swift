import Domain
import Fluent
import Vapor
import Views

/// Which groups an API list of a student's record reads (`/api/v1/attendance`, `/api/v1/results`,
/// `/api/v1/certificates`): scoped like the pages (the journal to the centre, the lesson's teacher, the КМЦ; a
/// student's own to the student and guardians), with the same rules.
enum StudentRecordScope {
    /// The groups a query names (`?group=`) or a student's groups (`?student=`), checked: a group's journal for
    /// `.journal`; a student's record through `.person` — whoever may read it (the student, their guardians, the
    /// home school, the КМЦ) reads all of it, as the progress page (`ProgressController`) shows it.
    static func groups(_ req: Request, _ query: ListQuery) async throws -> (groups: [UUID], student: UUID?) {
        if let raw = query.filters["group"] {
            guard let id = UUID(uuidString: raw),
                let group = try await StudyGroup.query(on: req.db).filter(\.$id == id).with(\.$teacher).first(),
                let center = try await Organization.find(group.$organization.id, on: req.db)
            else { throw AppError.notFound(JournalWords.groupNotFound) }
            try req.authorize(.read, .journal(center: center.ref, teacherUserID: group.teacher?.$user.id))
            return ([id], nil)
        }
        if let raw = query.filters["student"] {
            guard let id = UUID(uuidString: raw),
                let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first()
            else {
                throw AppError.notFound(JournalWords.studentNotFound)
            }
            try req.authorize(.read, .person(studentID: id, school: student.school.ref))
            return (try await Enrollment.query(on: req.db).filter(\.$student.$id == id).all().map { $0.$group.id }, id)
        }
        throw AppError(
            status: .badRequest, code: "bad_request", reason: JournalWords.groupOrStudent)
    }
}
