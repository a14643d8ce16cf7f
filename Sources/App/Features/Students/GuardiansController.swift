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
        let guardians = routes.grouped("students", ":id", "guardians")
        guardians.get("new", use: newForm)
        guardians.post("new", use: create)
        guardians.post(":guardian", "invite", use: invite)
        guardians.get(":guardian", "remove", use: removeConfirm)
        guardians.post(":guardian", "remove", use: remove)
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
        guard let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first() else {
            throw AppError.notFound()
        }
        guard req.can(.read, .student(school: student.school.ref)) else { throw AppError.notFound() }
        try req.authorize(.update, .student(school: student.school.ref))
        return student
    }

    func guardian(_ req: Request, of student: Student) async throws -> Guardian {
        guard let gid = req.parameters.get("guardian").flatMap(UUID.init(uuidString:)),
            let guardian = try await Guardian.find(gid, on: req.db), guardian.$student.id == student.id,
            guardian.status == RecordStatus.active.rawValue
        else { throw AppError.notFound() }
        return guardian
    }

    static let fields = GuardianFormPage.fields

    func formPage(_ student: Student, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        GuardianFormPage(
            studentID: try student.requireID(), studentName: student.fullName, values: values, errors: errors
        ).form
    }

    func newForm(req: Request) async throws -> Response {
        let student = try await student(req)
        return req.render(
            try formPage(student, values: FormValues()).render(await req.pageContext(active: .registry(.students))))
    }

    func create(req: Request) async throws -> Response {
        let student = try await student(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let name = errors.required("fullName", form["fullName"], max: 200)
        let relation = errors.optional("relation", form["relation"], max: 50)
        let phone = errors.phone("phone", form["phone"])
        let email = errors.email("email", form["email"])
        if !name.isEmpty,
            try await Guardian.query(on: req.db).filter(try \.$student.$id == student.requireID()).filter(
                \.$status == RecordStatus.active.rawValue
            ).all()
                .contains(where: { TextKey.normalize($0.fullName) == TextKey.normalize(name) })
        {
            errors.add("fullName", GuardiansWords.duplicate)
        }
        guard errors.isEmpty else {
            return req.render(
                try formPage(student, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.students))),
                status: .unprocessableEntity)
        }
        let guardian = Guardian()
        guardian.$municipality.id = student.$municipality.id
        guardian.$student.id = try student.requireID()
        guardian.fullName = name
        guardian.relation = relation
        guardian.phone = phone
        guardian.email = email
        guardian.status = RecordStatus.active.rawValue
        guardian.version = 1
        guardian.createdAt = Date()
        try await req.db.transaction { db in
            try await guardian.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "guardian", entityID: student.id,
                title: GuardiansWords.auditTitle(guardian: name, student: student.fullName),
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                after: GuardiansWords.audit(name: name, relation: relation, phone: phone, email: email))
        }
        return req.redirect(
            to: SiteURL.record(.students, try student.requireID()).path,
            flash: GuardiansWords.added)
    }

    func invite(req: Request) async throws -> Response {
        let student = try await student(req)
        let guardian = try await guardian(req, of: student)
        let code = UserAccounts.oneTimeCode()
        let zone = try await RegistrySupport.zone(req)
        let expires = Date().addingTimeInterval(Double(Self.inviteDays) * 86_400)
        guardian.inviteHash = Self.hash(code)
        guardian.inviteExpiresAt = expires
        guardian.version += 1
        try await req.db.transaction { db in
            try await guardian.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .invite, entityType: "guardian", entityID: student.id,
                title: GuardiansWords.auditTitle(guardian: guardian.fullName, student: student.fullName),
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                after: GuardiansWords.auditCode(until: RuDate.format(expires, timeZone: zone)))
        }
        let page = GuardianInvitePage(
            studentID: try student.requireID(), studentName: student.fullName, school: student.school.shortName,
            guardianName: guardian.fullName,
            relation: guardian.relation, inviteURL: req.absoluteURL(SiteURL.invite.path),
            expires: RuDate.format(expires, timeZone: zone), code: code)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func removeConfirm(req: Request) async throws -> Response {
        let student = try await student(req)
        let guardian = try await guardian(req, of: student)
        let page = GuardianRemovePage(
            studentID: try student.requireID(), studentName: student.fullName, guardianID: try guardian.requireID(),
            guardianName: guardian.fullName, hasAccount: guardian.$user.id != nil)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func remove(req: Request) async throws -> Response {
        let student = try await student(req)
        let guardian = try await guardian(req, of: student)
        guardian.status = RecordStatus.archived.rawValue
        guardian.inviteHash = nil
        guardian.inviteExpiresAt = nil
        guardian.version += 1
        try await req.db.transaction { db in
            try await guardian.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "guardian", entityID: student.id,
                title: GuardiansWords.auditTitle(guardian: guardian.fullName, student: student.fullName),
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                before: [GuardiansWords.guardianField: guardian.fullName], after: [:])
        }
        return req.redirect(
            to: SiteURL.record(.students, try student.requireID()).path, flash: GuardiansWords.removed)
    }

    static func hash(_ code: String) -> String {
        Secrets.sha256(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

}
