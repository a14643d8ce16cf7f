import Domain
import Foundation
import Testing

@testable import Documents

/// What a written sheet holds, read from its XML: each cell's type, value and number format, each column's width.
struct XLSXProbe {
    struct Cell: Equatable {
        var type: String?
        var value: String?
        var format: String
    }
    var cells: [String: Cell] = [:]
    var widths: [Int] = []

    init(_ data: Data) throws {
        let parts = try OOXML.parts(data, wanted: { $0.hasPrefix("xl/") }, maxUnpackedBytes: 10_000_000)
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        let styles = String(decoding: try #require(parts["xl/styles.xml"]), as: UTF8.self)
        var codes = [0: "General", 1: "0", 2: "0.00", 49: "@"]
        for match in styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/) {
            codes[Int(match.1)!] = String(match.2)
        }
        let xfs = try #require(styles.firstMatch(of: /<cellXfs[^>]*>(.*)<\/cellXfs>/)).1
        let formats = xfs.matches(of: /<xf numFmtId="(\d+)"/).map { codes[Int($0.1)!] ?? "?" }
        for match in sheet.matches(of: /<c r="([A-Z]+[0-9]+)" s="(\d+)"( t="(\w+)")?(\/>|>(.*?)<\/c>)/) {
            let inner = match.6.map(String.init) ?? ""
            let value =
                inner.firstMatch(of: /<v>(.*)<\/v>/).map { String($0.1) }
                ?? inner.firstMatch(of: /<t[^>]*>(.*)<\/t>/).map { String($0.1) }
            cells[String(match.1)] = Cell(
                type: match.4.map(String.init), value: value, format: formats[Int(match.2)!])
        }
        widths = sheet.matches(of: /<col min="\d+" max="\d+" width="(\d+)"/).map { Int($0.1)! }
    }
}

@Suite struct XLSXWriterTests {
    let september = CivilDay(year: 2025, month: 9, day: 1)!

    @Test func datesTimesAndNumbersAreTypedCellsWithRussianFormats() throws {
        // act
        let data = try XLSXWriter.workbook(
            sheetName: "Лист", header: ["Дата", "Начало", "Записано", "Часов", "Доля", "Шифр", "Пусто"],
            rows: [
                [
                    .date(september), .time(minutes: 9 * 60), .dateTime(september, minutes: 15 * 60 + 30),
                    .integer(64), .decimal(0.25), .text("007"), .empty,
                ]
            ])
        let probe = try XLSXProbe(data)
        // check: numbers without a text type, their formats Russian-style dates and times
        #expect(probe.cells["A2"] == .init(type: nil, value: "45901", format: "dd.mm.yyyy"))
        #expect(probe.cells["B2"] == .init(type: nil, value: "0.375", format: "hh:mm"))
        let stamp = try #require(probe.cells["C2"]?.value.flatMap(Double.init))
        #expect(abs(stamp - (45901 + 15.5 / 24)) < 1e-9)
        #expect(probe.cells["C2"]?.format == "dd.mm.yyyy hh:mm")
        #expect(probe.cells["D2"] == .init(type: nil, value: "64", format: "0"))
        #expect(probe.cells["E2"] == .init(type: nil, value: "0.25", format: "0.00"))
        #expect(probe.cells["F2"] == .init(type: "inlineStr", value: "007", format: "@"))
        #expect(probe.cells["A1"]?.type == "inlineStr")
        // and the reader shows them as a person typed them
        let table = try XLSXReader.read(data)
        #expect(table.rows.last?.prefix(6) == ["01.09.2025", "09:00", "01.09.2025", "64", "0.25", "007"])
    }

    @Test func columnsAreAsWideAsTheirContent() throws {
        let long = String(repeating: "я", count: 40)
        let data = try XLSXWriter.workbook(
            sheetName: "Лист", header: ["Дата", "Программа", "№", "Примечание"],
            rows: [
                [.date(september), .text("Робототехника"), .integer(7), .text(String(repeating: "ё", count: 200))],
                [.date(september), .text(long), .integer(12_345), .text("")],
            ])
        let widths = try XLSXProbe(data).widths
        // A date needs 10 characters, the longest programme 40, a short header its own width; nothing beyond 60.
        #expect(widths == [12, 42, 7, 60])
    }

    @Test func textSheetsStayText() throws {
        let data = try XLSXWriter.workbook(sheetName: "Шаблон", header: ["Дата рождения"], rows: [["01.09.2010"]])
        #expect(try XLSXProbe(data).cells["A2"] == .init(type: "inlineStr", value: "01.09.2010", format: "@"))
        #expect(try XLSXProbe(data).widths == [15])
    }
}
