import Domain
import Fluent
import Vapor
import Views

/// What the certificate's pages, the student's progress page and the public check share: the printed form, the issuing
/// authority, the check's address and the lookup by number and code.
extension Certificate {
    /// Certificates as their printed pages show them: the verb agrees with each student's sex (from the registry) and
    /// the sentence names the centre by its short name («в ресурсном центре МБОУ «Гимназия № 2»»); the stored full
    /// name stays on the card and in the registers.
    static func printItems(_ certificates: [Certificate], authority: String, zone: TimeZone, on db: any Database)
        async throws -> [CertificatePrintPage.Item]
    {
        guard !certificates.isEmpty else { return [] }
        let students = try await Student.query(on: db).filter(\.$id ~~ certificates.map { $0.$student.id }).all()
        let sexes = Dictionary(
            try students.map { (try $0.requireID(), $0.sex.flatMap(Sex.init(rawValue:))) },
            uniquingKeysWith: { first, _ in first })
        let groups = try await StudyGroup.query(on: db).filter(\.$id ~~ certificates.map { $0.$group.id })
            .with(\.$organization).all()
        let centers = Dictionary(
            try groups.map { (try $0.requireID(), $0.organization.shortName) }, uniquingKeysWith: { first, _ in first })
        return certificates.map { certificate in
            CertificatePrintPage.Item(
                number: certificate.number, code: certificate.verificationCode, name: certificate.studentName,
                sex: sexes[certificate.$student.id] ?? nil, program: certificate.programTitle,
                hours: certificate.hours, center: centers[certificate.$group.id] ?? certificate.centerName,
                period: CivilDay(number: certificate.firstDay).formatted + " — "
                    + CivilDay(number: certificate.lastDay).formatted,
                issued: RuDate.format(certificate.issuedAt, timeZone: zone), authority: authority,
                annulled: !certificate.isValid)
        }
    }

    /// The full name of the municipality's education authority, which issues the certificates.
    static func authority(_ municipalityID: UUID, on db: any Database) async throws -> String {
        try await Organization.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$kind == OrganizationKind.authority.rawValue
        )
        .first()?.fullName ?? ""
    }

    /// Where anyone checks a certificate by its number and code (printed on it).
    static func verifyURL(_ req: Request) -> String {
        req.absoluteURL(SiteURL.verify.path)
    }

    /// The certificate of a number and its code (numbers are unique per municipality; with the code, across them).
    static func lookup(number: String, code: String, on db: any Database) async throws -> Certificate? {
        guard let parsed = CertificateNumber.parse(number) else { return nil }
        return try await Certificate.query(on: db).filter(
            \.$number == CertificateNumber.format(series: parsed.series, year: parsed.year, sequence: parsed.sequence)
        )
        .filter(\.$verificationCode == VerificationCode.normalize(code)).first()
    }
}
