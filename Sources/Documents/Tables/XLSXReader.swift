import Foundation
import FoundationXML

#if canImport(FoundationXML)
#endif

/// Reads the first worksheet of an XLSX workbook into rows of text; dates formatted as cells show them (01.09.2025).
public enum XLSXReader {
    public static func read(_ data: Data, limits: TableLimits = .init()) throws -> TableFile {
        let parts = try OOXML.parts(data, wanted: { $0.hasPrefix("xl/") }, maxUnpackedBytes: limits.maxUnpackedBytes)
        guard let workbook = parts["xl/workbook.xml"] else {
            throw TableReadError("Файл повреждён или это не книга Excel (XLSX).")
        }
        let sheetPath = try firstSheetPath(workbook: workbook, rels: parts["xl/_rels/workbook.xml.rels"])
        guard let sheet = parts[sheetPath] else { throw TableReadError("В книге нет листа с данными.") }
        let strings = try parts["xl/sharedStrings.xml"].map(sharedStrings) ?? []
        let dateStyles = try parts["xl/styles.xml"].map(dateStyleIndexes) ?? []
        let handler = SheetHandler(strings: strings, dateStyles: dateStyles, maxRows: limits.maxRows)
        try parse(sheet, handler)
        if let error = handler.failure { throw error }
        return TableFile(rows: handler.rows.filter { !$0.allSatisfy(\.isEmpty) })
    }

    static func parse(_ data: Data, _ delegate: some XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            if let error = (delegate as? SheetHandler)?.failure { throw error }
            throw TableReadError("Файл повреждён: XML листа не читается.")
        }
    }

    static func firstSheetPath(workbook: Data, rels: Data?) throws -> String {
        let wb = ElementCollector(names: ["sheet"])
        try parse(workbook, wb)
        guard let first = wb.elements.first else { throw TableReadError("В книге нет листов.") }
        let rid = first["r:id"] ?? first.first(where: { $0.key.hasSuffix(":id") })?.value
        if let rels, let rid {
            let relationships = ElementCollector(names: ["Relationship"])
            try parse(rels, relationships)
            if let target = relationships.elements.first(where: { $0["Id"] == rid })?["Target"] {
                return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        return "xl/worksheets/sheet1.xml"
    }

    static func sharedStrings(_ data: Data) throws -> [String] {
        let handler = SharedStringsHandler()
        try parse(data, handler)
        return handler.strings
    }

    /// Indexes of cell formats (`cellXfs`) whose number format is a date.
    static func dateStyleIndexes(_ data: Data) throws -> Set<Int> {
        let handler = StylesHandler()
        try parse(data, handler)
        var result = Set<Int>()
        for (i, fmt) in handler.cellFormats.enumerated() {
            if (14...22).contains(fmt) || (45...47).contains(fmt) {
                result.insert(i)
                continue
            }
            if let code = handler.customFormats[fmt], isDateCode(code) { result.insert(i) }
        }
        return result
    }

    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            if character == "\"" {
                inQuotes.toggle()
                continue
            }
            if character == "[" {
                inBrackets = true
                continue
            }
            if character == "]" {
                inBrackets = false
                continue
            }
            if !inQuotes && !inBrackets && (character == "d" || character == "y" || character == "m") { return true }
        }
        return false
    }

    /// Excel's serial day number (1900 system) as «дд.мм.гггг».
    public static func serialDate(_ serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let base = cal.date(from: DateComponents(year: 1899, month: 12, day: 30))!
        guard let date = cal.date(byAdding: .day, value: Int(serial.rounded(.down)), to: base) else { return nil }
        let components = cal.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d.%02d.%04d", components.day!, components.month!, components.year!)
    }

    /// A time of day as Excel keeps it (a fraction of a day: 0.375) as «чч:мм» (09:00).
    public static func serialTime(_ serial: Double) -> String? {
        guard serial >= 0, serial < 1 else { return nil }
        let minutes = Int((serial * 1440).rounded())
        return String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60)
    }

    /// Column index from a cell reference: «C7» → 2.
    static func column(_ ref: String) -> Int? {
        // Excel has at most three column letters (XFD); longer references are malformed and read as «no column».
        var index = 0
        var letters = 0
        for scalar in ref.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return letters > 0 ? index - 1 : nil
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    let names: Set<String>
    var elements: [[String: String]] = []
    init(names: Set<String>) { self.names = names }
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if names.contains(name) { elements.append(attributes) }
    }
}

final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false, inPhonetic = false
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }
}

final class StylesHandler: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var inCellXfs = false
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

final class SheetHandler: NSObject, XMLParserDelegate {
    let strings: [String]
    let dateStyles: Set<Int>
    let maxRows: Int
    var rows: [[String]] = []
    var row: [String] = []
    var cellColumn = 0, cellType = "", cellStyle = 0
    var value = ""
    var capturing = false
    var failure: TableReadError?

    init(strings: [String], dateStyles: Set<Int>, maxRows: Int) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.maxRows = maxRows
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row":
            row = []
            if let rowNumber = attributes["r"].flatMap(Int.init), rowNumber >= 1, rowNumber <= 10_000_000,
                rowNumber - 1 > rows.count,
                rowNumber - 1 - rows.count < 10_000
            {
                rows.append(contentsOf: Array(repeating: [], count: rowNumber - 1 - rows.count))
            }
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.column) ?? row.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v", "t": capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": capturing = false
        case "c":
            guard cellColumn < 200 else { return }
            var text = value
            switch cellType {
            case "s": text = Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "да" : "нет"
            case "n":
                if dateStyles.contains(cellStyle), let serial = Double(value),
                    let formatted = XLSXReader.serialDate(serial) ?? XLSXReader.serialTime(serial)
                {
                    text = formatted
                } else if let number = Double(value), number == number.rounded(), abs(number) < 1e15 {
                    text = String(Int64(number))
                }
            default: break
            }
            if row.count < cellColumn { row.append(contentsOf: Array(repeating: "", count: cellColumn - row.count)) }
            if row.count == cellColumn { row.append(text.trimmingCharacters(in: .whitespaces)) }
        case "row":
            rows.append(row)
            if rows.count > maxRows + 1 {
                failure = TableReadError("В файле больше \(maxRows) строк. Разделите его на части.")
                parser.abortParsing()
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { value += string }
    }
}
