import Vapor
import Fluent
import Domain
import Views

/// Users and their role assignments, managed by the authority administrator; password reset with a one-time code.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let u = routes.grouped("users")
        u.get(use: index)
        u.get("new", use: newForm)
        u.post("new", use: create)
        u.get(":id", use: show)
        u.get(":id", "edit", use: editForm)
        u.post(":id", "edit", use: update)
        u.get(":id", "roles", "new", use: roleForm)
        u.post(":id", "roles", "new", use: addRole)
        u.post(":id", "roles", ":role", "remove", use: removeRole)
        u.get(":id", "reset", use: resetConfirm)
        u.post(":id", "reset", use: reset)
        u.post(":id", "block", use: block)
        u.post(":id", "unblock", use: unblock)
    }

    let area = Registry.users
    var active: MenuArea { .registry(.users) }

    func municipality(_ req: Request) throws -> UUID { try RegistrySupport.municipality(req) }

    /// Organisations whose staff accounts the user manages: nil means every account of the municipality (administrator).
    func scope(_ req: Request) throws -> Set<UUID>? {
        let muni = try municipality(req)
        if req.can(.read, .users(municipalityID: muni)) { return nil }
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let orgs = Set(own.filter { org in req.can(.read, .account(roles: [AccountRole(.teacher, organizationID: org)], municipalityID: muni)) })
        guard !orgs.isEmpty else { throw AppError.forbidden }
        return orgs
    }

    static func roles(_ assignments: [RoleAssignment]) -> [AccountRole] {
        assignments.compactMap { a in Role(rawValue: a.role).map { AccountRole($0, organizationID: a.$organization.id) } }
    }

    /// Checks an action on an account as it is (its assignments) or as it will be. An administrator manages the
    /// accounts whose every role is in their municipality; a school or centre only its own teachers' accounts.
    func authorize(_ req: Request, _ action: Domain.Action, roles: [AccountRole], municipalities: [UUID]? = nil) throws {
        let muni = try municipality(req)
        if req.can(action, .users(municipalityID: muni)), (municipalities ?? [muni]).allSatisfy({ $0 == muni }) { return }
        guard (municipalities ?? [muni]).allSatisfy({ $0 == muni }) else { throw AppError.forbidden }
        try req.authorize(action, .account(roles: roles, municipalityID: muni))
    }

    /// A user of the municipality whose account the current user may manage.
    func find(_ req: Request, _ action: Domain.Action = .read) async throws -> User {
        let muni = try municipality(req)
        guard let user = try await User.find(try req.idParameter(), on: req.db) else { throw AppError.notFound("Пользователь не найден.") }
        let assignments = try await RoleAssignment.query(on: req.db).filter(\.$user.$id == user.id!).all()
        // An account with no roles belongs to no municipality: only the operator (`setka user create`) handles it.
        guard !assignments.isEmpty else { throw AppError.forbidden }
        try authorize(req, action, roles: Self.roles(assignments), municipalities: assignments.map { $0.$municipality.id })
        return user
    }

    func index(req: Request) async throws -> Response {
        let muni = try municipality(req)
        let orgs = try scope(req)
        let query = RegistrySupport.listQuery(req, filters: ["role", "state"], sorts: ["name", "login"], defaultSort: "name")
        let inMuni = try await RoleAssignment.query(on: req.db).filter(\.$municipality.$id == muni).all()
        let byUser = Dictionary(grouping: inMuni, by: { $0.$user.id })
        // A scoped manager sees only accounts whose every role they may manage.
        // Accounts with a role in another municipality too are not this administrator's to manage.
        let elsewhere = Set(try await RoleAssignment.query(on: req.db).filter(\.$municipality.$id != muni).all().map { $0.$user.id })
        var ids = Set(byUser.keys.filter { id in
            !elsewhere.contains(id) && (orgs == nil || req.can(.read, .account(roles: Self.roles(byUser[id] ?? []), municipalityID: muni)))
        })
        if let role = query.filters["role"] { ids = ids.filter { (byUser[$0] ?? []).contains { $0.role == role } } }
        var b = User.query(on: req.db).filter(\.$id ~~ Array(ids))
        if let state = query.filters["state"] { b = b.filter(\.$isActive == (state == "active")) }
        let needle = TextKey.normalize(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        b = query.sort == "login" ? b.sort(\.$username, dir) : b.sort(\.$sortKey, dir)
        let (users, total) = try await b.paged(query)
        let roles = byUser
        let page = RegistryList(
            title: "Пользователи", area: area, query: query,
            filters: [CommonFilters.search,
                      FieldSpec("role", "Роль", .select(Role.allCases.map { ($0.rawValue, $0.title) }, empty: "Все роли")),
                      FieldSpec("state", "Доступ", .select([("active", "действует"), ("blocked", "заблокирован")], empty: "Все"))],
            columns: [Column("ФИО", sort: "name"), Column("Имя пользователя", sort: "login"), Column("Роли"), Column("Доступ")],
            rows: users.map { u in
                [.link(u.fullName, SiteURL.record(area, u.id!).path), .text(u.username),
                 .text((roles[u.id!] ?? []).compactMap { Role(rawValue: $0.role)?.title }.joined(separator: ", ")),
                 u.isActive ? .tag("действует", "active") : .tag("заблокирован", "terminated")]
            },
            total: total, noun: ("пользователь", "пользователя", "пользователей"),
            createTitle: orgs == nil ? "Добавить пользователя" : "Добавить учётную запись педагога",
            emptyText: "Пользователей с такими условиями нет.")
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func show(req: Request) async throws -> Response {
        let user = try await find(req)
        let assignments = try await RoleAssignment.query(on: req.db).filter(\.$user.$id == user.id!).with(\.$organization).with(\.$municipality).all()
        let zone = try await RegistrySupport.zone(req)
        let csrf = req.csrfToken
        let id = user.id!
        let mayUpdate = (try? authorize(req, .update, roles: Self.roles(assignments), municipalities: assignments.map { $0.$municipality.id })) != nil
        var actions: [RegistryCard.Action] = mayUpdate ? [
            .link("Изменить", SiteURL.edit(area, id).path, primary: true),
            .link("Назначить роль", SiteURL.record(area, id).path + "/roles/new", primary: false),
            .link("Сбросить пароль", SiteURL.record(area, id).path + "/reset", primary: false),
        ] : []
        if id != req.currentUser?.userID && mayUpdate {
            actions.append(user.isActive ? .post("Заблокировать", SiteURL.record(area, id).path + "/block")
                                         : .post("Разблокировать", SiteURL.record(area, id).path + "/unblock"))
        }
        let card = RegistryCard(
            title: user.fullName, area: area, status: nil,
            facts: [("Имя пользователя", user.username), ("Доступ", user.isActive ? "действует" : "заблокирован"),
                    ("Пароль", user.mustChangePassword ? "выдан одноразовый код, пользователь ещё не сменил его" : "задан пользователем")],
            actions: actions,
            sections: [RegistryCard.Section(
                title: "Роли", columns: ["Роль", "Где", "Срок", ""],
                rows: assignments.map { a in
                    [.text(Role(rawValue: a.role)?.title ?? a.role), .text(a.organization?.shortName ?? a.municipality.name),
                     .text((a.validFrom == nil && a.validTo == nil) ? "бессрочно" :
                            "с " + RegistrySupport.date(a.validFrom, zone).ifBlank("—") + " по " + RegistrySupport.date(a.validTo, zone).ifBlank("—")),
                     .post("Снять роль", SiteURL.record(area, id).path + "/roles/\(a.id!.uuidString.lowercased())/remove", csrf: csrf)]
                }, emptyText: "Ролей нет: пользователь не видит ничего, кроме своего профиля.")],
            history: try await AuditController.history(entityID: id, req: req))
        return req.render(card.render(await req.pageContext(active: active)))
    }

    // MARK: create and edit

    func userForm(_ req: Request, user: User?, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil) async throws -> RegistryForm {
        let muni = try municipality(req)
        var fields = [FieldSpec("fullName", "Фамилия, имя, отчество", required: true)]
        if user == nil {
            fields.append(FieldSpec("username", "Имя пользователя", required: true, hint: "Латинские буквы, цифры, точка, дефис, подчёркивание."))
            fields += try await roleFields(req, municipalityID: muni)
        }
        return RegistryForm(
            title: user == nil ? "Новый пользователь" : "Изменение: \(user!.fullName)",
            crumbs: [Crumb("Пользователи", SiteURL.list(area).path)],
            action: user.map { SiteURL.edit(area, $0.id!).path } ?? SiteURL.new(area).path,
            cancelURL: user.map { SiteURL.record(area, $0.id!).path } ?? SiteURL.list(area).path,
            fields: fields, values: values, errors: errors, version: user?.version, conflict: conflict,
            intro: user == nil ? "Пароль не задаётся: после сохранения вы увидите одноразовый код для первого входа." : nil)
    }

    func roleFields(_ req: Request, municipalityID: UUID) async throws -> [FieldSpec] {
        let orgs = try scope(req)
        let roles = orgs == nil ? Role.allCases : Role.allCases.filter { AccessPolicy.staffAccountRoles.contains($0) }
        let orgOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
            .filter { orgs == nil || orgs!.contains(UUID(uuidString: $0.value)!) }
        return [FieldSpec("role", "Роль", .select(roles.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
                FieldSpec("organization", "Организация", .select(orgOptions, empty: orgs == nil ? "— весь муниципалитет —" : "— выберите —"),
                          hint: "Для ролей руководителя ресурсного центра, педагога, администратора школы, обучающегося и родителя."),
                FieldSpec("validFrom", "Действует с", .date), FieldSpec("validTo", "Действует по", .date)]
    }

    func newForm(req: Request) async throws -> Response {
        let page = try await userForm(req, user: nil, values: FormValues())
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// Validates a role assignment from a form.
    func readRole(_ form: FormValues, req: Request, municipalityID: UUID, errors: inout FieldErrors) async throws -> (Role, UUID?, Date?, Date?)? {
        let zone = try await RegistrySupport.zone(req)
        let role = errors.choice("role", form["role"], as: Role.self)
        var orgID: UUID?
        if let raw = form["organization"], !raw.isEmpty {
            orgID = try await RegistrySupport.organization(raw, field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)?.id
        }
        if let role, !role.isMunicipalityWide, orgID == nil { errors.add("organization", "Для этой роли выберите организацию.") }
        if let role, role.isMunicipalityWide, orgID != nil { errors.add("organization", "Эта роль действует на весь муниципалитет: организацию не указывайте.") }
        let from = errors.date("validFrom", form["validFrom"], timeZone: zone, required: false)
        let to = errors.date("validTo", form["validTo"], timeZone: zone, required: false)
        if let from, let to, to < from { errors.add("validTo", "Окончание не может быть раньше начала.") }
        guard errors.isEmpty, let role else { return nil }
        return (role, orgID, from, to.map { $0.addingTimeInterval(86_399) })
    }

    func create(req: Request) async throws -> Response {
        let muni = try municipality(req)
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
        let role = try await readRole(form, req: req, municipalityID: muni, errors: &errors)
        if let (r, orgID, _, _) = role, !canGrant(req, [AccountRole(r, organizationID: orgID)], municipalityID: muni) {
            errors.add("role", "Вы можете создавать только учётные записи педагогов своей организации.")
        }
        guard errors.isEmpty, let (r, orgID, from, to) = role else {
            let page = try await userForm(req, user: nil, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let code = UserAccounts.oneTimeCode()
        let user = User(username: username, fullName: fullName, passwordHash: try await Passwords.hash(code, app: req.application))
        user.mustChangePassword = true
        try await req.db.transaction { db in
            try await user.create(on: db)
            let a = RoleAssignment(userID: try user.requireID(), role: r.rawValue, municipalityID: muni, organizationID: orgID)
            a.validFrom = from; a.validTo = to
            try await a.create(on: db)
            try await Audit.record(on: db, req: req, action: .create, entityType: "user", entityID: user.id, title: fullName,
                                   municipalityID: muni, organizationID: orgID, before: nil,
                                   after: ["ФИО": fullName, "Имя пользователя": username, "Роль": r.title])
        }
        return req.render(codePage(user, code: code, created: true).render(await req.pageContext(active: active)))
    }

    func canGrant(_ req: Request, _ roles: [AccountRole], municipalityID: UUID) -> Bool {
        req.can(.create, .users(municipalityID: municipalityID)) || req.can(.create, .account(roles: roles, municipalityID: municipalityID))
    }

    func codePage(_ user: User, code: String, created: Bool) -> NoticePage {
        NoticePage(title: created ? "Пользователь создан" : "Пароль сброшен",
                   crumbs: [Crumb("Пользователи", SiteURL.list(area).path), Crumb(user.fullName, SiteURL.record(area, user.id!).path)],
                   lines: ["Передайте пользователю «\(user.username)» одноразовый код для входа. Код показывается только сейчас; при первом входе пользователь задаст свой пароль."],
                   highlight: code, backTitle: "К карточке пользователя", backURL: SiteURL.record(area, user.id!).path)
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
            guard try await RegistrySupport.claimVersion(table: User.schema, id: user.id!, expected: expected, on: db) else { return false }
            user.version = expected + 1
            user.fullName = fullName
            user.searchKey = TextKey.search(user.username, fullName)
            user.sortKey = TextKey.sort(fullName)
            try await user.save(on: db)
            try await Audit.record(on: db, req: req, action: .update, entityType: "user", entityID: user.id, title: fullName,
                                   municipalityID: req.currentUser?.municipalityIDs.first, organizationID: nil, before: before, after: ["ФИО": fullName])
            return true
        }
        guard saved else {
            let current = try await find(req)
            let page = try await userForm(req, user: current, values: FormValues(single: ["fullName": current.fullName]),
                                          conflict: RegistrySupport.conflictMessage)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(area, user.id!).path, flash: "Изменения сохранены.")
    }
}
