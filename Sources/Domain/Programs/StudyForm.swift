import Foundation

public enum StudyForm: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time"
    case distance, blended
    public var title: String {
        switch self {
        case .fullTime: "очная"
        case .distance: "дистанционная"
        case .blended: "смешанная"
        }
    }
}
