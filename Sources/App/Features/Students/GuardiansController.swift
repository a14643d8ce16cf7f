import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Guardians of students (issue 3): the school adds them and prints a one-time invitation code; the guardian redeems
/// it (a new account, or one more child for an existing account), sees the child and may withdraw the consent to
/// the processing of personal data, which the school and the КМЦ see at once.
struct GuardiansController: RouteCollection {
    static let inviteDays = 14

    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("students", ":id", "guardians")
        s.get("new", use: newForm)
        s.post("new", use: create)
        s.post(":guardian", "invite", use: invite)
        s.get(":guardian", "remove", use: removeConfirm)
        s.post(":guardian", "remove", use: remove)
        routes.get("invite", use: inviteForm)
        routes.post("invite", use: redeem)
        routes.get("children", use: children)
        routes.get("children", ":id", "consent", use: withdrawConfirm)
        routes.post("children", ":id", "consent", use: withdraw)
    }

    // MARK: the school's side

    /// The student, if the user may change the school's students.
    func student(_ req: Request) async throws -> Student {
        let id = try req.idParameter()
        guard let s = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first() else {
            throw AppError.notFound()
        }
        guard req.can(.read, .student(school: s.school.ref)) else { throw AppError.notFound() }
        try req.authorize(.update, .student(school: s.school.ref))
        return s
    }

    func guardian(_ req: Request, of s: Student) async throws -> Guardian {
        guard let gid = req.parameters.get("guardian").flatMap(UUID.init(uuidString:)),
            let g = try await Guardian.find(gid, on: req.db), g.$student.id == s.id,
            g.status == RecordStatus.active.rawValue
        else { throw AppError.notFound() }
        return g
    }

    static let fields = GuardianFormPage.fields

    func formPage(_ s: Student, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        GuardianFormPage(studentID: try s.requireID(), studentName: s.fullName, values: values, errors: errors).form
    }

    func newForm(req: Request) async throws -> Response {
        let s = try await student(req)
        return req.render(
            try formPage(s, values: FormValues()).render(await req.pageContext(active: .registry(.students))))
    }

    func create(req: Request) async throws -> Response {
        let s = try await student(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let name = errors.required("fullName", form["fullName"], max: 200)
        let relation = errors.optional("relation", form["relation"], max: 50)
        let phone = errors.phone("phone", form["phone"])
        let email = errors.email("email", form["email"])
        if !name.isEmpty,
            try await Guardian.query(on: req.db).filter(try \.$student.$id == s.requireID()).filter(
                \.$status == RecordStatus.active.rawValue
            ).all()
                .contains(where: { TextKey.normalize($0.fullName) == TextKey.normalize(name) })
        {
            errors.add("fullName", GuardiansWords.duplicate)
        }
        guard errors.isEmpty else {
            return req.render(
                try formPage(s, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.students))),
                status: .unprocessableEntity)
        }
        let g = Guardian()
        g.$municipality.id = s.$municipality.id
        g.$student.id = try s.requireID()
        g.fullName = name
        g.relation = relation
        g.phone = phone
        g.email = email
        g.status = RecordStatus.active.rawValue
        g.version = 1
        g.createdAt = Date()
        try await req.db.transaction { db in
            try await g.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "guardian", entityID: s.id,
                title: GuardiansWords.auditTitle(guardian: name, student: s.fullName),
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                after: GuardiansWords.audit(name: name, relation: relation, phone: phone, email: email))
        }
        return req.redirect(
            to: SiteURL.record(.students, try s.requireID()).path,
            flash: GuardiansWords.added)
    }

    func invite(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        let code = UserAccounts.oneTimeCode()
        let zone = try await RegistrySupport.zone(req)
        let expires = Date().addingTimeInterval(Double(Self.inviteDays) * 86_400)
        g.inviteHash = Self.hash(code)
        g.inviteExpiresAt = expires
        g.version += 1
        try await req.db.transaction { db in
            try await g.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .invite, entityType: "guardian", entityID: s.id,
                title: GuardiansWords.auditTitle(guardian: g.fullName, student: s.fullName),
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                after: GuardiansWords.auditCode(until: RuDate.format(expires, timeZone: zone)))
        }
        let page = GuardianInvitePage(
            studentID: try s.requireID(), studentName: s.fullName, school: s.school.shortName, guardianName: g.fullName,
            relation: g.relation, inviteURL: req.absoluteURL(SiteURL.invite.path),
            expires: RuDate.format(expires, timeZone: zone), code: code)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func removeConfirm(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        let page = GuardianRemovePage(
            studentID: try s.requireID(), studentName: s.fullName, guardianID: try g.requireID(),
            guardianName: g.fullName, hasAccount: g.$user.id != nil)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func remove(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        g.status = RecordStatus.archived.rawValue
        g.inviteHash = nil
        g.inviteExpiresAt = nil
        g.version += 1
        try await req.db.transaction { db in
            try await g.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "guardian", entityID: s.id,
                title: GuardiansWords.auditTitle(guardian: g.fullName, student: s.fullName),
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                before: [GuardiansWords.guardianField: g.fullName], after: [:])
        }
        return req.redirect(
            to: SiteURL.record(.students, try s.requireID()).path, flash: GuardiansWords.removed)
    }

    static func hash(_ code: String) -> String {
        Secrets.sha256(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

}
