import Foundation

/// Whether a registry record is in use or archived (no hard delete of records others use).
public enum RecordStatus: String, CaseIterable, Codable, Sendable {
    case active, archived
    public var title: String { self == .active ? "Действует" : "В архиве" }
}
