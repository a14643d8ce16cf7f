import Foundation

/// Writes a `DocModel` as a DOCX file: A4, Times New Roman, tables with borders, no external parts.
public enum DOCXWriter {
    public static func data(_ doc: DocModel) throws -> Data {
        try OOXML.package([
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" \
                ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" \
                ContentType="application/xml"/><Override PartName="/word/document.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                <Override PartName="/word/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override \
                PartName="/docProps/core.xml" \
                ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship \
                Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/><Relationship Id="rId2" \
                Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
                Target="docProps/core.xml"/></Relationships>
                """
            ),
            (
                "word/_rels/document.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship \
                Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
                Target="styles.xml"/></Relationships>
                """
            ),
            (
                "docProps/core.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(OOXML.escape(doc.title))</dc:title>\
                <dc:creator>Сетка</dc:creator></cp:coreProperties>
                """
            ),
            ("word/styles.xml", styles),
            ("word/document.xml", document(doc)),
        ])
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault>\
        <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times \
        New Roman"/><w:sz w:val="24"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing \
        w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style \
        w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style \
        w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:jc \
        w:val="center"/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>\
        </w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn \
        w:val="Normal"/><w:pPr><w:spacing w:before="200" w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr>\
        </w:style><w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top \
        w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" \
        w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" \
        w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="80" \
        w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>
        """

    static func runs(_ runs: [DocModel.Run]) -> String {
        runs.map { run in
            let props = (run.bold ? "<w:b/>" : "") + (run.italic ? "<w:i/>" : "")
            // Line breaks inside a run become <w:br/>.
            let parts = run.text.components(separatedBy: "\n").map {
                "<w:t xml:space=\"preserve\">\(OOXML.escape($0))</w:t>"
            }
            return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + parts.joined(separator: "<w:br/>")
                + "</w:r>"
        }.joined()
    }

    static func paragraph(_ runs: [DocModel.Run], align: DocModel.Align, style: String? = nil) -> String {
        "<w:p><w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")
            + "<w:jc w:val=\"\(align.rawValue)\"/></w:pPr>" + Self.runs(runs) + "</w:p>"
    }

    static func document(_ doc: DocModel) -> String {
        let pageWidth = doc.landscape ? 16838 : 11906
        let pageHeight = doc.landscape ? 11906 : 16838
        let margin = 1134
        let textWidth = pageWidth - 2 * margin - 567
        var body = ""
        for block in doc.blocks {
            switch block {
            case .heading(let text, let level):
                body += paragraph(
                    [.init(text)], align: level == 1 ? .center : .left, style: level == 1 ? "Heading1" : "Heading2")
            case .paragraph(let runs, let align):
                body += paragraph(runs, align: align)
            case .table(let header, let rows, let widths):
                let columns = max(header.count, rows.map(\.count).max() ?? 0)
                guard columns > 0 else { continue }
                let units = widths.count == columns ? widths : Array(repeating: 1, count: columns)
                let total = max(1, units.reduce(0, +))
                let twips = units.map { textWidth * $0 / total }
                body +=
                    "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"\(textWidth)\" "
                    + "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                body += twips.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                func row(_ cells: [String], header: Bool) -> String {
                    "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                        + (0..<columns).map { column in
                            "<w:tc><w:tcPr><w:tcW w:w=\"\(twips[column])\" w:type=\"dxa\"/></w:tcPr>"
                                + paragraph(
                                    [.init(column < cells.count ? cells[column] : "", bold: header)], align: .left)
                                + "</w:tc>"
                        }.joined() + "</w:tr>"
                }
                if !header.isEmpty { body += row(header, header: true) }
                for cells in rows { body += row(cells, header: false) }
                body += "</w:tbl>" + paragraph([], align: .left)
            case .signatures(let lines):
                for (role, name) in lines {
                    body += paragraph(
                        [.init(role + ": ", bold: true), .init("____________________ / \(name) /")], align: .left)
                }
            case .pageBreak:
                body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }
        let orient = doc.landscape ? " w:orient=\"landscape\"" : ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:body>\(body)<w:sectPr><w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"\(orient)/><w:pgMar \
            w:top="\(margin)" w:right="\(margin / 2 + 283)" w:bottom="\(margin)" w:left="\(margin + 567)" \
            w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }
}
