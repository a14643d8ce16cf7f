import Foundation

/// A roadmap's deadline as the seed writes it (issue 22, item 1; `004_5209da8e0aa92458.txt`) and the days it makes
/// for the plan's calendar year: «до 31.05» and «1 сентября» a day; «Май» and «Июнь 2020» the month's last day;
/// «апрель-июнь» and «Январь – июнь 2020» the last month's last day, the work running from the first; «ежеквартально»
/// each quarter's last day; «до 5 числа месяца, следующего за кварталом» the 5th of April, July, October and of the
/// next January. A year the seed prints (2020) is the plan's year. «по отдельному графику», «в течение года», «с
/// сентября» and an empty cell make no exact day: they keep their words and the administrator confirms a date.
public struct RoadmapDeadline: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A day of a month.
        case day(month: Int, day: Int)
        /// A month, or a run of months: due at the end of the last.
        case months(from: Int, to: Int)
        /// The last day of every quarter.
        case quarterly
        /// The 5th of the month after each quarter (the fourth quarter's in the next January).
        case afterQuarter(day: Int)
        /// From a month on, with no end: ongoing.
        case from(month: Int)
        /// Words that make no exact day.
        case words
    }

    /// The text as written.
    public var text: String
    public var kind: Kind

    public init(_ text: String) {
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        kind = Self.parse(self.text)
    }

    /// The days due in the plan's calendar year, first to last (empty when the words make none exact).
    public func days(year: Int) -> [CivilDay] {
        switch kind {
        case .day(let month, let day):
            return [CivilDay(year: year, month: month, day: day)].compactMap { $0 }
        case .months(_, let to):
            return [Self.lastDay(year, to)].compactMap { $0 }
        case .quarterly:
            return [3, 6, 9, 12].compactMap { Self.lastDay(year, $0) }
        case .afterQuarter(let day):
            return [(year, 4), (year, 7), (year, 10), (year + 1, 1)].compactMap {
                CivilDay(year: $0.0, month: $0.1, day: day)
            }
        case .from, .words:
            return []
        }
    }

    /// The day the work starts, where the words say (the first of a run's first month, or of «с сентября»'s month).
    public func start(year: Int) -> CivilDay? {
        switch kind {
        case .months(let from, let to) where from != to: CivilDay(year: year, month: from, day: 1)
        case .from(let month): CivilDay(year: year, month: month, day: 1)
        default: nil
        }
    }

    /// The deadline's words make exact days (29 February's none in a year without it: see `days`).
    public var isExact: Bool { kind != .words && !isOngoing }
    var isOngoing: Bool { if case .from = kind { true } else { false } }

    /// A day some year has: «31.04» none, «29.02» a leap year's (in another year it makes no day: `days` is empty).
    static func exists(_ month: Int, _ day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= RuDate.daysInMonth(2000, month)
    }

    static func lastDay(_ year: Int, _ month: Int) -> CivilDay? {
        CivilDay(year: year, month: month, day: RuDate.daysInMonth(year, month))
    }

    /// Months by the stems of their nominative and genitive forms: «май»/«мая», «июнь»/«июня», «август»/«августа».
    static let monthStems = [
        "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
    ]

    static func month(_ word: Substring) -> Int? {
        let word = word.lowercased()
        // «ма» would take «март»: the longer stem first.
        let forms: [(String, Int)] = monthStems.enumerated().map { ($1, $0 + 1) }.sorted { $0.0.count > $1.0.count }
        for (stem, number) in forms where word.hasPrefix(stem) {
            let rest = word.dropFirst(stem.count)
            if ["", "ь", "я", "а", "й", "е"].contains(String(rest)) { return number }
        }
        return nil
    }

    static func parse(_ text: String) -> Kind {
        let lower = text.lowercased()
        if lower.contains("квартал") {
            if lower.contains("числа"),
                let day = lower.split(whereSeparator: { !$0.isNumber }).first.flatMap({ Int($0) }),
                (1...28).contains(day)
            {
                return .afterQuarter(day: day)
            }
            return lower.hasPrefix("ежекварт") ? .quarterly : .words
        }
        if lower == "ежеквартально" { return .quarterly }
        // Words, with a year the seed printed dropped: «Январь – июнь 2020» reads as «январь – июнь».
        let words = lower.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "-", with: " - ").split(whereSeparator: { $0 == " " || $0 == "\u{a0}" })
            .filter { !($0.count == 4 && $0.allSatisfy(\.isNumber)) && $0 != "г." && $0 != "года" }
        // «до 31.05», «до 15.09».
        if words.count == 2, words[0] == "до" {
            let parts = words[1].split(separator: ".")
            if parts.count == 2, let day = Int(parts[0]), let month = Int(parts[1]), Self.exists(month, day) {
                return .day(month: month, day: day)
            }
        }
        // «1 сентября», «до 15 августа», «15 февраля».
        let dated = words.first == "до" ? Array(words.dropFirst()) : words
        if dated.count == 2, let day = Int(dated[0]), let month = month(dated[1]), Self.exists(month, day) {
            return .day(month: month, day: day)
        }
        // «с сентября», «с ноября».
        if words.count == 2, words[0] == "с", let month = month(words[1]) { return .from(month: month) }
        // «Май», «апрель-июнь», «август - октябрь».
        if words.count == 1, let month = month(words[0]) { return .months(from: month, to: month) }
        if words.count == 3, words[1] == "-", let from = month(words[0]), let to = month(words[2]), from <= to {
            return .months(from: from, to: to)
        }
        return .words
    }
}
