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
        let r = try await AttestedGroup.load(req, .read)
        let g = r.scheduled.group
        let center = r.scheduled.center
        try req.authorize(.read, .certificate(center: center.ref))
        guard let municipality = try await Municipality.find(center.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        let list = try await CertificateService.candidates(
            g, minimum: municipality.certificateMinAttendance, on: req.db)
        let ready = list.filter(\.eligible).count
        let card = GroupCertificatesPage(
            groupName: g.name, program: g.program.title, center: center.shortName,
            minimumAttendance: municipality.certificateMinAttendance, ready: ready,
            groupURL: SiteURL.record(.groups, try g.requireID()).path,
            mayIssue: req.can(.create, .certificate(center: center.ref)) && r.finished && ready > 0,
            mayPrint: list.contains(where: { $0.certificate != nil }) && Self.showsNames(req, center: center.ref),
            unfinished: r.finished ? nil : AttestationRules.unfinishedMessage(r.lastDay),
            rows: try list.map { c in
                GroupCertificatesPage.Row(
                    name: c.student.shownName(at: center.ref, req: req), percent: c.attendance.percent,
                    passed: c.result?.passed,
                    certificate: try c.certificate.map {
                        .issued(number: $0.number, url: SiteURL.certificate(try $0.requireID()).path)
                    } ?? (c.eligible ? .ready : .notReady(reason: c.reason)))
            }
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func issue(req: Request) async throws -> Response {
        let r = try await AttestedGroup.load(req, .read)
        try req.authorize(.create, .certificate(center: r.scheduled.center.ref))
        let issued = try await CertificateService.issue(group: try r.scheduled.group.requireID(), req: req)
        let base = SiteURL.record(.groups, try r.scheduled.group.requireID()).path + "/certificates"
        guard !issued.isEmpty else {
            return req.redirect(to: base, flash: CertificatesWords.Flash.nobody)
        }
        return req.redirect(to: base, flash: CertificatesWords.Flash.issued(issued.map(\.number)))
    }

    /// Whether the reader sees whose certificates a centre's are: the methodologist reads the network's certificates
    /// without the children's names, as the journal shows them (`RegisterController.name`), and prints none.
    static func showsNames(_ req: Request, center: OrgRef) -> Bool {
        req.can(.read, .groupStudent(school: center, center: center))
    }

    func printGroup(req: Request) async throws -> Response {
        let r = try await AttestedGroup.load(req, .read)
        try req.authorize(.read, .certificate(center: r.scheduled.center.ref))
        guard Self.showsNames(req, center: r.scheduled.center.ref) else { throw AppError.forbidden }
        let certs = try await Certificate.query(on: req.db).filter(try \.$group.$id == r.scheduled.group.requireID())
            .filter(
                \.$status == Certificate.Status.valid.rawValue
            )
            .sort(\.$sequence).all()
        let authority = try await Certificate.authority(r.scheduled.center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.groupTitle(r.scheduled.group.name),
            items: certs.map { $0.printItem(authority: authority, zone: r.scheduled.zone) },
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// A certificate with its centre, checked against the policy.
    func find(_ req: Request, _ action: Domain.Action) async throws -> (Certificate, StudyGroup, Organization) {
        guard let c = try await Certificate.find(try req.idParameter(), on: req.db),
            let g = try await StudyGroup.find(c.$group.id, on: req.db),
            let center = try await Organization.find(g.$organization.id, on: req.db)
        else { throw AppError.notFound(CertificatesWords.notFound) }
        try req.authorize(action, .certificate(center: center.ref))
        return (c, g, center)
    }

    func show(req: Request) async throws -> Response {
        let (c, g, center) = try await find(req, .read)
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let names = Self.showsNames(req, center: center.ref)
        let number = names ? nil : try await Self.registryNumbers(of: [c.$student.id], on: req.db)[c.$student.id]
        let card = CertificateCardPage(
            number: c.number, code: c.verificationCode, student: names ? c.studentName : StudentLabel.masked(number),
            course: c.programTitle, hours: c.hours, center: c.centerName,
            period: CivilDay(number: c.firstDay).formatted + " — " + CivilDay(number: c.lastDay).formatted,
            issued: RuDate.format(c.issuedAt, timeZone: zone), issuedBy: c.issuedBy, valid: c.isValid,
            annulReason: c.annulReason, url: SiteURL.certificate(try c.requireID()).path,
            groupURL: SiteURL.record(.groups, try g.requireID()).path, mayPrint: names,
            mayAnnul: c.isValid && req.can(.archive, .certificate(center: center.ref))
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func printOne(req: Request) async throws -> Response {
        let (c, _, center) = try await find(req, .read)
        guard Self.showsNames(req, center: center.ref) else { throw AppError.forbidden }
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.printTitle(c.number),
            items: [
                c.printItem(authority: try await Certificate.authority(center.$municipality.id, on: req.db), zone: zone)
            ],
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func annulPage(_ c: Certificate, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        CertificateAnnulPage(
            number: c.number, student: c.studentName, url: SiteURL.certificate(try c.requireID()).path, values: values,
            errors: errors
        ).form
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
            to: SiteURL.certificate(try c.requireID()).path, flash: CertificatesWords.Flash.annulled(c.number))
    }
}
