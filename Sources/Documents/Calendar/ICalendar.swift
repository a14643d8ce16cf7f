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
        /// The days of an all-day event (then `start` and `end` are not written): its first and last day.
        public var days: (first: CivilDay, last: CivilDay)?
        /// A timed event held on several days in a row at the same hours: how many days (`RRULE:FREQ=DAILY;COUNT=`).
        public var daily: Int?
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

        /// An all-day event from its first to its last day.
        public init(
            uid: String, days: (first: CivilDay, last: CivilDay), summary: String, location: String,
            description: String,
            cancelled: Bool, sequence: Int
        ) {
            self.init(
                uid: uid, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 0), summary: summary,
                location: location, description: description, cancelled: cancelled, sequence: sequence)
            self.days = days
        }
    }

    public static func render(name: String, events: [Event], now: Date = Date()) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Setka//Setka//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(now),
            ]
            if let days = event.days {
                // DTEND of a DATE is exclusive: the day after the last (RFC 5545 §3.6.1).
                lines += [
                    "DTSTART;VALUE=DATE:" + basic(days.first), "DTEND;VALUE=DATE:" + basic(days.last.adding(days: 1)),
                ]
            } else {
                lines += ["DTSTART:" + utc(event.start), "DTEND:" + utc(event.end)]
                if let daily = event.daily, daily > 1 { lines.append("RRULE:FREQ=DAILY;COUNT=\(daily)") }
            }
            lines += [
                "SEQUENCE:\(event.sequence)", "SUMMARY:" + escape(event.summary), "LOCATION:" + escape(event.location),
                "DESCRIPTION:" + escape(event.description), "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A day as iCalendar's DATE: «20270312».
    static func basic(_ day: CivilDay) -> String {
        let (year, month, date) = day.ymd
        return String(format: "%04d%02d%02d", year, month, date)
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
            let size = String(ch).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(ch)
            count += size
        }
        return out
    }

    /// «20260907T120000Z».
    public static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secs = seconds - days * 86_400
        let (year, month, day) = RuDate.date(days: days)
        func pad(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(secs / 3600, 2) + pad(secs % 3600 / 60, 2)
            + pad(secs % 60, 2) + "Z"
    }
}
