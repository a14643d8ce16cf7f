import Foundation

/// Where a student stands in a group (`000_5375b2a087477e6d.txt` §4.1: groups are formed from the КМЦ's lists).
public enum EnrollmentStatus: String, CaseIterable, Codable, Sendable {
    case enrolled, waitlisted, withdrawn
    public var title: String {
        switch self {
        case .enrolled: "зачислен"
        case .waitlisted: "в листе ожидания"
        case .withdrawn: "выбыл"
        }
    }
}
