/// Whether a student gets a certificate for a course, and why not (`CertificateRules.decide`).
public enum CertificateDecision: Equatable, Sendable {
    case eligible
    /// Holds a valid certificate for the course already.
    case alreadyCertified
    /// No final attestation recorded.
    case noResult
    /// The final attestation was not passed.
    case failed
    /// Attended less than the municipality's share of the delivered hours.
    case lowAttendance(percent: Int, minimum: Int)

    public var isEligible: Bool { self == .eligible }

    /// Why not, in Russian (nil when eligible or already certified).
    public var reason: String? {
        switch self {
        case .eligible, .alreadyCertified: nil
        case .noResult: "нет итогов аттестации"
        case .failed: "аттестация не пройдена"
        case .lowAttendance(let percent, let minimum): "посещаемость \(percent) % — меньше \(minimum) %"
        }
    }
}
