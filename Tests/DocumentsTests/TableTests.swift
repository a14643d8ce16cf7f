import Documents
import Foundation
import Testing

@Suite struct CSVTests {
    @Test func semicolonQuotedAndBOM() throws {
        let text = "\u{FEFF}Фамилия;Имя;Примечание\r\nЁлкина;Анна;\"строка; с \"\"кавычками\"\"\"\r\n\r\nИванов;Пётр;\n"
        let table = try CSVTable.parse(Data(text.utf8))
        #expect(
            table.rows == [
                ["Фамилия", "Имя", "Примечание"], ["Ёлкина", "Анна", "строка; с \"кавычками\""],
                ["Иванов", "Пётр", ""],
            ])
    }

    @Test func commaDelimiterAndMultilineField() throws {
        let table = try CSVTable.parse(Data("a,b\n\"x\ny\",2\n".utf8))
        #expect(table.rows == [["a", "b"], ["x\ny", "2"]])
    }

    @Test func edgeCasesOfTheByteTokenizer() throws {
        // A line of spaces is a row of one empty cell, an empty line is skipped; text after a closing quote joins the
        // cell; a quote inside a cell is kept; a lone CR ends a line; cells are trimmed; a last line without a break
        // counts.
        let text = "a;b\n   \n\n\"x\"y;q\"r\rЁлка ; «Ель» \r\n\"\";  \n\"end\""
        let table = try CSVTable.parse(Data(text.utf8))
        #expect(table.rows == [["a", "b"], [""], ["xy", "q\"r"], ["Ёлка", "«Ель»"], ["", ""], ["end"]])
    }

    @Test func windows1251IsDecoded() throws {
        let data = "Фамилия;Имя\nЖуков;Ёж\n".data(using: .windowsCP1251)!
        #expect(try CSVTable.parse(data).rows == [["Фамилия", "Имя"], ["Жуков", "Ёж"]])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: TableReadError.self) { try CSVTable.parse(Data("a;b\n\"x;y\n".utf8)) }
    }

    @Test func tooManyRowsRefused() {
        let text = (0..<20).map { "r\($0);x" }.joined(separator: "\n")
        #expect(throws: TableReadError.self) { try CSVTable.parse(Data(text.utf8), limits: TableLimits(maxRows: 5)) }
    }

    @Test func writeRoundTrips() throws {
        let rows = [["Фамилия", "Примечание"], ["Ёлкин", "a;b \"c\""]]
        #expect(try CSVTable.parse(CSVTable.write(rows)).rows == rows)
    }
}

@Suite struct XLSXTests {
    @Test func writtenWorkbookReadsBack() throws {
        let data = try XLSXWriter.workbook(
            sheetName: "Обучающиеся", header: ["Фамилия", "Дата рождения"],
            rows: [["Ёлкин & <сын>", "01.09.2010"], ["", "007"]])
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let table = try XLSXReader.read(data)
        #expect(table.rows == [["Фамилия", "Дата рождения"], ["Ёлкин & <сын>", "01.09.2010"], ["", "007"]])
    }

    @Test func sharedStringsNumbersAndDateCells() throws {
        // A workbook as Excel saves it: shared strings, a date typed as a date (serial + date style), a number.
        let data = try OOXMLFixture.workbook(
            sharedStrings: ["Фамилия", "Дата", "Класс", "Петрова"],
            sheetRows: [
                #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>"#,
                #"<c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>40452</v></c><c r="C2"><v>10</v></c>"#,
                #"<c r="A4" t="s"><v>3</v></c><c r="C4"><v>9</v></c>"#,
            ])
        let table = try XLSXReader.read(data)
        #expect(table.rows == [["Фамилия", "Дата", "Класс"], ["Петрова", "01.10.2010", "10"], ["Петрова", "", "9"]])
    }

    @Test func notAZipIsAClearError() {
        #expect(throws: TableReadError.self) { try XLSXReader.read(Data("PK\u{3}\u{4}garbage".utf8)) }
        #expect(throws: TableReadError.self) {
            try TableReader.read(Data([0xD0, 0xCF, 0x11, 0xE0]), fileName: "old.xls")
        }
    }

    @Test func serialDates() {
        #expect(XLSXReader.serialDate(1) == "31.12.1899")
        #expect(XLSXReader.serialDate(45901) == "01.09.2025")
    }
}

/// Builds a minimal workbook by hand, the way Excel lays one out (not through our writer).
enum OOXMLFixture {
    static func workbook(sharedStrings: [String], sheetRows: [String]) throws -> Data {
        let sst =
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + sharedStrings.map { "<si><t>\(OOXML.escape($0))</t></si>" }.joined() + "</sst>"
        let rows = sheetRows.enumerated().map { i, cells -> String in
            let rowNumber = cells.contains("A4") ? 4 : i + 1
            return "<row r=\"\(rowNumber)\">\(cells)</row>"
        }.joined()
        return try OOXML.package([
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet "
                    + "name=\"Лист1\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                    + "Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>"
            ),
            ("xl/sharedStrings.xml", sst),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts "
                    + "count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts><cellXfs "
                    + "count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
            ),
            (
                "xl/worksheets/data.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData>\(rows)</sheetData></worksheet>"
            ),
        ])
    }
}

@Suite struct MalformedXLSXTests {
    @Test func hostileCellReferencesAndIndexesDoNotCrash() throws {
        let data = try OOXMLFixture.workbook(
            sharedStrings: ["Фамилия"],
            sheetRows: [
                #"<c r="ZZZZZZZZZZZZZZZZZZZZ1" t="s"><v>0</v></c><c r="A1" t="s"><v>-1</v></c>"#
                    + #"<c r="B1" t="s"><v>99999999999999999999</v></c><c r="C1" t="s"><v>0</v></c>"#
            ])
        let table = try XLSXReader.read(data)
        #expect(table.rows.first?.last == "Фамилия")
        // A row number at the edge of Int.
        let edge = try OOXMLFixture.rawSheet(
            #"<row r="-9223372036854775808"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#
                + #"<row r="9223372036854775807"><c r="A2"><v>1</v></c></row>"#
        )
        #expect(try XLSXReader.read(edge).rows.count == 2)
    }
}

extension OOXMLFixture {
    static func rawSheet(_ rows: String) throws -> Data {
        try OOXML.package([
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet "
                    + "name=\"1\" sheetId=\"1\"/></sheets></workbook>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData>\(rows)</sheetData></worksheet>"
            ),
        ])
    }
}
