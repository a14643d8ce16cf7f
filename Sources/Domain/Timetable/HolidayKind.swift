import Foundation

/// Каникулы and праздничные дни of an academic year: no lessons are generated on them.
public enum HolidayKind: String, CaseIterable, Codable, Sendable {
    case vacation, holiday
    public var title: String {
        switch self {
        case .vacation: "каникулы"
        case .holiday: "праздничный день"
        }
    }
}
