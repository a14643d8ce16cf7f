import Vapor
import Fluent
import Domain
import Views

extension CertificatesController {
    /// Certificates of the municipality the user may read (a centre its own), searched by number or name.
    func index(req: Request) async throws -> Response {
        let muni = try RegistrySupport.municipality(req)
        try req.authorize(.read, .certificate(center: try RegistrySupport.creatableOrganization(req) { .certificate(center: $0) }))
        let query = RegistrySupport.listQuery(req, filters: ["status", "organization"], sorts: ["number", "issued"], defaultSort: "issued")
        var b = Certificate.query(on: req.db).join(StudyGroup.self, on: \Certificate.$group.$id == \StudyGroup.$id)
            .filter(\.$municipality.$id == muni)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: muni) { .certificate(center: $0) }
        if let visible { b = b.filter(StudyGroup.self, \.$organization.$id ~~ Array(visible)) }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) { b = b.filter(StudyGroup.self, \.$organization.$id == org) }
        if let s = query.filters["status"], let st = Certificate.Status(rawValue: s) { b = b.filter(\.$status == st.rawValue) }
        let q = query.q.trimmingCharacters(in: .whitespaces)
        if !q.isEmpty { b = b.group(.or) { $0.filter(\.$number ~~ q.uppercased()).filter(\.$studentName ~~ q) } }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .ascending : .descending
        b = query.sort == "number" ? b.sort(\.$year, dir).sort(\.$sequence, dir) : b.sort(\.$issuedAt, dir).sort(\.$sequence, dir)
        let (rows, total) = try await b.paged(query)
        let zone = try await RegistrySupport.zone(req)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [muni], on: req.db)
        let options = try await RegistrySupport.organizationOptions(muni, on: req.db)
            .filter { centers.contains(UUID(uuidString: $0.value)!) && (visible?.contains(UUID(uuidString: $0.value)!) ?? true) }
        let page = RegistryList(
            title: "Сертификаты", area: .groups, query: query,
            filters: [CommonFilters.search, FieldSpec("organization", "Ресурсный центр", .select(options, empty: "Все центры")),
                      FieldSpec("status", "Состояние", .select([("valid", "действителен"), ("annulled", "аннулирован")], empty: "Все"))],
            columns: [Column("Номер", sort: "number"), Column("Обучающийся"), Column("Курс"), Column("Выдан", sort: "issued"), Column("Состояние")],
            rows: rows.map { c in
                [.link(c.number, SiteURL.certificate(c.id!).path), .text(c.studentName), .text(c.programTitle),
                 .text(RuDate.format(c.issuedAt, timeZone: zone)), c.isValid ? .tag("действителен", "active") : .tag("аннулирован", "expired")]
            },
            total: total, noun: ("сертификат", "сертификата", "сертификатов"), createTitle: nil,
            emptyText: "Сертификатов пока нет: их выдают центры по группам после итоговой аттестации.")
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// The public verification page: a number and its code; an unknown number or a wrong code is a 404 that says
    /// nothing more; attempts from one address are limited.
    func verify(req: Request) async throws -> Response {
        let number = req.query[String.self, at: "number"] ?? "", code = req.query[String.self, at: "code"] ?? ""
        let values = FormValues(single: ["number": number, "code": code])
        guard !number.isEmpty || !code.isEmpty else {
            return req.render(VerifyPage(values: values, found: nil, message: nil).render(await req.pageContext(active: nil)))
        }
        guard await req.application.verifyThrottle.allow(req.remoteAddress?.ipAddress ?? "?") else {
            return req.render(VerifyPage(values: values, found: nil, message: VerifyThrottle.message).render(await req.pageContext(active: nil)), status: .tooManyRequests)
        }
        guard let c = try await Self.lookup(number: number, code: code, on: req.db) else {
            return req.render(VerifyPage(values: values, found: nil, message: "Сертификат с таким номером и кодом не найден.").render(await req.pageContext(active: nil)),
                              status: .notFound)
        }
        let zone = try await AuditController.zone(c.$municipality.id, on: req.db)
        let found = VerifyPage.Found(number: c.number, initials: c.initials, program: c.programTitle, hours: c.hours, center: c.centerName,
                                     period: CivilDay(number: c.firstDay).formatted + " — " + CivilDay(number: c.lastDay).formatted,
                                     issued: RuDate.format(c.issuedAt, timeZone: zone), annulled: c.isValid ? nil : (c.annulReason ?? "без указания причины"))
        return req.render(VerifyPage(values: values, found: found, message: nil).render(await req.pageContext(active: nil)))
    }

    /// The certificate of a number, if the code matches it.
    static func lookup(number: String, code: String, on db: any Database) async throws -> Certificate? {
        guard let p = CertificateNumber.parse(number),
              let c = try await Certificate.query(on: db).filter(\.$number == CertificateNumber.format(series: p.series, year: p.year, sequence: p.sequence)).first(),
              c.verificationCode == VerificationCode.normalize(code) else { return nil }
        return c
    }
}

/// Limits verification attempts per address (per process): 30 a minute, so codes cannot be guessed by brute force.
actor VerifyThrottle {
    static let message = "Слишком много проверок подряд. Повторите через минуту."
    private var hits: [String: [Date]] = [:]
    let limit: Int
    init(limit: Int = 30) { self.limit = limit }

    func allow(_ key: String, now: Date = Date()) -> Bool {
        let recent = (hits[key] ?? []).filter { now.timeIntervalSince($0) < 60 }
        if hits.count > 10_000 { hits = hits.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < 60 } }
        guard recent.count < limit else { hits[key] = recent; return false }
        hits[key] = recent + [now]
        return true
    }
}

struct VerifyThrottleKey: StorageKey { typealias Value = VerifyThrottle }

extension Application {
    var verifyThrottle: VerifyThrottle {
        if let t = storage[VerifyThrottleKey.self] { return t }
        let t = VerifyThrottle()
        storage[VerifyThrottleKey.self] = t
        return t
    }
}
