import Domain
import Fluent
import Vapor
import Views

extension UsersController {
    // MARK: create and edit

    func userForm(
        _ req: Request, user: User?, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) async throws -> RegistryForm {
        let municipalityID = try municipality(req)
        var fields = [FieldSpec("fullName", "Фамилия, имя, отчество", required: true)]
        if user == nil {
            fields.append(
                FieldSpec(
                    "username", "Имя пользователя", required: true,
                    hint: "Латинские буквы, цифры, точка, дефис, подчёркивание."))
            fields += try await roleFields(req, municipalityID: municipalityID)
        }
        return RegistryForm(
            title: user == nil ? "Новый пользователь" : "Изменение: \(user!.fullName)",
            crumbs: [Crumb("Пользователи", SiteURL.list(area).path)],
            action: try user.map { SiteURL.edit(area, try $0.requireID()).path } ?? SiteURL.new(area).path,
            cancelURL: try user.map { SiteURL.record(area, try $0.requireID()).path } ?? SiteURL.list(area).path,
            fields: fields, values: values, errors: errors, version: user?.version, conflict: conflict,
            intro: user == nil
                ? "Пароль не задаётся: после сохранения вы увидите одноразовый код для первого входа." : nil)
    }

    func roleFields(_ req: Request, municipalityID: UUID) async throws -> [FieldSpec] {
        let orgs = try scope(req)
        let roles = orgs == nil ? Role.allCases : Role.allCases.filter { AccessPolicy.staffAccountRoles.contains($0) }
        let orgOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
            .filter { orgs == nil || orgs!.contains(UUID(uuidString: $0.value)!) }
        return [
            FieldSpec(
                "role", "Роль", .select(roles.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
            FieldSpec(
                "organization", "Организация",
                .select(orgOptions, empty: orgs == nil ? "— весь муниципалитет —" : "— выберите —"),
                hint:
                    "Для ролей руководителя ресурсного центра, педагога, администратора школы, обучающегося и родителя."
            ),
            FieldSpec("validFrom", "Действует с", .date), FieldSpec("validTo", "Действует по", .date),
        ]
    }

    func newForm(req: Request) async throws -> Response {
        let page = try await userForm(req, user: nil, values: FormValues())
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// Validates a role assignment from a form.
    func readRole(_ form: FormValues, req: Request, municipalityID: UUID, errors: inout FieldErrors) async throws -> (
        Role, UUID?, Date?, Date?
    )? {
        let zone = try await RegistrySupport.zone(req)
        let role = errors.choice("role", form["role"], as: Role.self)
        var orgID: UUID?
        if let raw = form["organization"], !raw.isEmpty {
            orgID = try await RegistrySupport.organization(
                raw, field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)?.id
        }
        if let role, !role.isMunicipalityWide, orgID == nil {
            errors.add("organization", "Для этой роли выберите организацию.")
        }
        if let role, role.isMunicipalityWide, orgID != nil {
            errors.add("organization", "Эта роль действует на весь муниципалитет: организацию не указывайте.")
        }
        let from = errors.date("validFrom", form["validFrom"], timeZone: zone, required: false)
        let to = errors.date("validTo", form["validTo"], timeZone: zone, required: false)
        if let from, let to, to < from { errors.add("validTo", "Окончание не может быть раньше начала.") }
        guard errors.isEmpty, let role else { return nil }
        return (role, orgID, from, to.map { $0.addingTimeInterval(86_399) })
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try municipality(req)
        _ = try scope(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let fullName = errors.required("fullName", form["fullName"], max: 200)
        let username = errors.required("username", form["username"], max: 60)
        if !username.isEmpty && !UserAccounts.isValidUsername(username) {
            errors.add("username", "Латинские буквы, цифры, точка, дефис и подчёркивание, от 3 до 60 символов.")
        } else if !username.isEmpty, try await User.query(on: req.db).filter(\.$username == username).first() != nil {
            errors.add("username", "Это имя пользователя уже занято.")
        }
        let role = try await readRole(form, req: req, municipalityID: municipalityID, errors: &errors)
        if let (r, orgID, _, _) = role,
            !canGrant(
                req, [AccountRole(r, organizationID: orgID, municipalityID: municipalityID)],
                municipalityID: municipalityID)
        {
            errors.add("role", "Вы можете создавать только учётные записи педагогов своей организации.")
        }
        guard errors.isEmpty, let (r, orgID, from, to) = role else {
            let page = try await userForm(req, user: nil, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let code = UserAccounts.oneTimeCode()
        let user = User(
            username: username, fullName: fullName, passwordHash: try await Passwords.hash(code, app: req.application))
        user.mustChangePassword = true
        try await req.db.transaction { db in
            try await user.create(on: db)
            let a = RoleAssignment(
                userID: try user.requireID(), role: r.rawValue, municipalityID: municipalityID, organizationID: orgID)
            a.validFrom = from
            a.validTo = to
            try await a.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "user", entityID: user.id, title: fullName,
                municipalityID: municipalityID, organizationID: orgID, before: nil,
                after: ["ФИО": fullName, "Имя пользователя": username, "Роль": r.title])
        }
        return req.render(try codePage(user, code: code, created: true).render(await req.pageContext(active: active)))
    }

    func canGrant(_ req: Request, _ roles: [AccountRole], municipalityID: UUID) -> Bool {
        req.can(.create, .account(roles: roles, municipalityID: municipalityID))
    }

    func codePage(_ user: User, code: String, created: Bool) throws -> NoticePage {
        NoticePage(
            title: created ? "Пользователь создан" : "Пароль сброшен",
            crumbs: [
                Crumb("Пользователи", SiteURL.list(area).path),
                Crumb(user.fullName, SiteURL.record(area, try user.requireID()).path),
            ],
            lines: [
                "Передайте пользователю «\(user.username)» одноразовый код для входа. Код показывается только сейчас; "
                    + "при первом входе пользователь задаст свой пароль."
            ],
            highlight: code, backTitle: "К карточке пользователя",
            backURL: SiteURL.record(area, try user.requireID()).path)
    }

    func editForm(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let page = try await userForm(req, user: user, values: FormValues(single: ["fullName": user.fullName]))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let fullName = errors.required("fullName", form["fullName"], max: 200)
        guard errors.isEmpty else {
            let page = try await userForm(req, user: user, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let expected = Int(form["version"] ?? "") ?? -1
        let before = ["ФИО": user.fullName]
        let saved = try await req.db.transaction { db -> Bool in
            guard
                try await RegistrySupport.claimVersion(
                    table: User.schema, id: try user.requireID(), expected: expected, on: db)
            else { return false }
            user.version = expected + 1
            user.fullName = fullName
            user.searchKey = TextKey.search(user.username, fullName)
            user.sortKey = TextKey.sort(fullName)
            try await user.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: fullName,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: nil, before: before,
                after: ["ФИО": fullName])
            return true
        }
        guard saved else {
            let current = try await find(req)
            let page = try await userForm(
                req, user: current, values: FormValues(single: ["fullName": current.fullName]),
                conflict: RegistrySupport.conflictMessage)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: "Изменения сохранены.")
    }
}
