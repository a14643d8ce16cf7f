import Domain
import Foundation

/// iCalendar (RFC 5545) feeds of lessons: a calendar application subscribes to a secret URL and shows the lessons.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var location: String
        public var description: String
        public var cancelled: Bool
        /// Grows with every change of the event, so subscribers replace their copy.
        public var sequence: Int
        public init(
            uid: String, start: Date, end: Date, summary: String, location: String, description: String,
            cancelled: Bool, sequence: Int
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.cancelled = cancelled
            self.sequence = sequence
        }
    }

    public static func render(name: String, events: [Event], now: Date = Date()) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Setka//Setka//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(e.uid), "DTSTAMP:" + utc(now), "DTSTART:" + utc(e.start),
                "DTEND:" + utc(e.end),
                "SEQUENCE:\(e.sequence)", "SUMMARY:" + escape(e.summary), "LOCATION:" + escape(e.location),
                "DESCRIPTION:" + escape(e.description), "STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character (§3.1).
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for ch in line {
            let n = String(ch).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(ch)
            count += n
        }
        return out
    }

    /// «20260907T120000Z».
    public static func utc(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(t) / 86_400).rounded(.down))
        let secs = t - days * 86_400
        let (y, m, d) = RuDate.date(days: days)
        func p(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return p(y, 4) + p(m, 2) + p(d, 2) + "T" + p(secs / 3600, 2) + p(secs % 3600 / 60, 2) + p(secs % 60, 2) + "Z"
    }
}
