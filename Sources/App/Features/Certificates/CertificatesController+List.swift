import Domain
import Fluent
import Vapor
import Views

extension CertificatesController {
    /// Certificates of the municipality the user may read (a centre its own), searched by number or name.
    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .certificate(center: $0)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["number", "issued"], defaultSort: "issued")
        var builder = Certificate.query(on: req.db).join(
            StudyGroup.self, on: \Certificate.$group.$id == \StudyGroup.$id
        )
        .filter(\.$municipality.$id == municipalityID)
        if let visible { builder = builder.filter(StudyGroup.self, \.$organization.$id ~~ Array(visible)) }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(StudyGroup.self, \.$organization.$id == org)
        }
        if let rawStatus = query.filters["status"], let st = Certificate.Status(rawValue: rawStatus) {
            builder = builder.filter(\.$status == st.rawValue)
        }
        // A centre's own certificates name their students; the whole network's only for who sees every group's students
        // (not the methodologist, who finds a certificate by its number).
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        let names = visible != nil || CertificatesController.showsNames(req, center: probe)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty {
            // Numbers are stored upper-case («СК-2026-00042») and matched upper-cased in Swift; names by their folded key.
            let number = TextKey.likeSafe(query.q).uppercased()
            builder =
                names
                ? builder.group(.or) { $0.filter(\.$number ~~ number).filter(\.$searchKey ~~ needle) }
                : builder.filter(\.$number ~~ number)
        }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .ascending : .descending
        builder =
            query.sort == "number"
            ? builder.sort(\.$year, dir).sort(\.$sequence, dir) : builder.sort(\.$issuedAt, dir).sort(\.$sequence, dir)
        let (rows, total) = try await builder.paged(query)
        let numbers = names ? [:] : try await Self.registryNumbers(of: rows.map { $0.$student.id }, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let options = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
            .filter {
                centers.contains(UUID(uuidString: $0.value)!)
                    && (visible?.contains(UUID(uuidString: $0.value)!) ?? true)
            }
        let page = CertificateListPage(
            query: query, searchFilter: CommonFilters.search, centers: options,
            rows: try rows.map { certificate in
                CertificateListPage.Row(
                    number: certificate.number, url: SiteURL.certificate(try certificate.requireID()).path,
                    student: names ? certificate.studentName : StudentLabel.masked(numbers[certificate.$student.id]),
                    course: certificate.programTitle,
                    issued: RuDate.format(certificate.issuedAt, timeZone: zone), valid: certificate.isValid)
            },
            total: total
        ).list
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// The public verification page: a number and its code; an unknown number or a wrong code is a 404 that says
    /// nothing more; attempts from one address are limited.
    func verify(req: Request) async throws -> Response {
        let number = req.query[String.self, at: "number"] ?? ""
        let code = req.query[String.self, at: "code"] ?? ""
        let values = FormValues(single: ["number": number, "code": code])
        guard !number.isEmpty || !code.isEmpty else {
            return req.render(
                VerifyPage(values: values, found: nil, message: nil).render(await req.pageContext(active: nil)))
        }
        guard await req.application.verifyThrottle.allow(VerifyThrottle.key(req)) else {
            return req.render(
                VerifyPage(values: values, found: nil, message: VerifyThrottle.message).render(
                    await req.pageContext(active: nil)), status: .tooManyRequests)
        }
        guard let certificate = try await Certificate.lookup(number: number, code: code, on: req.db) else {
            await req.application.verifyThrottle.failed()
            return req.render(
                VerifyPage(values: values, found: nil, message: CertificatesWords.notVerified).render(
                    await req.pageContext(active: nil)),
                status: .notFound)
        }
        let zone = try await MunicipalClock.zone(certificate.$municipality.id, on: req.db)
        let found = VerifyPage.Found(
            number: certificate.number, initials: certificate.initials, program: certificate.programTitle,
            hours: certificate.hours, center: certificate.centerName,
            period: CivilDay(number: certificate.firstDay).formatted + " — "
                + CivilDay(number: certificate.lastDay).formatted,
            issued: RuDate.format(certificate.issuedAt, timeZone: zone),
            annulled: certificate.isValid ? nil : (certificate.annulReason ?? CertificatesWords.noReason))
        return req.render(
            VerifyPage(values: values, found: found, message: nil).render(await req.pageContext(active: nil)))
    }

    /// The registry numbers of students, for those who read certificates without names (one statement).
    static func registryNumbers(of studentIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !studentIDs.isEmpty else { return [:] }
        let students = try await Student.query(on: db).filter(\.$id ~~ Array(Set(studentIDs)))
            .field(\.$id).field(\.$registryNumber).all()
        var numbers: [UUID: Int] = [:]
        for student in students {
            if let number = student.registryNumber { numbers[try student.requireID()] = number }
        }
        return numbers
    }
}
