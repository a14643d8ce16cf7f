import Foundation

/// Directions of interaction: the four profiles of programmes (`004_…`: цифровой, естественнонаучный, технический,
/// гуманитарный).
public enum InteractionDirection: String, CaseIterable, Sendable {
    case digital
    case naturalScience = "natural_science"
    case technical, humanities
    public var title: String {
        switch self {
        case .digital: "цифровой профиль"
        case .naturalScience: "естественнонаучный профиль"
        case .technical: "технический профиль"
        case .humanities: "гуманитарный профиль"
        }
    }
}
