import Foundation

/// A lesson as the clash rules see it.
public struct TimetableLesson: Hashable, Sendable {
    public var id: UUID?
    public var groupID: UUID
    public var groupName: String
    public var centerID: UUID
    public var centerName: String
    public var span: LessonSpan
    /// The teacher who gives this lesson (the substitute, when there is one).
    public var teacherID: UUID?
    public var teacherName: String
    public var roomID: UUID?
    public var roomName: String
    public init(
        id: UUID? = nil, groupID: UUID, groupName: String, centerID: UUID, centerName: String, span: LessonSpan,
        teacherID: UUID?, teacherName: String, roomID: UUID?, roomName: String
    ) {
        self.id = id
        self.groupID = groupID
        self.groupName = groupName
        self.centerID = centerID
        self.centerName = centerName
        self.span = span
        self.teacherID = teacherID
        self.teacherName = teacherName
        self.roomID = roomID
        self.roomName = roomName
    }
}
