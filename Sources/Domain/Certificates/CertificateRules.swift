import Foundation

/// Who gets a certificate «о прослушивании профильного курса»: passed the final attestation and attended at least the
/// share of delivered hours the administrator sets (75 % by default).
public enum CertificateRules {
    public static let defaultMinimumAttendance = 75

    /// The one rule behind the list of candidates, the refusal reasons it shows and the issue itself.
    public static func decide(passed: Bool?, attendance: StudentAttendance, minimum: Int, hasValidCertificate: Bool)
        -> CertificateDecision
    {
        if hasValidCertificate { return .alreadyCertified }
        guard let passed else { return .noResult }
        guard passed else { return .failed }
        guard attendance.attended(atLeast: minimum) else {
            return .lowAttendance(percent: attendance.percent, minimum: minimum)
        }
        return .eligible
    }

    public static func eligible(passed: Bool?, attendance: StudentAttendance, minimum: Int, hasValidCertificate: Bool)
        -> Bool
    {
        decide(passed: passed, attendance: attendance, minimum: minimum, hasValidCertificate: hasValidCertificate)
            .isEligible
    }

    /// «Ё. А. И.» — all the public verification page shows of the student.
    public static func initials(surname: String, givenName: String, patronymic: String?) -> String {
        [surname, givenName, patronymic ?? ""].compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}
