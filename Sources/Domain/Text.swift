import Foundation

/// Cyrillic-aware text keys (`DESIGN.md`: SQLite's `lower`, `LIKE` and ordering are ASCII-only,
/// so search and sort keys are computed here and stored beside the text).
public enum TextKey {
    /// Lower-cased, «ё» folded to «е», whitespace collapsed: matching ignores case and ё/е.
    public static func search(_ parts: String?...) -> String {
        normalize(parts.compactMap { $0 }.joined(separator: " "))
    }

    /// One pass over the scalars (imports compute this for every row: Foundation's replace and a split by `Character`
    /// cost several microseconds each). Lower case by the scalar's own mapping, as `String.lowercased()` does; «ё» —
    /// precomposed or «е» with a combining diaeresis — becomes «е»; runs of white space become one space, none at the ends.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        var previous: UInt32 = 0
        func put(_ v: UInt32) {
            if v == 0x0308 && previous == 0x0435 { return }
            let folded = v == 0x0451 ? 0x0435 : v
            if space { if !out.isEmpty { out.append(" ") }; space = false }
            out.append(Unicode.Scalar(folded)!)
            previous = folded
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v == 0x20 || (0x09...0x0D).contains(v) { space = true; continue }
                put((0x41...0x5A).contains(v) ? v + 0x20 : v)
            } else if (0x0410...0x042F).contains(v) {
                put(v + 0x20)
            } else if v == 0x0401 {
                put(0x0451)
            } else if (0x0430...0x045F).contains(v) || v == 0x0308 {
                put(v)
            } else if scalar.properties.isWhitespace {
                space = true
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { put(lower.value) }
            }
        }
        return String(out)
    }

    /// A key whose code-point order is Russian alphabetical order with «ё» right after «е».
    /// Letters «ж»…«я» move one code point up and «ё» takes the place of «ж».
    public static func sort(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x0451: scalars.append(Unicode.Scalar(0x0436)!)
            case 0x0436...0x044F: scalars.append(Unicode.Scalar(scalar.value + 1)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when neither end can be white space
    /// (imports trim every cell of a file).
    public var trimmed: String { Self.edgesAreText(self) ? self : trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `trimmingCharacters(in: .whitespaces)`, the same way.
    public var trimmedSpaces: String { Self.edgesAreText(self) ? self : trimmingCharacters(in: .whitespaces) }

    /// Empty, or both ends are scalars that are neither white space nor a line break (printable ASCII, or
    /// U+00A1…U+167F, where Unicode has no space characters).
    static func edgesAreText(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first?.value, let last = s.unicodeScalars.last?.value else { return true }
        func text(_ v: UInt32) -> Bool { (0x21...0x7E).contains(v) || (0xA1...0x167F).contains(v) }
        return text(first) && text(last)
    }
}

/// Russian plural forms: 1 группа, 2 группы, 5 групп.
public enum RussianPlural {
    public static func form(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n100 = abs(n) % 100
        let n10 = abs(n) % 10
        if (11...14).contains(n100) { return many }
        if n10 == 1 { return one }
        if (2...4).contains(n10) { return few }
        return many
    }

    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) \(form(n, one, few, many))"
    }
}

/// Dates as the interface shows and reads them: 01.09.2025.
public enum RuDate {
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let (y, m, d) = civil(of: date, timeZone: timeZone)
        return pad2(d) + "." + pad2(m) + "." + pad4(y)
    }

    public static func formatDateTime(_ date: Date, timeZone: TimeZone) -> String {
        let c = calendar(timeZone).dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return String(format: "%02d.%02d.%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// Parses «дд.мм.гггг» (or ISO «гггг-мм-дд» from a date input) as midnight in the zone.
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let t = text.trimmedSpaces
        var d = 0, m = 0, y = 0
        let dotted = t.split(separator: ".", omittingEmptySubsequences: false)
        let dashed = t.split(separator: "-", omittingEmptySubsequences: false)
        if dotted.count == 3, let dd = Int(dotted[0]), let mm = Int(dotted[1]), let yy = Int(dotted[2]), dotted[2].count == 4 {
            (d, m, y) = (dd, mm, yy)
        } else if dashed.count == 3, let yy = Int(dashed[0]), let mm = Int(dashed[1]), let dd = Int(dashed[2]), dashed[0].count == 4 {
            (d, m, y) = (dd, mm, yy)
        } else {
            return nil
        }
        guard (1900...2200).contains(y), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return midnight(y, m, d, timeZone: timeZone)
    }

    /// ISO form for `<input type="date">` values.
    /// A date «дд.мм.гггг» and a time «чч:мм» in the zone.
    public static func parse(_ date: String, time: String, timeZone: TimeZone) -> Date? {
        guard let day = parse(date, timeZone: timeZone) else { return nil }
        let parts = time.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m), parts[1].count == 2 else { return nil }
        return calendar(timeZone).date(byAdding: DateComponents(hour: h, minute: m), to: day)
    }

    public static func time(_ date: Date, timeZone: TimeZone) -> String {
        let c = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    public static func iso(_ date: Date, timeZone: TimeZone) -> String {
        let (y, m, d) = civil(of: date, timeZone: timeZone)
        return pad4(y) + "-" + pad2(m) + "-" + pad2(d)
    }

    // Civil-date arithmetic (proleptic Gregorian, H. Hinnant's algorithms): imports parse and format hundreds of
    // thousands of dates, and `Calendar` costs tens of microseconds a call.

    static func pad2(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    static func pad4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 01.01.1970 of a date.
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 01.01.1970.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) { let c = civil(days: days); return (c.0, c.1, c.2) }

    static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func civil(of date: Date, timeZone: TimeZone) -> (Int, Int, Int) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return civil(days: Int((local / 86_400).rounded(.down)))
    }

    /// Midnight of the date in the zone.
    static func midnight(_ y: Int, _ m: Int, _ d: Int, timeZone: TimeZone) -> Date {
        let utc = Double(days(y, m, d)) * 86_400
        let guess = utc - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utc)))
        return Date(timeIntervalSince1970: utc - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }
}
