import Foundation

/// The small checks the import's rows go through: column order, name letters, ages, and how two rows for one child differ.
extension StudentImport {
    static func order(_ key: String) -> Int { columns.firstIndex { $0.key == key } ?? columns.count }

    /// Whole years from a birth date to a day, both as calendar dates in the zone.
    static func fullYears(from birth: Date, to day: Date, timeZone: TimeZone) -> Int {
        let (by, bm, bd) = RuDate.civil(of: birth, timeZone: timeZone)
        let (ty, tm, td) = RuDate.civil(of: day, timeZone: timeZone)
        return ty - by - ((tm, td) < (bm, bd) ? 1 : 0)
    }

    /// Titles of the columns in which two rows for the same child disagree.
    static func differences(_ a: Row, _ b: Row) -> [String] {
        var out: [String] = []
        func check(_ key: String, _ x: String?, _ y: String?) {
            if (x ?? "") != (y ?? "") { out.append("«\(columns.first { $0.key == key }!.title)»") }
        }
        check("sex", a.sex, b.sex); check("grade", String(a.grade), String(b.grade)); check("letter", a.letter, b.letter)
        check("specialNeeds", String(a.specialNeeds), String(b.specialNeeds))
        check("consentOn", a.consentOn.map { String($0.timeIntervalSince1970) }, b.consentOn.map { String($0.timeIntervalSince1970) })
        check("consentBy", a.consentBy, b.consentBy); check("guardianName", a.guardianName, b.guardianName)
        check("guardianPhone", a.guardianPhone, b.guardianPhone); check("guardianEmail", a.guardianEmail, b.guardianEmail)
        return out
    }

    /// `body` for 0..<count, in order; a large file's rows are checked on every core, a part each (a file of 100 000
    /// rows takes most of a second on one).
    public static func inParts<T>(_ count: Int, minimumPart: Int = 10_000, maximumParts: Int? = nil, _ body: @Sendable (Int) -> T) -> [T] {
        let parts = min(maximumParts ?? ProcessInfo.processInfo.activeProcessorCount, count / minimumPart)
        guard parts > 1 else { return (0 ..< count).map(body) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                // Each part writes its own indices only.
                for i in count * p / parts ..< count * (p + 1) / parts { (base + i).initialize(to: body(i)) }
            }
            initialized = count
        }
    }

    /// A distinct made-up word for every number, its digits written as Cyrillic letters: surnames for generated files
    /// (the benchmark, tests of large imports) that are valid names and never repeat.
    public static func madeUpWord(_ k: Int) -> String {
        let letters = Array("абвгдежзиклмнопрстуфхцчшэюя")
        var k = k, out = ""
        repeat { out.append(letters[k % letters.count]); k /= letters.count } while k > 0
        return out
    }
}

/// A surname, given name or patronymic as the registry keeps it (the import and the student's form check the same).
public enum PersonName {
    public static let message = "Только буквы, пробел, дефис и апостроф."

    /// A name as pasted from a word processor: no-break spaces become spaces, the typographic hyphens and the en dash a
    /// hyphen, so that the same name typed and pasted is one person (the identity key compares bytes).
    public static func clean(_ s: String?) -> String? {
        guard let s, s.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { c -> Unicode.Scalar in
            switch c.value {
            case 0xA0, 0x202F: " "
            case 0x2010, 0x2011, 0x2012, 0x2013: "-"
            default: c
            }
        }))
    }

    /// Letters of any alphabet (with their accents), space, hyphen, apostrophes and the dot of an abbreviation; at least
    /// one letter, and no accent before the first.
    public static func isValid(_ s: String) -> Bool {
        var sawLetter = false
        for c in s.unicodeScalars {
            switch c.value {
            // Russian and Latin letters are answered without Foundation's `CharacterSet` (imports check every name).
            case 0x41...0x5A, 0x61...0x7A, 0x0410...0x044F, 0x0401, 0x0451: sawLetter = true
            case 0x20, 0x2D, 0x27, 0x2019, 0x2E: continue
            default:
                if CharacterSet.nonBaseCharacters.contains(c) { if !sawLetter { return false } }
                else if CharacterSet.letters.contains(c) { sawLetter = true }
                else { return false }
            }
        }
        return sawLetter
    }
}

extension FieldErrors {
    /// A surname, given name or patronymic from a form or a file: cleaned (`PersonName.clean`), required or optional,
    /// at most 100 characters, and a name (`PersonName.isValid`) — one check for the student's and staff forms and the import.
    public mutating func personName(_ field: String, _ value: String?, required: Bool) -> String? {
        let cleaned = PersonName.clean(value)
        let v = required ? self.required(field, cleaned, max: 100) : optional(field, cleaned, max: 100)
        if let v, !v.isEmpty, !PersonName.isValid(v) { add(field, PersonName.message) }
        return v
    }
}

/// The letter of a class («10А»): up to three letters, nothing else.
public enum ClassLetter {
    public static let message = "Буква класса — до трёх букв: А, Б, В…"

    public static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 3 && s.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) && !CharacterSet.nonBaseCharacters.contains($0) }
    }

    /// As kept: composed («й» typed as «и» and a breve becomes one letter), upper case — «10б» and «10Б» are one class.
    public static func normalized(_ s: String) -> String { s.precomposedStringWithCanonicalMapping.uppercased() }
}
