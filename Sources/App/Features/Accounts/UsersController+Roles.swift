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
        RoleFormPage(
            userID: try user.requireID(), userName: user.fullName,
            roleFields: try await roleChoices(req, municipalityID: try municipality(req)), values: values,
            errors: errors
        ).form
    }

    func addRole(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let municipalityID = try municipality(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let existing = Self.roles(
            try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).all())
        let read = try await readRole(form, req: req, municipalityID: municipalityID, errors: &errors)
        if let (requested, orgID, _, _) = read,
            !canGrant(
                req, existing + [AccountRole(requested, organizationID: orgID, municipalityID: municipalityID)],
                municipalityID: municipalityID)
        {
            errors.add("role", UsersWords.onlyTeachersGrant)
        }
        guard let (role, orgID, from, to) = read, errors.isEmpty else {
            let page = try await rolePage(req, user: user, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let orgName: String? = orgID == nil ? nil : try await Organization.find(orgID, on: req.db)?.shortName
        try await req.db.transaction { db in
            let assignment = RoleAssignment(
                userID: try user.requireID(), role: role.rawValue, municipalityID: municipalityID, organizationID: orgID
            )
            assignment.validFrom = from
            assignment.validTo = to
            try await assignment.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: municipalityID, organizationID: orgID, before: [UsersWords.Audit.role: ""],
                after: [UsersWords.Audit.role: UsersWords.Audit.roleTitle(role.title, organization: orgName)])
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: UsersWords.roleGranted)
    }

    func removeRole(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let municipalityID = try municipality(req)
        guard let rid = req.parameters.get("role").flatMap(UUID.init(uuidString:)),
            let assignment = try await RoleAssignment.query(on: req.db).filter(\.$id == rid).filter(
                try \.$user.$id == user.requireID()
            )
            .with(\.$organization).first(),
            assignment.$municipality.id == municipalityID
        else { throw AppError.notFound(UsersWords.roleNotFound) }
        if user.id == req.currentUser?.userID && assignment.role == Role.authorityAdmin.rawValue {
            throw AppError.conflict(UsersWords.ownAdminRole)
        }
        if try await RoleAssignment.query(on: req.db).filter(try \.$user.$id == user.requireID()).count() <= 1 {
            throw AppError.conflict(UsersWords.lastRole)
        }
        try await req.db.transaction { db in
            try await assignment.delete(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: municipalityID, organizationID: assignment.$organization.id,
                before: [
                    UsersWords.Audit.role: UsersWords.Audit.roleTitle(
                        Role(rawValue: assignment.role)?.title ?? assignment.role,
                        organization: assignment.organization?.shortName)
                ],
                after: [UsersWords.Audit.role: ""])
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: UsersWords.roleRemoved)
    }

    func resetConfirm(req: Request) async throws -> Response {
        let user = try await find(req, .update)
        let page = UserCodePage.resetConfirm(
            userID: try user.requireID(), userName: user.fullName, username: user.username)
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
                before: nil, after: UsersWords.Audit.passwordReset)
        }
        return req.render(try codePage(user, code: code, created: false).render(await req.pageContext(active: active)))
    }

    func block(req: Request) async throws -> Response { try await setActive(req, false) }
    func unblock(req: Request) async throws -> Response { try await setActive(req, true) }

    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let user = try await find(req, .update)
        if user.id == req.currentUser?.userID { throw AppError.conflict(UsersWords.blockSelf) }
        user.isActive = active
        try await req.db.transaction { db in
            try await user.save(on: db)
            if !active { try await Login.revokeAccess(userID: try user.requireID(), on: db) }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: user.fullName,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: nil,
                before: UsersWords.Audit.access(!active), after: UsersWords.Audit.access(active))
        }
        return req.redirect(
            to: SiteURL.record(area, try user.requireID()).path,
            flash: UsersWords.access(active))
    }
}
