import Foundation

/// How a student came into a group; stored with the place (`enrollments.source`).
public enum EnrollmentSource: String, CaseIterable, Sendable {
    /// Placed by the КМЦ or a centre head.
    case direct
    /// Moved from another group by the КМЦ or a centre head.
    case transfer
    /// A КМЦ list accepted by the centre (`000_5375b2a087477e6d.txt` §4.1).
    case list
    /// The student's or guardian's ИУП (`002_f5d848fa5a191e3f.txt` §7).
    case application

    /// Whether the school's record of consent to the processing of personal data is the basis for handing the
    /// child's data to the group's organisation: it is when the КМЦ or a centre places the child; an ИУП carries
    /// the guardian's own agreement.
    public var needsRecordedConsent: Bool { self != .application }
}
