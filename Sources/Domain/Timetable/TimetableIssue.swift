import Foundation

/// One thing wrong with a proposed lesson. Clashes refuse the change; warnings are shown and may be accepted.
public struct TimetableIssue: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case group, teacher, room, student, busy, travel, holiday
        public var isClash: Bool { self != .busy && self != .travel && self != .holiday }
    }
    public var kind: Kind
    public var day: CivilDay
    /// What the issue is about, without the date: issues with the same text are shown as one line with their dates.
    public var text: String
    public init(kind: Kind, day: CivilDay, text: String) {
        self.kind = kind
        self.day = day
        self.text = text
    }
}
