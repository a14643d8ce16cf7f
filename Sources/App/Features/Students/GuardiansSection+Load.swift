import Domain
import Fluent
import Vapor
import Views

extension GuardiansSection {
    /// The guardians of a student's card and what the viewer may do with them.
    static func load(of student: Student, req: Request, zone: TimeZone) async throws -> GuardiansSection {
        let rows = try await Guardian.query(on: req.db).filter(try \.$student.$id == student.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$createdAt).all()
        let canEdit = req.can(
            .update, .student(school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id)))
        return GuardiansSection(
            studentID: try student.requireID(),
            rows: try rows.map { guardian in
                let access: GuardiansSection.Access =
                    guardian.$user.id != nil
                    ? .signedIn
                    : guardian.inviteExpiresAt.map {
                        $0 > Date() ? .codeUntil(RuDate.format($0, timeZone: zone)) : .codeExpired
                    }
                        ?? .none
                return .init(
                    id: try guardian.requireID(), name: guardian.fullName, relation: guardian.relation,
                    phone: guardian.phone, email: guardian.email,
                    access: access)
            }, canEdit: canEdit, csrf: req.csrfToken)
    }
}
