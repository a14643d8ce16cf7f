import Domain
import Fluent
import Vapor
import Views

extension UsersController {
    func roleForm(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let page = try await rolePage(req, user: user, values: FormValues())
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func rolePage(_ req: Request, user: User, values: FormValues, errors: FieldErrors = FieldErrors()) async throws
        -> RegistryForm
    {
        RegistryForm(
            title: "Назначение роли: \(user.fullName)",
            crumbs: [
                Crumb("Пользователи", SiteURL.list(area).path),
                Crumb(user.fullName, SiteURL.record(area, try user.requireID()).path),
            ],
            action: SiteURL.record(area, try user.requireID()).path + "/roles/new",
            cancelURL: SiteURL.record(area, try user.requireID()).path,
            fields: try await roleFields(req, municipalityID: try municipality(req)), values: values, errors: errors)
    }

    func addRole(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let municipalityID = try municipality(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let existing = Self.roles(
            try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).all())
        let read = try await readRole(form, req: req, municipalityID: municipalityID, errors: &errors)
        if let (r, orgID, _, _) = read,
            !canGrant(
                req, existing + [AccountRole(r, organizationID: orgID, municipalityID: municipalityID)],
                municipalityID: municipalityID)
        {
            errors.add("role", "Вы можете назначать только роль педагога своей организации.")
        }
        guard let (role, orgID, from, to) = read, errors.isEmpty else {
            let page = try await rolePage(req, user: user, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let orgName: String? = orgID == nil ? nil : try await Organization.find(orgID, on: req.db)?.shortName
        try await req.db.transaction { db in
            let a = RoleAssignment(
                userID: try user.requireID(), role: role.rawValue, municipalityID: municipalityID, organizationID: orgID
            )
            a.validFrom = from
            a.validTo = to
            try await a.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: municipalityID, organizationID: orgID, before: ["Роль": ""],
                after: ["Роль": role.title + (orgName.map { " — \($0)" } ?? "")])
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: "Роль назначена.")
    }

    func removeRole(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let municipalityID = try municipality(req)
        guard let rid = req.parameters.get("role").flatMap(UUID.init(uuidString:)),
            let a = try await RoleAssignment.query(on: req.db).filter(\.$id == rid).filter(
                try \.$user.$id == user.requireID()
            )
            .with(\.$organization).first(),
            a.$municipality.id == municipalityID
        else { throw AppError.notFound("Роль не найдена.") }
        if user.id == req.currentUser?.userID && a.role == Role.authorityAdmin.rawValue {
            throw AppError.conflict("Нельзя снять с себя роль администратора: это сделает другой администратор.")
        }
        if try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).count() <= 1 {
            throw AppError.conflict("Это последняя роль пользователя. Чтобы закрыть ему доступ, заблокируйте его.")
        }
        try await req.db.transaction { db in
            try await a.delete(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: municipalityID, organizationID: a.$organization.id,
                before: [
                    "Роль": (Role(rawValue: a.role)?.title ?? a.role)
                        + (a.organization.map { " — \($0.shortName)" } ?? "")
                ],
                after: ["Роль": ""])
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: "Роль снята.")
    }

    func resetConfirm(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let page = ConfirmPage(
            title: "Сброс пароля", question: "Сбросить пароль пользователя «\(user.username)»?",
            consequence:
                "Прежний пароль перестанет действовать, все сеансы пользователя завершатся. Вы увидите одноразовый "
                + "код, с которым пользователь войдёт и задаст новый пароль.",
            action: SiteURL.record(area, try user.requireID()).path + "/reset", button: "Сбросить пароль",
            cancelURL: SiteURL.record(area, try user.requireID()).path,
            crumbs: [
                Crumb("Пользователи", SiteURL.list(area).path),
                Crumb(user.fullName, SiteURL.record(area, try user.requireID()).path),
            ])
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func reset(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let code = UserAccounts.oneTimeCode()
        user.passwordHash = try await Passwords.hash(code, app: req.application)
        user.mustChangePassword = true
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await Login.revokeAccess(userID: try user.requireID(), on: db)
            try await Audit.record(
                on: db, req: req, action: .passwordChange, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: nil,
                before: nil, after: ["Пароль": "сброшен администратором"])
        }
        return req.render(try codePage(user, code: code, created: false).render(await req.pageContext(active: active)))
    }

    func block(req: Request) async throws -> Response { try await setActive(req, false) }
    func unblock(req: Request) async throws -> Response { try await setActive(req, true) }

    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let user = try await find(req, .update)
        if user.id == req.currentUser?.userID { throw AppError.conflict("Нельзя заблокировать самого себя.") }
        user.isActive = active
        try await req.db.transaction { db in
            try await user.save(on: db)
            if !active { try await Login.revokeAccess(userID: try user.requireID(), on: db) }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: nil,
                before: ["Доступ": active ? "заблокирован" : "действует"],
                after: ["Доступ": active ? "действует" : "заблокирован"])
        }
        return req.redirect(
            to: SiteURL.record(area, try user.requireID()).path,
            flash: active ? "Пользователь разблокирован." : "Пользователь заблокирован.")
    }
}
