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
    static func node(_ e: LessonEntry) -> Node {
        el("div", .cls(e.cancelled ? "lesson cancelled" : "lesson")) {
            el("div", .cls("time")) { e.time + (e.cancelled ? " — отменено" : "") }
            if let url = e.url { el("a", .href(url)) { e.title } } else { el("strong") { e.title } }
            for l in e.lines { el("div", .cls("muted")) { l } }
        }
    }
}
