import Domain
import Foundation
import Testing

/// The import's fast paths (issue 3's benchmark) must answer exactly as the general definitions they replace.
@Suite struct TextSpeedPathTests {
    @Test func sortKeyIsTheLowerCasedDefinition() {
        func reference(_ text: String) -> String {
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
        let samples = [
            "", "Ёлкина Варвара", "ЖУК жук", "ЯМА", "Ѐлена Ѓ", "Straße", "İlknur", "ΣΟΦΙΑ", "О'Коннор-Смит", "Ь ъ Ы",
            "123 ABC", "😀 Ё",
        ]
        for sample in samples {
            #expect(
                Array(TextKey.sort(sample).unicodeScalars) == Array(reference(sample).unicodeScalars),
                "\(sample.debugDescription)")
        }
    }

    @Test func decomposedLettersGiveTheSameBytesAsPrecomposed() {
        // «й» typed as «и» + combining breve, «ё» as «е» + diaeresis: the keys are byte-equal to the precomposed ones,
        // so
        // the database's unique index and the import's de-duplication see one child.
        #expect(Array(TextKey.normalize("Андреи\u{0306}").utf8) == Array(TextKey.normalize("Андрей").utf8))
        #expect(Array(TextKey.normalize("ЗАИ\u{0306}ЦЕВ").utf8) == Array("зайцев".utf8))
        #expect(Array(TextKey.normalize("Е\u{0308}лкин").utf8) == Array("елкин".utf8))
        #expect(ByteKey(TextKey.normalize("Андреи\u{0306}")) == ByteKey(TextKey.normalize("АНДРЕЙ")))
        #expect(ByteKey("елка") != ByteKey("ёлка"))
        #expect(Set([ByteKey("а"), ByteKey("а"), ByteKey("б")]).count == 2)
    }

    @Test func byteKeysSortInByteOrder() {
        let words = [
            "", "а", "аб", "абв", "б", "a", "ab", "Я", "я", "ёж", "еж", "иванов-ааа|2010-01-01", "иванов-аа|2010-01-01",
            "😀",
        ]
        for left in words {
            for right in words {
                #expect(
                    (ByteKey(left) < ByteKey(right)) == Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)),
                    "\(left) < \(right)")
            }
        }
    }

    @Test func datesReadOffTheBytesAsTheGeneralWay() throws {
        let msk = try #require(TimeZone(identifier: "Europe/Moscow"))
        func midnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = msk
            return cal.date(from: DateComponents(year: year, month: month, day: day))!
        }
        let cases: [(String, Date?)] = [
            ("01.09.2025", midnight(2025, 9, 1)), ("1.9.2025", midnight(2025, 9, 1)),
            ("2025-09-01", midnight(2025, 9, 1)),
            ("2025-9-1", midnight(2025, 9, 1)), (" 29.02.2024 ", midnight(2024, 2, 29)), ("29.02.2025", nil),
            ("31.04.2025", nil),
            ("01.13.2025", nil), ("00.01.2025", nil), ("01.01.1899", nil), ("01.01.25", nil), ("25-01-01", nil),
            ("01.09-2025", nil),
            ("01..2025", nil), (".01.2025", nil), ("01.01.2025.", nil), ("1234567890.1.2025", nil),
            ("+1.09.2025", midnight(2025, 9, 1)),
            ("01/09/2025", nil), ("", nil), ("завтра", nil), ("01.09.2025 10:00", nil),
        ]
        for (text, expected) in cases {
            #expect(RuDate.parse(text, timeZone: msk) == expected, "\(text.debugDescription)")
        }
    }
}
