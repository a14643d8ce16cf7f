import Foundation

/// Who gets a certificate «о прослушивании профильного курса»: passed the final attestation and attended at least the
/// share of delivered hours the administrator sets (75 % by default).
public enum CertificateRules {
    public static let defaultMinimumAttendance = 75

    public static func eligible(passed: Bool?, attendance: StudentAttendance, minimum: Int, hasValidCertificate: Bool)
        -> Bool
    {
        passed == true && attendance.attended(atLeast: minimum) && !hasValidCertificate
    }

    /// «Ё. А. И.» — all the public verification page shows of the student.
    public static func initials(surname: String, givenName: String, patronymic: String?) -> String {
        [surname, givenName, patronymic ?? ""].compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}
