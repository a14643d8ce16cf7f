import Foundation

/// Qualification categories of teachers.
public enum QualificationCategory: String, CaseIterable, Sendable {
    case none, conformity, first, highest
    public var title: String {
        switch self {
        case .none: "без категории"
        case .conformity: "соответствие занимаемой должности"
        case .first: "первая"
        case .highest: "высшая"
        }
    }
}
