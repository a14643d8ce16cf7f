import Domain
import Fluent
import Vapor
import Views

/// Certificates «о прослушивании профильного курса»: a group's candidates and bulk issue, print (one per A4 landscape
/// page), the municipality's list, a certificate's card and annulment, and the public verification by number and code.
struct CertificatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("groups", ":id", "certificates", use: group)
        routes.get("groups", ":id", "certificates", "issue", use: issueConfirm)
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
        let attestedGroup = try await AttestedGroup.load(req, .read)
        let group = attestedGroup.scheduled.group
        let center = attestedGroup.scheduled.center
        try req.authorize(.read, .certificate(center: center.ref))
        guard let municipality = try await Municipality.find(center.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        let list = try await CertificateService.candidates(
            group, minimum: municipality.certificateMinAttendance, on: req.db)
        let ready = list.filter(\.eligible).count
        let card = GroupCertificatesPage(
            groupName: group.name, program: group.program.title, center: center.shortName,
            minimumAttendance: municipality.certificateMinAttendance, ready: ready,
            groupURL: SiteURL.record(.groups, try group.requireID()).path,
            mayIssue: req.can(.create, .certificate(center: center.ref)) && attestedGroup.finished && ready > 0,
            mayPrint: list.contains(where: { $0.certificate != nil }) && Self.showsNames(req, center: center.ref),
            unfinished: attestedGroup.finished ? nil : AttestationRules.unfinishedMessage(attestedGroup.lastDay),
            rows: try list.map { certificate in
                GroupCertificatesPage.Row(
                    name: certificate.student.shownName(at: center.ref, req: req),
                    percent: certificate.attendance.percent,
                    passed: certificate.result?.passed,
                    certificate: try certificate.certificate.map {
                        .issued(number: $0.number, url: SiteURL.certificate(try $0.requireID()).path)
                    } ?? (certificate.eligible ? .ready : .notReady(reason: certificate.reason)))
            }
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    /// Whether the reader sees whose certificates a centre's are: the methodologist reads the network's certificates
    /// without the children's names, as the journal shows them (`RegisterController.name`), and prints none.
    static func showsNames(_ req: Request, center: OrgRef) -> Bool {
        req.can(.read, .groupStudent(school: center, center: center))
    }

    func printGroup(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .read)
        try req.authorize(.read, .certificate(center: attestedGroup.scheduled.center.ref))
        guard Self.showsNames(req, center: attestedGroup.scheduled.center.ref) else { throw AppError.forbidden }
        let certs = try await Certificate.query(on: req.db).filter(
            try \.$group.$id == attestedGroup.scheduled.group.requireID()
        )
        .filter(
            \.$status == Certificate.Status.valid.rawValue
        )
        .sort(\.$sequence).all()
        let authority = try await Certificate.authority(attestedGroup.scheduled.center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.groupTitle(attestedGroup.scheduled.group.name),
            items: try await Certificate.printItems(
                certs, authority: authority, zone: attestedGroup.scheduled.zone, on: req.db),
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// A certificate with its centre, checked against the policy.
    func find(_ req: Request, _ action: Domain.Action) async throws -> (Certificate, StudyGroup, Organization) {
        guard let certificate = try await Certificate.find(try req.idParameter(), on: req.db),
            let group = try await StudyGroup.find(certificate.$group.id, on: req.db),
            let center = try await Organization.find(group.$organization.id, on: req.db)
        else { throw AppError.notFound(CertificatesWords.notFound) }
        try req.authorize(action, .certificate(center: center.ref))
        return (certificate, group, center)
    }

    func show(req: Request) async throws -> Response {
        let (certificate, group, center) = try await find(req, .read)
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let names = Self.showsNames(req, center: center.ref)
        let number =
            names
            ? nil : try await Self.registryNumbers(of: [certificate.$student.id], on: req.db)[certificate.$student.id]
        let card = CertificateCardPage(
            number: certificate.number, code: certificate.verificationCode,
            student: names ? certificate.studentName : StudentLabel.masked(number),
            course: certificate.programTitle, hours: certificate.hours, center: certificate.centerName,
            period: CivilDay(number: certificate.firstDay).formatted + " — "
                + CivilDay(number: certificate.lastDay).formatted,
            issued: RuDate.format(certificate.issuedAt, timeZone: zone), issuedBy: certificate.issuedBy,
            valid: certificate.isValid,
            annulReason: certificate.annulReason, url: SiteURL.certificate(try certificate.requireID()).path,
            groupURL: SiteURL.record(.groups, try group.requireID()).path, mayPrint: names,
            mayAnnul: certificate.isValid && req.can(.archive, .certificate(center: center.ref))
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func printOne(req: Request) async throws -> Response {
        let (certificate, _, center) = try await find(req, .read)
        guard Self.showsNames(req, center: center.ref) else { throw AppError.forbidden }
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.printTitle(certificate.number),
            items: try await Certificate.printItems(
                [certificate], authority: try await Certificate.authority(center.$municipality.id, on: req.db),
                zone: zone, on: req.db),
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func annulPage(_ certificate: Certificate, values: FormValues, errors: FieldErrors = FieldErrors()) throws
        -> RegistryForm
    {
        CertificateAnnulPage(
            number: certificate.number, student: certificate.studentName,
            url: SiteURL.certificate(try certificate.requireID()).path, values: values,
            errors: errors
        ).form
    }

    func annulForm(req: Request) async throws -> Response {
        let (certificate, _, _) = try await find(req, .archive)
        return req.render(
            try annulPage(certificate, values: FormValues()).render(await req.pageContext(active: active)))
    }

    func annul(req: Request) async throws -> Response {
        let (certificate, _, _) = try await find(req, .archive)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 500)
        guard errors.isEmpty else {
            return req.render(
                try annulPage(certificate, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        try await CertificateService.annul(try certificate.requireID(), reason: reason, req: req)
        return req.redirect(
            to: SiteURL.certificate(try certificate.requireID()).path,
            flash: CertificatesWords.Flash.annulled(certificate.number))
    }
}
