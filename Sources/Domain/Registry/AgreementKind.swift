import Foundation

public enum AgreementKind: String, CaseIterable, Sendable {
    case schoolCenter = "school_center"
    case centerPartner = "center_partner"
    public var title: String { self == .schoolCenter ? "школа — ресурсный центр" : "ресурсный центр — партнёр" }
    public var partyATitle: String { self == .schoolCenter ? "Школа" : "Ресурсный центр" }
    public var partyBTitle: String { self == .schoolCenter ? "Ресурсный центр" : "Партнёр" }
}
