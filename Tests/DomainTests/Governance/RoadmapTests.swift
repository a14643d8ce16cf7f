import Foundation
import Testing

@testable import Domain

/// Issue 22, item 1: the «Точка роста» roadmaps shipped as templates hold every measure of `004_5209da8e0aa92458.txt`,
/// and their deadlines turn into days of the plan's year.
@Suite struct RoadmapTests {
    func days(_ text: String, _ year: Int = 2027) -> [String] {
        RoadmapDeadline(text).days(year: year).map(\.formatted)
    }

    @Test func fixedDatesAndMonthsBecomeDays() {
        #expect(days("до 31.05") == ["31.05.2027"])
        #expect(days("до 15.09") == ["15.09.2027"])
        #expect(days("1 сентября") == ["01.09.2027"])
        #expect(days("до 15 августа") == ["15.08.2027"])
        #expect(days("15 февраля 2020") == ["15.02.2027"])
        #expect(days("Май") == ["31.05.2027"])
        #expect(days("Июнь 2020") == ["30.06.2027"])
        #expect(days("Февраль 2020", 2028) == ["29.02.2028"])
        #expect(days("декабрь") == ["31.12.2027"])
    }

    @Test func monthRangesAreDueAtTheirLastMonthsEnd() {
        #expect(days("апрель-июнь") == ["30.06.2027"])
        #expect(days("август - октябрь") == ["31.10.2027"])
        #expect(days("сентябрь – декабрь") == ["31.12.2027"])
        #expect(days("Январь – июнь 2020") == ["30.06.2027"])
        #expect(RoadmapDeadline("май-август").start(year: 2027)?.formatted == "01.05.2027")
        #expect(RoadmapDeadline("май-август").kind == .months(from: 5, to: 8))
        #expect(RoadmapDeadline("июнь").start(year: 2027) == nil)
    }

    @Test func quarterlyDeadlinesRecurAcrossTheYearsEnd() {
        #expect(
            days("до 5 числа месяца, следующего за кварталом")
                == ["05.04.2027", "05.07.2027", "05.10.2027", "05.01.2028"])
        #expect(days("ежеквартально") == ["31.03.2027", "30.06.2027", "30.09.2027", "31.12.2027"])
    }

    @Test func wordsThatMakeNoDayKeepTheirWords() {
        for text in ["по отдельному графику", "в течение года", "", "после согласования"] {
            let deadline = RoadmapDeadline(text)
            #expect(deadline.kind == .words && deadline.days(year: 2027).isEmpty && !deadline.isExact)
            #expect(deadline.text == text)
        }
        let ongoing = RoadmapDeadline("с сентября")
        #expect(ongoing.kind == .from(month: 9) && ongoing.days(year: 2027).isEmpty && !ongoing.isExact)
        #expect(ongoing.start(year: 2027)?.formatted == "01.09.2027")
        // «март» is not «май»; an impossible day is words.
        #expect(RoadmapDeadline("март").kind == .months(from: 3, to: 3))
        #expect(RoadmapDeadline("до 31.13").kind == .words)
        #expect(RoadmapDeadline("октябрь-май").kind == .words)
    }

    /// Every deadline the seed writes, and what it is read as.
    @Test func everyDeadlineOfTheSeedReadsAsItSays() {
        let expected: [String: RoadmapDeadline.Kind] = [
            "до 31.05": .day(month: 5, day: 31), "до 30.06": .day(month: 6, day: 30),
            "до 15.09": .day(month: 9, day: 15),
            "1 сентября": .day(month: 9, day: 1), "до 15 августа": .day(month: 8, day: 15),
            "15 февраля 2020": .day(month: 2, day: 15), "Май": .months(from: 5, to: 5),
            "Август": .months(from: 8, to: 8), "август": .months(from: 8, to: 8), "июнь": .months(from: 6, to: 6),
            "Июнь": .months(from: 6, to: 6), "декабрь": .months(from: 12, to: 12),
            "сентябрь": .months(from: 9, to: 9), "Сентябрь": .months(from: 9, to: 9),
            "Июнь 2020": .months(from: 6, to: 6), "Февраль 2020": .months(from: 2, to: 2),
            "Май 2020": .months(from: 5, to: 5), "Декабрь 2020": .months(from: 12, to: 12),
            "апрель-август": .months(from: 4, to: 8), "август-сентябрь": .months(from: 8, to: 9),
            "июнь-август": .months(from: 6, to: 8), "апрель-июнь": .months(from: 4, to: 6),
            "май-август": .months(from: 5, to: 8), "май-декабрь": .months(from: 5, to: 12),
            "август - октябрь": .months(from: 8, to: 10), "сентябрь-декабрь": .months(from: 9, to: 12),
            "сентябрь – декабрь": .months(from: 9, to: 12), "сентябрь - декабрь": .months(from: 9, to: 12),
            "Сентябрь-декабрь": .months(from: 9, to: 12),
            "сентябрь – декабрь 2020": .months(from: 9, to: 12), "сентябрь - декабрь 2020": .months(from: 9, to: 12),
            "Январь-декабрь 2020": .months(from: 1, to: 12), "Январь – декабрь 2020": .months(from: 1, to: 12),
            "Январь-май 2020": .months(from: 1, to: 5), "Январь – июнь 2020": .months(from: 1, to: 6),
            "с сентября": .from(month: 9), "с ноября": .from(month: 11), "ежеквартально": .quarterly,
            "до 5 числа месяца, следующего за кварталом": .afterQuarter(day: 5),
            "по отдельному графику": .words, "в течение года": .words, "": .words,
        ]
        var seen = Set<String>()
        for template in RoadmapTemplate.builtIn {
            for measure in template.measures {
                for due in [measure.centerDue, measure.authorityDue].compactMap({ $0 }) {
                    seen.insert(due.text)
                    #expect(expected[due.text] == due.kind, "«\(due.text)»: \(due.kind)")
                }
            }
        }
        #expect(seen == Set(expected.keys), "\(seen.symmetricDifference(expected.keys))")
        // A day no year has is words; 29 February only in a leap year.
        #expect(RoadmapDeadline("до 31.04").kind == .words && RoadmapDeadline("до 30 февраля").kind == .words)
        #expect(days("до 29.02", 2028) == ["29.02.2028"] && days("до 29.02", 2027).isEmpty)
    }

    @Test func everyDeadlineOfBothRoadmapsIsRead() {
        for template in RoadmapTemplate.builtIn {
            for measure in template.measures {
                for due in [measure.centerDue, measure.authorityDue].compactMap({ $0 }) {
                    let known = ["по отдельному графику", "в течение года", ""].contains(due.text)
                    #expect(due.kind != .words || known, "\(template.id) № \(measure.number ?? "—"): «\(due.text)»")
                }
            }
        }
    }

    /// The seed's two tables, cell by cell: each cell's words (HTML dropped) are in the template's field of that
    /// column, and the numbered rows come in the seed's order.
    @Test func theTemplatesHoldEveryMeasureOfTheSeed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/004_5209da8e0aa92458.txt")
        let seed = try String(contentsOf: url, encoding: .utf8)
        let parts = seed.components(separatedBy: "ТЕХНИЧЕСКОЕ ЗАДАНИЕ").dropFirst()
        #expect(parts.count == 2)
        for (part, template) in zip(parts, RoadmapTemplate.builtIn) {
            let lines = part.components(separatedBy: "\n")
            let header = try #require(lines.firstIndex { $0.hasPrefix("№\t") })
            var numbers: [String] = []
            var sections: [String] = []
            for line in lines[(header + 1)...] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let cells = line.components(separatedBy: "\t").map(Self.clean)
                let padded = cells + Array(repeating: "", count: max(0, 5 - cells.count))
                if !padded[0].isEmpty, padded[0].last != ".", padded[1...4].allSatisfy(\.isEmpty) {
                    sections.append(padded[0])
                    continue
                }
                if !padded[0].isEmpty {
                    // A numbered line's cells are the start of its row's fields (a row continued over a page adds to
                    // them, never another row's words).
                    let number = String(padded[0].dropLast())
                    numbers.append(number)
                    let rows = template.measures.filter { $0.number == number }
                    let starts = rows.contains { row in
                        [row.center, row.centerDeadline, row.authority, row.authorityDeadline].map {
                            Self.clean($0 ?? "")
                        }
                        .enumerated().allSatisfy { $0.element.hasPrefix(padded[$0.offset + 1]) }
                    }
                    #expect(starts, "\(template.id) № \(number): its cells are not its row's")
                }
                let fields: [KeyPath<RoadmapTemplate.Measure, String?>] = [
                    \.center, \.centerDeadline, \.authority, \.authorityDeadline,
                ]
                for (cell, field) in zip(padded[1...4], fields) where !cell.isEmpty {
                    #expect(
                        template.measures.contains { ($0[keyPath: field]).map(Self.clean)?.contains(cell) == true },
                        "\(template.id): «\(cell.prefix(80))»")
                }
            }
            #expect(template.sections.map(\.title) == sections)
            #expect(template.measures.compactMap(\.number) == numbers)
        }
        #expect(RoadmapTemplate.firstYear.measures.compactMap(\.number).count == 45)
        #expect(RoadmapTemplate.firstYear.measures.compactMap(\.number).last == "43")
        #expect(RoadmapTemplate.secondYear.measures.compactMap(\.number) == (1...9).map(String.init))
    }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "•", with: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
