import Foundation
import FoundationXML

/// Writes a one-sheet XLSX workbook: a bold header row frozen at the top, typed cells (`XLSXCell`: text, numbers, dates
/// and times with Russian formats) and columns as wide as their content.
public enum XLSXWriter {
    /// A sheet of text only (an import template: what the user types stays as typed, leading zeros and all).
    public static func workbook(sheetName: String, header: [String], rows: [[String]]) throws -> Data {
        try workbook(sheetName: sheetName, header: header, rows: rows.map { $0.map(XLSXCell.text) })
    }

    public static func workbook(sheetName: String, header: [String], rows: [[XLSXCell]]) throws -> Data {
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
        func rowXML(_ cells: [XLSXCell], _ rowNumber: Int) -> String {
            "<row r=\"\(rowNumber)\">" + cells.enumerated().map { i, cell in cell.xml(ref(i, rowNumber)) }.joined()
                + "</row>"
        }
        // A column's own style is its first value's, so that a value typed below in Excel takes the same format.
        let columnStyles = XLSXCell.widths(header: header, rows: rows).enumerated().map { i, width in
            let style = rows.first.flatMap { i < $0.count ? $0[i].style : nil } ?? .text
            return "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\" "
                + "style=\"\(style.rawValue)\"/>"
        }
        let cols = columnStyles.isEmpty ? "" : "<cols>" + columnStyles.joined() + "</cols>"
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        sheet +=
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView "
            + "workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
            + "state=\"frozen\"/></sheetView></sheetViews>\(cols)<sheetData>"
        sheet +=
            "<row r=\"1\">"
            + header.enumerated().map { i, title in
                "<c r=\"\(ref(i, 1))\" s=\"\(XLSXCell.Style.header.rawValue)\" t=\"inlineStr\"><is><t "
                    + "xml:space=\"preserve\">\(OOXML.escape(title))</t></is></c>"
            }.joined() + "</row>"
        for (i, row) in rows.enumerated() { sheet += rowXML(row, i + 2) }
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
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3">\
                <numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="hh:mm"/>\
                <numFmt numFmtId="166" formatCode="dd.mm.yyyy hh:mm"/></numFmts><fonts count="2"><font>\
                <sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill \
                patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1">\
                <xf/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1" \
                applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/>\
                <xf numFmtId="1" fontId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" applyNumberFormat="1"/>\
                <xf numFmtId="164" fontId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" \
                applyNumberFormat="1"/><xf numFmtId="166" fontId="0" applyNumberFormat="1"/></cellXfs>\
                </styleSheet>
                """
            ),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}
