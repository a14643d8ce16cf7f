import Domain
import Fluent
import Vapor
import Views

extension GuardiansSection {
    /// The guardians of a student's card and what the viewer may do with them.
    static func load(of s: Student, req: Request, zone: TimeZone) async throws -> GuardiansSection {
        let rows = try await Guardian.query(on: req.db).filter(try \.$student.$id == s.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$createdAt).all()
        let canEdit = req.can(.update, .student(school: OrgRef(id: s.$school.id, municipalityID: s.$municipality.id)))
        return GuardiansSection(
            studentID: try s.requireID(),
            rows: try rows.map { g in
                let access: GuardiansSection.Access =
                    g.$user.id != nil
                    ? .signedIn
                    : g.inviteExpiresAt.map {
                        $0 > Date() ? .codeUntil(RuDate.format($0, timeZone: zone)) : .codeExpired
                    }
                        ?? .none
                return .init(
                    id: try g.requireID(), name: g.fullName, relation: g.relation, phone: g.phone, email: g.email,
                    access: access)
            }, canEdit: canEdit, csrf: req.csrfToken)
    }
}
