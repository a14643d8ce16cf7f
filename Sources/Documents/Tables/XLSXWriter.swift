import Foundation
import FoundationXML

/// Writes a one-sheet XLSX workbook: a bold header row, every cell as text (so dates and leading zeros stay as typed).
public enum XLSXWriter {
    public static func workbook(sheetName: String, header: [String], rows: [[String]], columnWidths: [Int] = []) throws
        -> Data
    {
        func ref(_ col: Int, _ row: Int) -> String {
            var number = col + 1
            var letters = ""
            while number > 0 {
                let remainder = (number - 1) % 26
                letters = String(UnicodeScalar(65 + remainder)!) + letters
                number = (number - 1) / 26
            }
            return "\(letters)\(row)"
        }
        func rowXML(_ cells: [String], _ rowNumber: Int, style: Int) -> String {
            "<row r=\"\(rowNumber)\">"
                + cells.enumerated().map { i, cell in
                    "<c r=\"\(ref(i, rowNumber))\" t=\"inlineStr\" s=\"\(style)\"><is><t "
                        + "xml:space=\"preserve\">\(OOXML.escape(cell))</t></is></c>"
                }.joined() + "</row>"
        }
        let cols =
            columnWidths.isEmpty
            ? ""
            : "<cols>"
                + columnWidths.enumerated().map { i, width in
                    "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\" style=\"2\"/>"
                }.joined() + "</cols>"
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        sheet +=
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView "
            + "workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
            + "state=\"frozen\"/></sheetView></sheetViews>\(cols)<sheetData>"
        sheet += rowXML(header, 1, style: 1)
        for (i, row) in rows.enumerated() { sheet += rowXML(row, i + 2, style: 2) }
        sheet += "</sheetData></worksheet>"
        let name = OOXML.escape(String(sheetName.prefix(31)))
        return try OOXML.package([
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" \
                ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" \
                ContentType="application/xml"/><Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override \
                PartName="/xl/worksheets/sheet1.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override \
                PartName="/xl/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship \
                Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet \
                name="\(name)" sheetId="1" r:id="rId1"/></sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship \
                Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet1.xml"/><Relationship Id="rId2" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """
            ),
            (
                "xl/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font>\
                <sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill \
                patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1">\
                <xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1" \
                applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/></cellXfs>\
                </styleSheet>
                """
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}
