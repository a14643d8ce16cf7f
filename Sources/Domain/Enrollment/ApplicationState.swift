import Foundation

public enum ApplicationState: String, CaseIterable, Codable, Sendable {
    /// Submitted; waiting for the guardian's agreement and/or the school's confirmation.
    case submitted
    /// Agreed by the guardian and confirmed by the school.
    case confirmed
    /// Refused by the guardian or the school, cancelled by the applicant, or not confirmed in time: held seats freed.
    case refused, cancelled, expired
    /// Ranked mode, after distribution: seats given (or waiting places taken) by the lottery.
    case distributed

    public var title: String {
        switch self {
        case .submitted: "ждёт подтверждения"
        case .confirmed: "подтверждена"
        case .refused: "отклонена"
        case .cancelled: "отозвана"
        case .expired: "не подтверждена в срок"
        case .distributed: "распределена"
        }
    }

    /// States in which the application still holds or may hold places.
    public var isLive: Bool { self == .submitted || self == .confirmed || self == .distributed }
}
