import Domain
import Foundation

/// CSV as Excel and LibreOffice save it for a Russian locale: «;» (or «,» or tab) separated, quoted with «"»,
/// UTF-8 with or without BOM, or Windows-1251.
public enum CSVTable {
    /// Tokenised over UTF-8 bytes: the delimiter, quotes and line breaks are ASCII, so they never occur inside a
    /// multi-byte character, and a cell becomes a `String` once, when it ends (a 100 000-row import reads 1.4 million
    /// cells).
    public static func parse(_ data: Data, limits: TableLimits = .init()) throws -> TableFile {
        var text = try decode(data)
        let delimiter = UInt8(detectDelimiter(text).value)
        return try text.withUTF8 { bytes -> TableFile in
            let quote = UInt8(ascii: "\"")
            let cr = UInt8(ascii: "\r")
            let lf = UInt8(ascii: "\n")
            var rows: [[String]] = []
            var row: [String] = []
            var field: [UInt8] = []
            field.reserveCapacity(256)
            var inQuotes = false
            var afterQuote = false
            func endField() {
                row.append(String(decoding: field, as: UTF8.self).trimmedSpaces)
                field.removeAll(keepingCapacity: true)
                afterQuote = false
            }
            func endRow() throws {
                // A line with nothing on it at all is skipped (one with only spaces is a row of one empty cell).
                let blank = row.isEmpty && field.isEmpty
                endField()
                if !blank { rows.append(row) }
                row = []
                if rows.count > limits.maxRows + 1 {
                    throw TableReadError("В файле больше \(limits.maxRows) строк. Разделите его на части.")
                }
            }
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                i += 1
                if inQuotes {
                    if byte == quote {
                        if i < count {
                            if bytes[i] == quote {
                                field.append(quote)
                                i += 1
                            } else {
                                inQuotes = false
                                afterQuote = true
                            }
                        } else {
                            inQuotes = false
                        }
                    } else {
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case quote where field.isEmpty && !afterQuote:
                    inQuotes = true
                case delimiter:
                    endField()
                case cr:
                    if i < count, bytes[i] == lf { i += 1 }
                    try endRow()
                case lf:
                    try endRow()
                default:
                    field.append(byte)
                }
            }
            if inQuotes { throw TableReadError("Файл CSV оборван: не закрыта кавычка в строке \(rows.count + 1).") }
            if !field.isEmpty || !row.isEmpty { try endRow() }
            return TableFile(rows: rows)
        }
    }

    static func decode(_ data: Data) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Text has no NUL bytes and few control characters; a program, an image or an archive renamed to .csv has many.
        let head = bytes.prefix(4096)
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
        if head.contains(0) || controls * 20 > head.count {
            throw TableReadError(
                "Файл не похож на таблицу CSV: это, видимо, файл другого типа. Сохраните список в Excel как «CSV "
                    + "UTF-8» или как XLSX."
            )
        }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        if let text = String(data: bytes, encoding: .windowsCP1251) { return text }
        throw TableReadError("Не удалось прочитать текст файла: сохраните его в кодировке UTF-8.")
    }

    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        var counts: [Unicode.Scalar: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for scalar in firstLine.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key == ";" }
        return (best?.value ?? 0) > 0 ? best!.key : ";"
    }

    /// A CSV text that Excel opens correctly in a Russian locale: BOM, «;», CRLF.
    public static func write(_ rows: [[String]]) -> Data {
        var out = "\u{FEFF}"
        for row in rows {
            out += row.map { cell in
                cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ";")
            out += "\r\n"
        }
        return Data(out.utf8)
    }
}
