import Foundation

public enum OrderStatus: String, CaseIterable, Codable, Sendable {
    case draft, signed
    public var title: String { self == .draft ? "проект" : "подписан" }
}
