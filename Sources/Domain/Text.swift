import Foundation

/// Cyrillic-aware text keys (`DESIGN.md`: SQLite's `lower`, `LIKE` and ordering are ASCII-only,
/// so search and sort keys are computed here and stored beside the text).
public enum TextKey {
    /// Lower-cased, «ё» folded to «е», whitespace collapsed: matching ignores case and ё/е.
    public static func search(_ parts: String?...) -> String {
        normalize(parts.compactMap { $0 }.joined(separator: " "))
    }

    public static func normalize(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        return lowered.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
        let c = calendar(timeZone).dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d.%02d.%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    public static func formatDateTime(_ date: Date, timeZone: TimeZone) -> String {
        let c = calendar(timeZone).dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return String(format: "%02d.%02d.%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// Parses «дд.мм.гггг» (or ISO «гггг-мм-дд» from a date input) as midnight in the zone.
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
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
        guard (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let cal = calendar(timeZone)
        let comps = DateComponents(year: y, month: m, day: d)
        guard let date = cal.date(from: comps) else { return nil }
        // Reject 31.02 and the like, which Calendar would roll over.
        let back = cal.dateComponents([.day, .month, .year], from: date)
        guard back.day == d, back.month == m, back.year == y else { return nil }
        return date
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
        let c = calendar(timeZone).dateComponents([.day, .month, .year], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }
}
