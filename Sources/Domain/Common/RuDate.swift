import Foundation

/// Dates as the interface shows and reads them: 01.09.2025.
public enum RuDate {
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let (year, month, day) = civil(of: date, timeZone: timeZone)
        return pad2(day) + "." + pad2(month) + "." + pad4(year)
    }

    public static func formatDateTime(_ date: Date, timeZone: TimeZone) -> String {
        let components = calendar(timeZone).dateComponents([.day, .month, .year, .hour, .minute], from: date)
        return String(
            format: "%02d.%02d.%04d %02d:%02d", components.day ?? 0, components.month ?? 0, components.year ?? 0,
            components.hour ?? 0, components.minute ?? 0)
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
        let trimmed = text.trimmedSpaces
        var day = 0
        var month = 0
        var year = 0
        // Digits and separators read straight off the bytes (an import parses a date on every row; two `split`s were
        // most of the cost); anything else — signs, other separators — takes the general way below.
        if let (first, second, third, sep, lengths) = digitTriple(trimmed) {
            if sep == UInt8(ascii: "."), lengths.2 == 4 {
                (day, month, year) = (first, second, third)
            } else if sep == UInt8(ascii: "-"), lengths.0 == 4 {
                (day, month, year) = (third, second, first)
            } else {
                return nil
            }
            guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth(year, month)
            else { return nil }
            return midnight(year, month, day, timeZone: timeZone)
        }
        let dotted = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let dashed = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if dotted.count == 3, let dd = Int(dotted[0]), let mm = Int(dotted[1]), let yy = Int(dotted[2]),
            dotted[2].count == 4
        {
            (day, month, year) = (dd, mm, yy)
        } else if dashed.count == 3, let yy = Int(dashed[0]), let mm = Int(dashed[1]), let dd = Int(dashed[2]),
            dashed[0].count == 4
        {
            (day, month, year) = (dd, mm, yy)
        } else {
            return nil
        }
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else {
            return nil
        }
        return midnight(year, month, day, timeZone: timeZone)
    }

    /// Three runs of 1–9 ASCII digits joined by one separator, «.» or «-» (the same both times), with each run's
    /// length.
    static func digitTriple(_ text: String) -> (Int, Int, Int, UInt8, (Int, Int, Int))? {
        var numbers = (0, 0, 0)
        var lengths = (0, 0, 0)
        var part = 0
        var sep: UInt8 = 0
        for byte in text.utf8 {
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
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour),
            (0...59).contains(minute), parts[1].count == 2
        else { return nil }
        return calendar(timeZone).date(byAdding: DateComponents(hour: hour, minute: minute), to: day)
    }

    public static func time(_ date: Date, timeZone: TimeZone) -> String {
        let components = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", components.hour ?? 0, components.minute ?? 0)
    }

    public static func iso(_ date: Date, timeZone: TimeZone) -> String {
        let (year, month, day) = civil(of: date, timeZone: timeZone)
        return pad4(year) + "-" + pad2(month) + "-" + pad2(day)
    }

    // Civil-date arithmetic (proleptic Gregorian, H. Hinnant's algorithms): imports parse and format hundreds of
    // thousands of dates, and `Calendar` costs tens of microseconds a call.

    static func pad2(_ number: Int) -> String { number < 10 ? "0" + String(number) : String(number) }
    static func pad4(_ number: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 01.01.1970 of a date.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let yy = month <= 2 ? year - 1 : year
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 01.01.1970.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let civilDate = civil(days: days)
        return (civilDate.0, civilDate.1, civilDate.2)
    }

    static func civil(days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let doe = shifted - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func civil(of date: Date, timeZone: TimeZone) -> (Int, Int, Int) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return civil(days: Int((local / 86_400).rounded(.down)))
    }

    /// Midnight of the date in the zone.
    static func midnight(_ year: Int, _ month: Int, _ day: Int, timeZone: TimeZone) -> Date {
        let utc = Double(days(year, month, day)) * 86_400
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
