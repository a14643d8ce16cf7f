import Domain
import Fluent
import Vapor
import Views

/// Certificates «о прослушивании профильного курса»: a group's candidates and bulk issue, print (one per A4 landscape
/// page), the municipality's list, a certificate's card and annulment, and the public verification by number and code.
struct CertificatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("groups", ":id", "certificates", use: group)
        routes.post("groups", ":id", "certificates", use: issue)
        routes.get("groups", ":id", "certificates", "print", use: printGroup)
        routes.get("certificates", use: index)
        routes.get("certificates", ":id", use: show)
        routes.get("certificates", ":id", "print", use: printOne)
        routes.get("certificates", ":id", "annul", use: annulForm)
        routes.post("certificates", ":id", "annul", use: annul)
        routes.get("verify", use: verify)
    }

    var active: MenuArea { .certificates }

    func group(req: Request) async throws -> Response {
        let r = try await ResultsController.load(req, .read)
        let g = r.t.group
        let center = r.t.center
        try req.authorize(.read, .certificate(center: center.ref))
        guard let municipality = try await Municipality.find(center.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        let list = try await CertificateService.candidates(
            g, minimum: municipality.certificateMinAttendance, on: req.db)
        let ready = list.filter(\.eligible).count
        let base = SiteURL.record(.groups, try g.requireID()).path
        var actions: [RegistryCard.Action] = []
        if req.can(.create, .certificate(center: center.ref)) && r.finished && ready > 0 {
            actions.append(.post("Выдать сертификаты (\(ready))", base + "/certificates"))
        }
        actions.append(.link("Итоговая аттестация", base + "/results", primary: false))
        if list.contains(where: { $0.certificate != nil }), Self.showsNames(req, center: center.ref) {
            actions.append(.link("Печать сертификатов", base + "/certificates/print", primary: false))
        }
        let rows: [[Cell]] = try list.map { c in
            [
                .text(c.student.shownName(at: center.ref, req: req)), .text("\(c.attendance.percent) %"),
                .text(c.result.map { $0.passed ? "зачтено" : "не зачтено" } ?? "—"),
                try c.certificate.map { .link($0.number, SiteURL.certificate(try $0.requireID()).path) }
                    ?? (c.eligible ? .tag("будет выдан", "active") : .text(c.reason ?? "")),
            ]
        }
        let card = RegistryCard(
            title: "Сертификаты группы «\(g.name)»", area: .groups, status: nil,
            facts: [
                ("Программа", g.program.title), ("Ресурсный центр", center.shortName),
                (
                    "Условие",
                    "итоговая аттестация пройдена и посещено не меньше \(municipality.certificateMinAttendance) % проведённых "
                        + "часов"
                ),
                ("Готовы к выдаче", String(ready)),
            ],
            actions: actions, warnings: r.finished ? [] : [AttestationRules.unfinishedMessage(r.lastDay)],
            sections: [
                RegistryCard.Section(
                    title: "Обучающиеся", columns: ["Обучающийся", "Посещаемость", "Аттестация", "Сертификат"],
                    rows: rows,
                    emptyText: "В группе нет обучающихся.")
            ], history: nil)
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func issue(req: Request) async throws -> Response {
        let r = try await ResultsController.load(req, .read)
        try req.authorize(.create, .certificate(center: r.t.center.ref))
        let issued = try await CertificateService.issue(group: try r.t.group.requireID(), req: req)
        let base = SiteURL.record(.groups, try r.t.group.requireID()).path + "/certificates"
        guard !issued.isEmpty else {
            return req.redirect(to: base, flash: "Выдавать некому: у всех, кто подходит, сертификаты уже есть.")
        }
        return req.redirect(
            to: base,
            flash: "Выдано " + RussianPlural.count(issued.count, "сертификат", "сертификата", "сертификатов")
                + ": " + issued.map(\.number).joined(separator: ", ") + ".")
    }

    /// Whether the reader sees whose certificates a centre's are: the methodologist reads the network's certificates
    /// without the children's names, as the journal shows them (`RegisterController.name`), and prints none.
    static func showsNames(_ req: Request, center: OrgRef) -> Bool {
        req.can(.read, .groupStudent(school: center, center: center))
    }

    static func item(_ c: Certificate, authority: String, zone: TimeZone) -> CertificatePrintPage.Item {
        CertificatePrintPage.Item(
            number: c.number, code: c.verificationCode, name: c.studentName, program: c.programTitle, hours: c.hours,
            center: c.centerName,
            period: CivilDay(number: c.firstDay).formatted + " — " + CivilDay(number: c.lastDay).formatted,
            issued: RuDate.format(c.issuedAt, timeZone: zone), authority: authority, annulled: !c.isValid)
    }

    static func authority(_ municipalityID: UUID, on db: any Database) async throws -> String {
        try await Organization.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$kind == OrganizationKind.authority.rawValue
        )
        .first()?.fullName ?? ""
    }

    func printGroup(req: Request) async throws -> Response {
        let r = try await ResultsController.load(req, .read)
        try req.authorize(.read, .certificate(center: r.t.center.ref))
        guard Self.showsNames(req, center: r.t.center.ref) else { throw AppError.forbidden }
        let certs = try await Certificate.query(on: req.db).filter(try \.$group.$id == r.t.group.requireID()).filter(
            \.$status == Certificate.Status.valid.rawValue
        )
        .sort(\.$sequence).all()
        let authority = try await Self.authority(r.t.center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: "Сертификаты группы «\(r.t.group.name)»",
            items: certs.map { Self.item($0, authority: authority, zone: r.t.zone) },
            verifyHint: Self.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    static func verifyURL(_ req: Request) -> String {
        req.absoluteURL(SiteURL.verify.path)
    }

    /// A certificate with its centre, checked against the policy.
    func find(_ req: Request, _ action: Domain.Action) async throws -> (Certificate, StudyGroup, Organization) {
        guard let c = try await Certificate.find(try req.idParameter(), on: req.db),
            let g = try await StudyGroup.find(c.$group.id, on: req.db),
            let center = try await Organization.find(g.$organization.id, on: req.db)
        else { throw AppError.notFound("Сертификат не найден.") }
        try req.authorize(action, .certificate(center: center.ref))
        return (c, g, center)
    }

    func show(req: Request) async throws -> Response {
        let (c, g, center) = try await find(req, .read)
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let names = Self.showsNames(req, center: center.ref)
        let number = names ? nil : try await Self.registryNumbers(of: [c.$student.id], on: req.db)[c.$student.id]
        var actions: [RegistryCard.Action] = [
            .link(
                "Сертификаты группы", SiteURL.record(.groups, try g.requireID()).path + "/certificates", primary: false)
        ]
        if names {
            actions.insert(
                .link("Печать", SiteURL.certificate(try c.requireID()).path + "/print", primary: false), at: 0)
        }
        if c.isValid && req.can(.archive, .certificate(center: center.ref)) {
            actions.insert(
                .link("Аннулировать", SiteURL.certificate(try c.requireID()).path + "/annul", primary: false), at: 0)
        }
        let card = RegistryCard(
            title: "Сертификат № \(c.number)", area: .certificates, status: nil,
            facts: [
                ("Номер", c.number), ("Код проверки", c.verificationCode),
                ("Обучающийся", names ? c.studentName : StudentLabel.masked(number)),
                ("Курс", c.programTitle),
                ("Объём", RussianPlural.count(c.hours, "час", "часа", "часов")), ("Ресурсный центр", c.centerName),
                ("Сроки", CivilDay(number: c.firstDay).formatted + " — " + CivilDay(number: c.lastDay).formatted),
                ("Выдан", RuDate.format(c.issuedAt, timeZone: zone) + ", " + c.issuedBy),
                (
                    "Состояние",
                    (Certificate.Status(rawValue: c.status) ?? .valid).title + (c.annulReason.map { ": \($0)" } ?? "")
                ),
            ],
            actions: actions,
            warnings: c.isValid
                ? []
                : [
                    "Сертификат аннулирован" + (c.annulReason.map { ": \($0)" } ?? "")
                        + ". Публичная проверка сообщает об этом."
                ],
            history: nil)
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func printOne(req: Request) async throws -> Response {
        let (c, _, center) = try await find(req, .read)
        guard Self.showsNames(req, center: center.ref) else { throw AppError.forbidden }
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: "Сертификат № \(c.number)",
            items: [Self.item(c, authority: try await Self.authority(center.$municipality.id, on: req.db), zone: zone)],
            verifyHint: Self.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func annulPage(_ c: Certificate, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        RegistryForm(
            title: "Аннулировать сертификат",
            crumbs: [
                Crumb("Сертификаты", SiteURL.certificates.path),
                Crumb(c.number, SiteURL.certificate(try c.requireID()).path),
            ],
            action: SiteURL.certificate(try c.requireID()).path + "/annul",
            cancelURL: SiteURL.certificate(try c.requireID()).path,
            fields: [
                FieldSpec(
                    "reason", "Причина", .textarea, required: true, hint: "Её покажет публичная проверка сертификата.")
            ],
            values: values, errors: errors,
            intro:
                "Сертификат № \(c.number) (\(c.studentName)) станет недействительным. После этого обучающемуся можно "
                + "выдать новый сертификат за этот курс.",
            submitTitle: "Аннулировать")
    }

    func annulForm(req: Request) async throws -> Response {
        let (c, _, _) = try await find(req, .archive)
        return req.render(try annulPage(c, values: FormValues()).render(await req.pageContext(active: active)))
    }

    func annul(req: Request) async throws -> Response {
        let (c, _, _) = try await find(req, .archive)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 500)
        guard errors.isEmpty else {
            return req.render(
                try annulPage(c, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        try await CertificateService.annul(try c.requireID(), reason: reason, req: req)
        return req.redirect(
            to: SiteURL.certificate(try c.requireID()).path, flash: "Сертификат № \(c.number) аннулирован.")
    }
}
