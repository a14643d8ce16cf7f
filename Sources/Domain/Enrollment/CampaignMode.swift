import Foundation

/// Enrolment campaigns and individual curricula (ИУП), issue 3 «Applications».
public enum CampaignMode: String, CaseIterable, Codable, Sendable {
    /// The seat is held at submission; freed if the guardian or school refuses or does not confirm in time.
    case firstCome = "first_come"
    /// Nothing is decided until the coordinator distributes the places after the window closes (seeded lottery).
    case ranked

    public var title: String {
        switch self {
        case .firstCome: "в порядке подачи заявок"
        case .ranked: "по приоритетам с жеребьёвкой после закрытия"
        }
    }
}
