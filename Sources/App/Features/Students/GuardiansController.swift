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

    static let fields = [
        FieldSpec("fullName", "ФИО", required: true),
        FieldSpec("relation", "Кем приходится", hint: "мать, отец, опекун, попечитель…"),
        FieldSpec("phone", "Телефон", .text("tel")), FieldSpec("email", "Электронная почта", .text("email")),
    ]

    func formPage(_ s: Student, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        let card = SiteURL.record(.students, try s.requireID()).path
        return RegistryForm(
            title: "Новый законный представитель",
            crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(s.fullName, card)],
            action: card + "/guardians/new", cancelURL: card, fields: Self.fields, values: values, errors: errors,
            intro:
                "Родитель или другой законный представитель обучающегося «\(s.fullName)». После сохранения можно "
                + "выдать ему код приглашения."
        )
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
            errors.add("fullName", "Этот представитель у обучающегося уже есть.")
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
                title: "\(name) — представитель: \(s.fullName)",
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                after: [
                    "Законный представитель": name, "Кем приходится": relation ?? "", "Телефон": phone ?? "",
                    "Эл. почта": email ?? "",
                ])
        }
        return req.redirect(
            to: SiteURL.record(.students, try s.requireID()).path,
            flash: "Законный представитель добавлен. Выдайте ему код приглашения.")
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
                title: "\(g.fullName) — представитель: \(s.fullName)",
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                after: ["Код приглашения": "выдан, действует до \(RuDate.format(expires, timeZone: zone))"])
        }
        let page = NoticePage(
            title: "Код приглашения",
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path),
                Crumb(s.fullName, SiteURL.record(.students, try s.requireID()).path),
            ],
            lines: [
                "Для: \(g.fullName)\(g.relation.map { " (\($0))" } ?? ""), законного представителя обучающегося "
                    + "\(s.fullName), \(s.school.shortName).",
                "Откройте в браузере адрес \(req.absoluteURL(SiteURL.invite.path)), введите код, придумайте имя "
                    + "пользователя и пароль. После этого вы увидите курсы ребёнка, его заявки и согласие на "
                    + "обработку данных.",
                "Код одноразовый и действует до \(RuDate.format(expires, timeZone: zone)) включительно. Выданный ранее "
                    + "код больше не действует. Распечатайте эту страницу и передайте лично.",
            ],
            highlight: code, backTitle: "К обучающемуся", backURL: SiteURL.record(.students, try s.requireID()).path)
        return req.render(page.render(await req.pageContext(active: .registry(.students))))
    }

    func removeConfirm(req: Request) async throws -> Response {
        let s = try await student(req)
        let g = try await guardian(req, of: s)
        let card = SiteURL.record(.students, try s.requireID()).path
        let page = ConfirmPage(
            title: "Убрать законного представителя",
            question: "Убрать «\(g.fullName)» из представителей обучающегося «\(s.fullName)»?",
            consequence: g.$user.id != nil
                ? "Его учётная запись потеряет доступ к данным ребёнка."
                : "Выданный ему код приглашения перестанет действовать.",
            action: card + "/guardians/\(try g.requireID().uuidString.lowercased())/remove", button: "Убрать",
            cancelURL: card,
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb(s.fullName, card),
                Crumb("Убрать представителя"),
            ])
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
                title: "\(g.fullName) — представитель: \(s.fullName)",
                municipalityID: s.$municipality.id, organizationID: s.$school.id,
                before: ["Законный представитель": g.fullName], after: [:])
        }
        return req.redirect(
            to: SiteURL.record(.students, try s.requireID()).path, flash: "Законный представитель убран.")
    }

    static func hash(_ code: String) -> String {
        Secrets.sha256(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The guardians section of a student's card, for the school and the КМЦ.
    static func section(_ s: Student, req: Request, zone: TimeZone) async throws -> RegistryCard.Section {
        let rows = try await Guardian.query(on: req.db).filter(try \.$student.$id == s.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$createdAt).all()
        let canEdit = req.can(.update, .student(school: OrgRef(id: s.$school.id, municipalityID: s.$municipality.id)))
        let card = SiteURL.record(.students, try s.requireID()).path
        return RegistryCard.Section(
            title: "Законные представители",
            columns: ["ФИО", "Кем приходится", "Телефон", "Эл. почта", "Доступ в «Сетку»"] + (canEdit ? ["", ""] : []),
            rows: try rows.map { g in
                let access: Cell =
                    g.$user.id != nil
                    ? .tag("вход выполнен", "signed")
                    : g.inviteExpiresAt.map {
                        $0 > Date()
                            ? .text("код выдан, до \(RuDate.format($0, timeZone: zone))") : .tag("код истёк", "expired")
                    } ?? .text("нет")
                let base = card + "/guardians/\(try g.requireID().uuidString.lowercased())"
                // One header per cell: the two actions have a column each.
                return [.text(g.fullName), .text(g.relation ?? ""), .text(g.phone ?? ""), .text(g.email ?? ""), access]
                    + (canEdit
                        ? [
                            .post(
                                g.$user.id == nil ? "Выдать код приглашения" : "Выдать новый код", base + "/invite",
                                csrf: req.csrfToken),
                            .link("Убрать…", base + "/remove"),
                        ] : [])
            }, emptyText: "Законные представители не указаны.")
    }
}
