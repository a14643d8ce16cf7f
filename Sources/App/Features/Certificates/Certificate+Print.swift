import Domain
import Fluent
import Vapor
import Views

/// What the certificate's pages, the student's progress page and the public check share: the printed form, the issuing
/// authority, the check's address and the lookup by number and code.
extension Certificate {
    /// The certificate as its printed page shows it.
    func printItem(authority: String, zone: TimeZone) -> CertificatePrintPage.Item {
        CertificatePrintPage.Item(
            number: number, code: verificationCode, name: studentName, program: programTitle, hours: hours,
            center: centerName,
            period: CivilDay(number: firstDay).formatted + " — " + CivilDay(number: lastDay).formatted,
            issued: RuDate.format(issuedAt, timeZone: zone), authority: authority, annulled: !isValid)
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
