import Foundation

/// The small checks the import's rows go through: column order, ages, and how two rows for one child differ (names:
/// `PersonName`).
extension StudentImport {
    static func order(_ key: String) -> Int { columns.firstIndex { $0.key == key } ?? columns.count }

    /// Whole years from a birth date to a day, both as calendar dates in the zone.
    static func fullYears(from birth: Date, to day: Date, timeZone: TimeZone) -> Int {
        let (by, bm, bd) = RuDate.civil(of: birth, timeZone: timeZone)
        let (ty, tm, td) = RuDate.civil(of: day, timeZone: timeZone)
        return ty - by - ((tm, td) < (bm, bd) ? 1 : 0)
    }

    /// Titles of the columns in which two rows for the same child disagree.
    static func differences(_ first: Row, _ second: Row) -> [String] {
        var out: [String] = []
        func check(_ key: String, _ firstValue: String?, _ secondValue: String?) {
            if (firstValue ?? "") != (secondValue ?? "") { out.append("«\(columns.first { $0.key == key }!.title)»") }
        }
        check("sex", first.sex, second.sex)
        check("grade", String(first.grade), String(second.grade))
        check("letter", first.letter, second.letter)
        check("specialNeeds", String(first.specialNeeds), String(second.specialNeeds))
        check(
            "consentOn", first.consentOn.map { String($0.timeIntervalSince1970) },
            second.consentOn.map { String($0.timeIntervalSince1970) })
        check("consentBy", first.consentBy, second.consentBy)
        check("guardianName", first.guardianName, second.guardianName)
        check("guardianPhone", first.guardianPhone, second.guardianPhone)
        check("guardianEmail", first.guardianEmail, second.guardianEmail)
        return out
    }

    /// `body` for 0..<count, in order; a large file's rows are checked on every core, a part each (a file of 100 000
    /// rows takes most of a second on one).
    public static func inParts<T>(
        _ count: Int, minimumPart: Int = 10_000, maximumParts: Int? = nil, _ body: @Sendable (Int) -> T
    ) -> [T] {
        let parts = min(maximumParts ?? ProcessInfo.processInfo.activeProcessorCount, count / minimumPart)
        guard parts > 1 else { return (0..<count).map(body) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                // Each part writes its own indices only.
                for i in count * part / parts..<count * (part + 1) / parts { (base + i).initialize(to: body(i)) }
            }
            initialized = count
        }
    }

    /// A distinct made-up word for every number, its digits written as Cyrillic letters: surnames for generated files
    /// (the benchmark, tests of large imports) that are valid names and never repeat.
    public static func madeUpWord(_ number: Int) -> String {
        let letters = Array("абвгдежзиклмнопрстуфхцчшэюя")
        var number = number
        var out = ""
        repeat {
            out.append(letters[number % letters.count])
            number /= letters.count
        } while number > 0
        return out
    }
}
