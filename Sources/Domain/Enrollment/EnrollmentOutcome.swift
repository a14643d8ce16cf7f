import Foundation

/// The answer to an enrolment request: a seat, or a place in the waiting list.
public enum EnrollmentOutcome: Equatable, Sendable {
    case enrolled
    case waitlisted(position: Int)
}
