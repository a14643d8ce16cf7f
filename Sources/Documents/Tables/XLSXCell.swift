import Domain
import Foundation

/// A cell of a written XLSX sheet. Dates and times are Excel serial numbers with a Russian display format
/// (01.09.2025, 09:00), so that Excel sorts and filters them as dates; numbers are numeric cells; text stays text
/// (leading zeros and codes as typed).
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number shown with two decimals (0,50).
    case decimal(Double)
    case date(CivilDay)
    /// Minutes since midnight.
    case time(minutes: Int)
    case dateTime(CivilDay, minutes: Int)
    case empty

    /// The number format of each kind (`numFmtId` in styles.xml: 49 text, 1 «0», 2 «0.00», custom ones from 164).
    enum Style: Int, CaseIterable {
        // The order is the order of `cellXfs` in styles.xml: a cell's `s` is its raw value.
        case plain = 0
        case header, text, integer, decimal, date, time, dateTime
    }

    /// Excel's serial day (1900 system) of a day: 01.01.1970 is 25569.
    public static func serial(_ day: CivilDay) -> Int { day.number + 25_569 }

    var style: Style {
        switch self {
        case .text: .text
        case .integer: .integer
        case .decimal: .decimal
        case .date: .date
        case .time: .time
        case .dateTime: .dateTime
        case .empty: .text
        }
    }

    /// The `<c>` element at a reference.
    func xml(_ ref: String) -> String {
        let head = "<c r=\"\(ref)\" s=\"\(style.rawValue)\""
        switch self {
        case .text(let text):
            return head + " t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OOXML.escape(text))</t></is></c>"
        case .empty: return head + "/>"
        case .integer(let value): return head + "><v>\(value)</v></c>"
        case .decimal(let value): return head + "><v>\(value)</v></c>"
        case .date(let day): return head + "><v>\(Self.serial(day))</v></c>"
        case .time(let minutes): return head + "><v>\(Self.fraction(minutes))</v></c>"
        case .dateTime(let day, let minutes):
            return head + "><v>\(Double(Self.serial(day)) + Self.fraction(minutes))</v></c>"
        }
    }

    private static func fraction(_ minutes: Int) -> Double { Double(minutes) / 1440 }

    /// How many characters the cell shows, for the column's width.
    var shownLength: Int {
        switch self {
        case .text(let text):
            text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        case .empty: 0
        case .integer(let value): String(value).count
        case .decimal(let value): String(format: "%.2f", value).count
        case .date: 10
        case .time: 5
        case .dateTime: 16
        }
    }

    /// Column widths (in characters) fitted to the longest shown value of each column, the bold header a little
    /// wider, between 6 and 60.
    static func widths(header: [String], rows: [[XLSXCell]]) -> [Int] {
        let count = max(header.count, rows.map(\.count).max() ?? 0)
        return (0..<count).map { column in
            let title = column < header.count ? header[column].count + 2 : 0
            let longest = rows.map { column < $0.count ? $0[column].shownLength : 0 }.max() ?? 0
            return min(60, max(6, title, longest + 2))
        }
    }
}
