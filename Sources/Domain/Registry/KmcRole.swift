import Foundation

/// Roles within the КМЦ (`001_4390f67d15d9225c.txt` §5.2–5.4).
public enum KmcRole: String, CaseIterable, Sendable {
    case head, deputy, secretary, member
    public var title: String {
        switch self {
        case .head: "руководитель"
        case .deputy: "заместитель руководителя"
        case .secretary: "секретарь"
        case .member: "член центра"
        }
    }
}
