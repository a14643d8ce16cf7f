import Domain
import Foundation

/// One lesson as the timetable views show it.
public struct LessonEntry: Sendable {
    public var time: String
    public var title: String
    public var url: String?
    public var lines: [String]
    public var cancelled: Bool
    public init(time: String, title: String, url: String?, lines: [String], cancelled: Bool) {
        self.time = time
        self.title = title
        self.url = url
        self.lines = lines
        self.cancelled = cancelled
    }
}

extension LessonEntry {
    /// A lesson of a week: its group (or its room, then group), then the programme, the centre and room, the teacher
    /// (a substitute marked) and the reason of a cancellation.
    public static func lesson(
        time: String, group: String, program: String, center: String, room: String?, teacher: String?,
        substitute: Bool, cancelled: Bool, note: String?, roomFirst: Bool, url: String?
    ) -> LessonEntry {
        var lines = [program, center + (room.map { ", \($0)" } ?? "")]
        if let teacher { lines.append("Педагог: " + TimetableWords.teacher(teacher, substitute: substitute)) }
        if cancelled, let note { lines.append("Отменено: " + note) }
        let title = roomFirst ? (room ?? "без кабинета") + " — " + group : group
        return LessonEntry(time: time, title: title, url: url, lines: lines, cancelled: cancelled)
    }

    static func node(_ entry: LessonEntry) -> Node {
        el("div", .cls(entry.cancelled ? "lesson cancelled" : "lesson")) {
            el("div", .cls("time")) { entry.time + (entry.cancelled ? " — отменено" : "") }
            if let url = entry.url { el("a", .href(url)) { entry.title } } else { el("strong") { entry.title } }
            for line in entry.lines { el("div", .cls("muted")) { line } }
        }
    }
}
