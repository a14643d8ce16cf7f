import Foundation

/// The life of an agreement: draft → signed → (expired by date | terminated).
public enum AgreementState: String, CaseIterable, Sendable {
    case draft, signed, expired, terminated
    public var title: String {
        switch self {
        case .draft: "проект"
        case .signed: "подписан"
        case .expired: "истёк"
        case .terminated: "расторгнут"
        }
    }

    /// What the agreement is on a given day: a signed one whose end has passed has expired.
    public static func effective(stored: AgreementState, endsOn: Date, now: Date) -> AgreementState {
        stored == .signed && endsOn < now ? .expired : stored
    }
}
