import Foundation

/// A student of a group, with where they come from (for the home school's busy time).
public struct TimetableStudent: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var schoolID: UUID
    public var grade: Int
    public init(id: UUID, name: String, schoolID: UUID, grade: Int) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.grade = grade
    }
}
