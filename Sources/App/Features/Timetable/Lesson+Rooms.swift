import Domain
import Fluent
import Vapor

extension Lesson {
    /// The rooms a group's lessons are held in (cancelled ones left out), in the rooms' order — what its card shows
    /// as the group's room, since a room is chosen per lesson.
    static func roomNames(ofGroup groupID: UUID, on db: any Database) async throws -> [String] {
        let lessons = try await Lesson.query(on: db).filter(\.$group.$id == groupID)
            .filter(\.$status != LessonStatus.cancelled.rawValue).filter(\.$room.$id != nil).with(\.$room).all()
        var seen: [UUID: Room] = [:]
        for lesson in lessons { if let room = lesson.room, let id = room.id { seen[id] = room } }
        return seen.values.sorted { ($0.sortKey, $0.name) < ($1.sortKey, $1.name) }.map(\.name)
    }
}
