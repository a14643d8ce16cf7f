import Vapor
import Fluent
import Domain
import Views
import SQLKit

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
        guard let s = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first() else { throw AppError.notFound() }
        guard req.can(.read, .student(school: s.school.ref)) else { throw AppError.notFound() }
        try req.authorize(.update, .student(school: s.school.ref))
        return s
    }

    func guardian(_ req: Request, of s: Student) async throws -> Guardian {
        guard let gid = req.parameters.get("guardian").flatMap(UUID.init(uuidString:)),
              let g = try await Guardian.find(gid, on: req.db), g.$student.id == s.id, g.status == RecordStatus.active.rawValue else { throw AppError.notFound() }
        return g
    }

    static let fields = [
        FieldSpec("fullName", "ФИО", required: true), FieldSpec("relation", "Кем приходится", hint: "мать, отец, опекун, попечитель…"),
        FieldSpec("phone", "Телефон", .text("tel")), FieldSpec("email", "Электронная почта", .text("email")),
    ]

    func formPage(_ s: Student, values: FormValues, errors: FieldErrors = FieldErrors()) -> RegistryForm {
        let card = SiteURL.record(.students, s.id!).path
        return RegistryForm(title: "Новый законный представитель", crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(s.fullName, card)],
                            action: card + "/guardians/new", cancelURL: card, fields: Self.fields, values: values, errors: errors,
                            intro: "Родитель или другой законный представитель обучающегося «\(s.fullName)». После сохранения можно выдать ему код приглашения.")
    }

    func newForm(req: Request) async throws -> Response {
        let s = try await student(req)
        return req.render(formPage(s, values: FormValues()).render(await req.pageContext(active: .registry(.students))))
    }

    func create(req: Request) async throws -> Response {
        let s = try await student(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let name = errors.required("fullName", form["fullName"], max: 200)
        let relation = errors.optional("relation", form["relation"], max: 50)
        let phone = errors.phone("phone", form["phone"])
        let email = errors.email("email", form["email"])
        if !name.isEmpty, try await Guardian.query(on: req.db).filter(\.$student.$id == s.id!).filter(\.$status == RecordStatus.active.rawValue).all()
            .contains(where: { TextKey.normalize($0.fullName) == TextKey.normalize(name) }) {
            errors.add("fullName", "Этот представитель у обучающегося уже есть.")
        }
        guard errors.isEmpty else {
            return req.render(formPage(s, values: form, errors: errors).render(await req.pageContext(active: .registry(.students))), status: .unprocessableEntity)
        }
        let g = Guardian()
        g.$municipality.id = s.$municipality.id; g.$student.id = s.id!; g.fullName = name; g.relation = relation; g.phone = phone; g.email = email
        g.status = RecordStatus.active.rawValue; g.version = 1; g.createdAt = Date()
        try await req.db.transaction { db in
            try await g.create(on: db)
            try await Audit.record(on: db, req: req, action: .create, entityType: "guardian", entityID: s.id, title: "\(name) — представитель: \(s.fullName)",
                                   municipalityID: s.$municipality.id, organizationID: s.$school.id,
                                   after: ["Законный представитель": name, "Кем приходится": relation ?? "", "Телефон": phone ?? "", "Эл. почта": email ?? ""])
        }
        return req.redirect(to: SiteURL.record(.students, s.id!).path, flash: "Законный представитель добавлен. Выдайте ему код приглашения.")
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
            try await Audit.record(on: db, req: req, action: .invite, entityType: "guardian", entityID: s.id, title: "\(g.fullName) — представитель: \(s.fullName)",
                                   municipalityID: s.$municipality.id, organizationID: s.$school.id,
                                   after: ["Код приглашения": "выдан, действует до \(RuDate.format(expires, timeZone: zone))"])
        }
        let page = NoticePage(
            title: "Код приглашения", crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(s.fullName, SiteURL.record(.students, s.id!).path)],
            lines: ["Для: \(g.fullName)\(g.relation.map { " (\($0))" } ?? ""), законного представителя обучающегося \(s.fullName), \(s.school.shortName).",
                    "Откройте страницу «Сетки» \(SiteURL.invite.path), введите код, придумайте имя пользователя и пароль. После этого вы увидите курсы ребёнка, его заявки и согласие на обработку данных.",
                    "Код одноразовый и действует до \(RuDate.format(expires, timeZone: zone)) включительно. Выданный ранее код больше не действует. Распечатайте эту страницу и передайте лично."],
            highlight: code, backTitle: "К обучающемуся", backURL: SiteURL.record(.students, s.id!).path)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func removeConfirm(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        let card = SiteURL.record(.students, s.id!).path
        let page = ConfirmPage(title: "Убрать законного представителя", question: "Убрать «\(g.fullName)» из представителей обучающегося «\(s.fullName)»?",
                               consequence: g.$user.id != nil ? "Его учётная запись потеряет доступ к данным ребёнка." : "Выданный ему код приглашения перестанет действовать.",
                               action: card + "/guardians/\(g.id!.uuidString.lowercased())/remove", button: "Убрать", cancelURL: card,
                               crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(s.fullName, card), Crumb("Убрать представителя")])
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func remove(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        g.status = RecordStatus.archived.rawValue; g.inviteHash = nil; g.inviteExpiresAt = nil; g.version += 1
        try await req.db.transaction { db in
            try await g.save(on: db)
            try await Audit.record(on: db, req: req, action: .archive, entityType: "guardian", entityID: s.id, title: "\(g.fullName) — представитель: \(s.fullName)",
                                   municipalityID: s.$municipality.id, organizationID: s.$school.id, before: ["Законный представитель": g.fullName], after: [:])
        }
        return req.redirect(to: SiteURL.record(.students, s.id!).path, flash: "Законный представитель убран.")
    }

    static func hash(_ code: String) -> String {
        Secrets.sha256(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The guardians section of a student's card, for the school and the КМЦ.
    static func section(_ s: Student, req: Request, zone: TimeZone) async throws -> RegistryCard.Section {
        let rows = try await Guardian.query(on: req.db).filter(\.$student.$id == s.id!).filter(\.$status == RecordStatus.active.rawValue)
            .sort(\.$createdAt).all()
        let canEdit = req.can(.update, .student(school: OrgRef(id: s.$school.id, municipalityID: s.$municipality.id)))
        let card = SiteURL.record(.students, s.id!).path
        return RegistryCard.Section(
            title: "Законные представители", columns: ["ФИО", "Кем приходится", "Телефон", "Эл. почта", "Доступ в «Сетку»", ""],
            rows: rows.map { g in
                let access: Cell = g.$user.id != nil ? .tag("вход выполнен", "signed")
                    : g.inviteExpiresAt.map { $0 > Date() ? .text("код выдан, до \(RuDate.format($0, timeZone: zone))") : .tag("код истёк", "expired") } ?? .text("нет")
                let base = card + "/guardians/\(g.id!.uuidString.lowercased())"
                return [.text(g.fullName), .text(g.relation ?? ""), .text(g.phone ?? ""), .text(g.email ?? ""), access,
                        canEdit ? .post(g.$user.id == nil ? "Выдать код приглашения" : "Выдать новый код", base + "/invite", csrf: req.csrfToken) : .text(""),
                        ] + (canEdit ? [.link("Убрать…", base + "/remove")] : [])
            }, emptyText: "Законные представители не указаны.")
    }

    // MARK: the guardian's side

    func inviteForm(req: Request) async throws -> Response {
        req.render(invitePage(req, values: FormValues()).render(await req.pageContext(active: req.currentUser == nil ? nil : .children)))
    }

    func invitePage(_ req: Request, values: FormValues, errors: FieldErrors = FieldErrors(), problem: String? = nil) -> RegistryForm {
        let signedIn = req.currentUser != nil
        var fields = [FieldSpec("code", "Код приглашения", required: true, hint: "Код из листка, который выдала школа, например 7Q2M-9XKD-4TRA.")]
        if !signedIn {
            fields += [FieldSpec("username", "Имя пользователя", required: true, hint: "Латинские буквы, цифры, точка, дефис; от 3 знаков."),
                       FieldSpec("password", "Пароль", .text("password"), required: true, hint: PasswordRules.hint),
                       FieldSpec("confirm", "Пароль ещё раз", .text("password"), required: true)]
        }
        return RegistryForm(title: "Вход по коду приглашения", crumbs: [], action: SiteURL.invite.path, cancelURL: signedIn ? SiteURL.children.path : SiteURL.login.path,
                            fields: fields, values: values, errors: errors, conflict: problem,
                            intro: signedIn ? "Код привяжет ещё одного ребёнка к вашей учётной записи." : "Школа выдаёт код родителю (законному представителю). По коду вы создадите учётную запись и увидите данные ребёнка.")
    }

    func redeem(req: Request) async throws -> Response {
        let form = RegistrySupport.form(req)
        let active: MenuArea? = req.currentUser == nil ? nil : .children
        var errors = FieldErrors()
        var shown = form
        shown["password"] = nil; shown["confirm"] = nil
        let code = errors.required("code", form["code"], max: 40)
        // Guessing codes is throttled like passwords: ten wrong codes from one address in 15 minutes block it.
        let key = "invite:" + (req.remoteAddress?.ipAddress ?? "?")
        let now = Date()
        let failures = try await LoginFailure.query(on: req.db).filter(\.$usernameKey == key).filter(\.$at >= now.addingTimeInterval(-Login.throttle.window)).all().map(\.at)
        if let until = Login.throttle.blockedUntil(failures: failures, now: now) {
            return req.render(invitePage(req, values: shown, problem: Login.blockedMessage(until)).render(await req.pageContext(active: active)), status: .tooManyRequests)
        }
        var username = "", password = ""
        if req.currentUser == nil {
            username = errors.required("username", form["username"], max: 60)
            if !username.isEmpty && !UserAccounts.isValidUsername(username) { errors.add("username", "Латинские буквы, цифры, точка, дефис и подчёркивание; от 3 до 60 знаков.") }
            else if !username.isEmpty, try await User.query(on: req.db).filter(\.$username == username).first() != nil { errors.add("username", "Это имя уже занято, выберите другое.") }
            password = form["password"] ?? ""
            let pw = PasswordRules.check(password)
            for (k, v) in pw.messages { errors.add(k, v) }
            if password != (form["confirm"] ?? "") { errors.add("confirm", "Пароли не совпадают.") }
        }
        guard errors.isEmpty else {
            return req.render(invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        guard let g = try await Guardian.query(on: req.db).filter(\.$inviteHash == Self.hash(code)).filter(\.$status == RecordStatus.active.rawValue)
                .with(\.$student).first(), let expires = g.inviteExpiresAt, expires > now else {
            try await LoginFailure(usernameKey: key, at: now).create(on: req.db)
            errors.add("code", "Код не подходит: проверьте его или попросите в школе новый.")
            return req.render(invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let s = g.student
        if let current = req.currentUser, try await Guardian.query(on: req.db).filter(\.$student.$id == s.id!).filter(\.$user.$id == current.userID).first() != nil {
            errors.add("code", "Этот ребёнок уже привязан к вашей учётной записи.")
            return req.render(invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)), status: .conflict)
        }
        let hash = req.currentUser == nil ? try await Passwords.hash(password, app: req.application) : ""
        let current = req.currentUser
        let newUsername = username
        let userID: UUID = try await req.application.writeTransaction { db in
            // The code is spent by the first request that clears it.
            let spent = try await db.sql().update(Guardian.schema).set("invite_hash", to: Optional<String>.none).set("invite_expires_at", to: Optional<Date>.none)
                .where("id", .equal, g.id!).where("invite_hash", .equal, Self.hash(code)).returning("id").all()
            guard !spent.isEmpty else { throw AppError.conflict("Этот код уже использован.") }
            let user: User
            if let current, let u = try await User.find(current.userID, on: db) { user = u } else {
                user = User(username: newUsername, fullName: g.fullName, passwordHash: hash)
                try await user.create(on: db)
            }
            let has = try await RoleAssignment.query(on: db).filter(\.$user.$id == user.id!).filter(\.$role == Role.guardian.rawValue)
                .filter(\.$organization.$id == s.$school.id).first()
            if has == nil { try await RoleAssignment(userID: user.id!, role: Role.guardian.rawValue, municipalityID: s.$municipality.id, organizationID: s.$school.id).create(on: db) }
            g.$user.id = user.id; g.inviteHash = nil; g.inviteExpiresAt = nil; g.version += 1
            try await g.save(on: db)
            try await Audit.record(on: db, req: req, userID: user.id, username: user.username, action: .link, entityType: "guardian", entityID: s.id,
                                   title: "\(g.fullName) — представитель: \(s.fullName)", municipalityID: s.$municipality.id, organizationID: s.$school.id,
                                   after: ["Учётная запись": user.username])
            return user.id!
        }
        if current == nil, let user = try await User.find(userID, on: req.db) {
            let res = req.redirect(to: SiteURL.children.path, flash: "Учётная запись создана, ребёнок привязан: \(s.fullName).")
            try await Login.startSession(for: user, req: req, response: res)
            return res
        }
        return req.redirect(to: SiteURL.children.path, flash: "Ребёнок привязан: \(s.fullName).")
    }

    func children(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.actor.has(.guardian, at: Date()) else { throw AppError.forbidden }
        let zone = try await AuditController.zone(user.municipalityIDs.first, on: req.db)
        let ids = Array(user.actor.students)
        let students = ids.isEmpty ? [] : try await Student.query(on: req.db).filter(\.$id ~~ ids).with(\.$school).sort(\.$sortKey).all()
        var kids: [ChildrenPage.Child] = []
        for s in students where req.can(.read, .person(studentID: s.id!, school: s.school.ref)) {
            kids.append(.init(name: s.fullName, facts: [("Школа", s.school.shortName), ("Класс", "\(s.grade)\(s.letter ?? "")")],
                              courses: try await ProfileController.courses(of: s, title: "Сетевые курсы", req: req),
                              consent: Self.consentText(s, zone: zone), consentWithdrawn: s.consentWithdrawnAt != nil,
                              actions: s.hasConsent && req.can(.update, .person(studentID: s.id!, school: s.school.ref))
                                ? [("Отозвать согласие на обработку данных…", "/children/\(s.id!.uuidString.lowercased())/consent")] : []))
        }
        return req.render(ChildrenPage(children: kids).render(await req.pageContext(active: .children)))
    }

    static func consentText(_ s: Student, zone: TimeZone) -> String {
        if let w = s.consentWithdrawnAt { return "отозвано \(RuDate.format(w, timeZone: zone))" + (s.consentWithdrawnBy.map { " (\($0))" } ?? "") }
        if let on = s.consentOn { return "дано \(RuDate.format(on, timeZone: zone))" + (s.consentBy.map { ", \($0)" } ?? "") }
        return "не получено"
    }

    func child(_ req: Request) async throws -> Student {
        let id = try req.idParameter()
        guard let s = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first(),
              req.can(.read, .person(studentID: id, school: s.school.ref)) else { throw AppError.notFound() }
        try req.authorize(.update, .person(studentID: id, school: s.school.ref))
        return s
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        let s = try await child(req)
        guard s.hasConsent else { return req.redirect(to: SiteURL.children.path, flash: "Согласие уже отозвано или не давалось.") }
        let page = ConfirmPage(title: "Отозвать согласие", question: "Отозвать согласие на обработку персональных данных ребёнка «\(s.fullName)»?",
                               consequence: "Школа и КМЦ увидят это сразу. Новых записей в группы и заявок не будет, пока школа не получит от вас новое согласие; уже начатые курсы школа обсудит с вами.",
                               action: "/children/\(s.id!.uuidString.lowercased())/consent", button: "Отозвать согласие", cancelURL: SiteURL.children.path,
                               crumbs: [Crumb("Мои дети", SiteURL.children.path), Crumb("Отозвать согласие")])
        return req.render(page.render(await req.pageContext(active: .children)))
    }

    func withdraw(req: Request) async throws -> Response {
        let s = try await child(req)
        let user = try req.requireUser()
        guard s.hasConsent else { return req.redirect(to: SiteURL.children.path, flash: "Согласие уже отозвано или не давалось.") }
        let who = try await Guardian.query(on: req.db).filter(\.$student.$id == s.id!).filter(\.$user.$id == user.userID).first()?.fullName ?? user.fullName
        let now = Date()
        let zone = try await RegistrySupport.zone(req)
        try await req.application.writeTransaction { db in
            let done = try await db.sql().update(Student.schema).set("consent_withdrawn_at", to: now).set("consent_withdrawn_by", to: who)
                .set("version", to: s.version + 1).where("id", .equal, s.id!).where("consent_withdrawn_at", .is, SQLLiteral.null).returning("id").all()
            guard !done.isEmpty else { return }
            try await Audit.record(on: db, req: req, action: .consentWithdraw, entityType: "student", entityID: s.id, title: s.fullName,
                                   municipalityID: s.$municipality.id, organizationID: s.$school.id,
                                   before: ["Согласие на обработку персональных данных": "дано"],
                                   after: ["Согласие на обработку персональных данных": "отозвано \(RuDate.format(now, timeZone: zone)), \(who)"])
        }
        return req.redirect(to: SiteURL.children.path, flash: "Согласие отозвано. Школа и КМЦ уже видят это.")
    }
}
