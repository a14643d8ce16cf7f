import Domain
import Fluent
import Vapor
import Views

extension UsersController {
    // MARK: create and edit

    func userForm(
        _ req: Request, user: User?, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) async throws -> RegistryForm {
        UserFormPage(
            id: try user?.requireID(), name: user?.fullName, version: user?.version,
            roleFields: user == nil
                ? try await roleChoices(req, municipalityID: try municipality(req))
                : RoleFields(
                    roles: [], organizations: [], managesAll: true),
            values: values, errors: errors, conflict: conflict
        ).form
    }

    /// The roles and organisations the current user may grant.
    func roleChoices(_ req: Request, municipalityID: UUID) async throws -> RoleFields {
        let orgs = try scope(req)
        let roles = orgs == nil ? Role.allCases : Role.allCases.filter { AccessPolicy.staffAccountRoles.contains($0) }
        let orgOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
            .filter { orgs == nil || orgs!.contains(UUID(uuidString: $0.value)!) }
        return RoleFields(roles: roles, organizations: orgOptions, managesAll: orgs == nil)
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
            errors.add("organization", UsersWords.organizationNeeded)
        }
        if let role, role.isMunicipalityWide, orgID != nil {
            errors.add("organization", UsersWords.noOrganization)
        }
        let from = errors.date("validFrom", form["validFrom"], timeZone: zone, required: false)
        let to = errors.date("validTo", form["validTo"], timeZone: zone, required: false)
        if let from, let to, to < from { errors.add("validTo", UsersWords.endBeforeStart) }
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
            errors.add("username", UsersWords.badUsername)
        } else if !username.isEmpty, try await User.query(on: req.db).filter(\.$username == username).first() != nil {
            errors.add("username", UsersWords.usernameTaken)
        }
        let role = try await readRole(form, req: req, municipalityID: municipalityID, errors: &errors)
        if let (newRole, orgID, _, _) = role,
            !canGrant(
                req, [AccountRole(newRole, organizationID: orgID, municipalityID: municipalityID)],
                municipalityID: municipalityID)
        {
            errors.add("role", UsersWords.onlyTeachersCreate)
        }
        guard errors.isEmpty, let (newRole, orgID, from, to) = role else {
            let page = try await userForm(req, user: nil, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let code = UserAccounts.oneTimeCode()
        let user = User(
            username: username, fullName: fullName, passwordHash: try await Passwords.hash(code, app: req.application))
        user.mustChangePassword = true
        try await req.db.transaction { db in
            try await user.create(on: db)
            let assignment = RoleAssignment(
                userID: try user.requireID(), role: newRole.rawValue, municipalityID: municipalityID,
                organizationID: orgID)
            assignment.validFrom = from
            assignment.validTo = to
            try await assignment.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "user", entityID: user.id, title: fullName,
                municipalityID: municipalityID, organizationID: orgID, before: nil,
                after: UsersWords.Audit.created(name: fullName, username: username, role: newRole))
        }
        return req.render(try codePage(user, code: code, created: true).render(await req.pageContext(active: active)))
    }

    func canGrant(_ req: Request, _ roles: [AccountRole], municipalityID: UUID) -> Bool {
        req.can(.create, .account(roles: roles, municipalityID: municipalityID))
    }

    func codePage(_ user: User, code: String, created: Bool) throws -> NoticePage {
        UserCodePage(
            userID: try user.requireID(), userName: user.fullName, username: user.username, code: code,
            created: created
        ).notice
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
        let before = [UsersWords.Audit.name: user.fullName]
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
                after: [UsersWords.Audit.name: fullName])
            return true
        }
        guard saved else {
            let current = try await find(req)
            let page = try await userForm(
                req, user: current, values: FormValues(single: ["fullName": current.fullName]),
                conflict: RegistrySupport.conflictMessage)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(area, try user.requireID()).path, flash: RegistryWords.saved)
    }
}
