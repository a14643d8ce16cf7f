import Foundation

/// Dates as the interface shows and reads them: 01.09.2025.
public enum RuDate {
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let (y, m, d) = civil(of: date, timeZone: timeZone)
        return pad2(d) + "." + pad2(m) + "." + pad4(y)
    }

    public static func formatDateTime(_ date: Date, timeZone: TimeZone) -> String {
        let c = calendar(timeZone).dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return String(
            format: "%02d.%02d.%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// Parses «дд.мм.гггг» (or ISO «гггг-мм-дд» from a date input) as midnight in the zone.
    /// «ДД.ММ.ГГГГ» by its digits, whether or not such a day exists (31.02.2010 has the shape, not the day).
    public static func hasDateShape(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4
    }

    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let t = text.trimmedSpaces
        var d = 0
        var m = 0
        var y = 0
        // Digits and separators read straight off the bytes (an import parses a date on every row; two `split`s were
        // most of the cost); anything else — signs, other separators — takes the general way below.
        if let (a, b, c, sep, lengths) = digitTriple(t) {
            if sep == UInt8(ascii: "."), lengths.2 == 4 {
                (d, m, y) = (a, b, c)
            } else if sep == UInt8(ascii: "-"), lengths.0 == 4 {
                (d, m, y) = (c, b, a)
            } else {
                return nil
            }
            guard (1900...2200).contains(y), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
            return midnight(y, m, d, timeZone: timeZone)
        }
        let dotted = t.split(separator: ".", omittingEmptySubsequences: false)
        let dashed = t.split(separator: "-", omittingEmptySubsequences: false)
        if dotted.count == 3, let dd = Int(dotted[0]), let mm = Int(dotted[1]), let yy = Int(dotted[2]),
            dotted[2].count == 4
        {
            (d, m, y) = (dd, mm, yy)
        } else if dashed.count == 3, let yy = Int(dashed[0]), let mm = Int(dashed[1]), let dd = Int(dashed[2]),
            dashed[0].count == 4
        {
            (d, m, y) = (dd, mm, yy)
        } else {
            return nil
        }
        guard (1900...2200).contains(y), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return midnight(y, m, d, timeZone: timeZone)
    }

    /// Three runs of 1–9 ASCII digits joined by one separator, «.» or «-» (the same both times), with each run's
    /// length.
    static func digitTriple(_ t: String) -> (Int, Int, Int, UInt8, (Int, Int, Int))? {
        var numbers = (0, 0, 0)
        var lengths = (0, 0, 0)
        var part = 0
        var sep: UInt8 = 0
        for byte in t.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                let digit = Int(byte - 0x30)
                switch part {
                case 0:
                    numbers.0 = numbers.0 * 10 + digit
                    lengths.0 += 1
                    if lengths.0 > 9 { return nil }
                case 1:
                    numbers.1 = numbers.1 * 10 + digit
                    lengths.1 += 1
                    if lengths.1 > 9 { return nil }
                default:
                    numbers.2 = numbers.2 * 10 + digit
                    lengths.2 += 1
                    if lengths.2 > 9 { return nil }
                }
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")) && (sep == 0 || sep == byte) && part < 2
            {
                if (part == 0 ? lengths.0 : lengths.1) == 0 { return nil }
                sep = byte
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2, lengths.2 > 0 else { return nil }
        return (numbers.0, numbers.1, numbers.2, sep, lengths)
    }

    /// ISO form for `<input type="date">` values.
    /// A date «дд.мм.гггг» and a time «чч:мм» in the zone.
    public static func parse(_ date: String, time: String, timeZone: TimeZone) -> Date? {
        guard let day = parse(date, timeZone: timeZone) else { return nil }
        let parts = time.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h),
            (0...59).contains(m), parts[1].count == 2
        else { return nil }
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
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let c = civil(days: days)
        return (c.0, c.1, c.2)
    }

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
        return Date(
            timeIntervalSince1970: utc - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal
    }
}
