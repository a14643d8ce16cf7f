import Foundation

/// Agreement of a programme with the КМЦ (`000_5375b2a087477e6d.txt` §4.2): drafted by the centre, submitted,
/// agreed or returned with a comment. Only agreed programmes open groups.
public enum ProgramApproval: String, CaseIterable, Codable, Sendable {
    case draft, submitted, agreed, returned
    public var title: String {
        switch self {
        case .draft: "черновик"
        case .submitted: "на согласовании в КМЦ"
        case .agreed: "согласована КМЦ"
        case .returned: "возвращена на доработку"
        }
    }

    /// The centre edits a programme only while it is its own draft.
    public var isEditable: Bool { self == .draft || self == .returned }
    public var canSubmit: Bool { self == .draft || self == .returned }
    public var canReview: Bool { self == .submitted }
}
