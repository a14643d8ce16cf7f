import Foundation
import ZIPFoundation

/// Office Open XML packages (XLSX, DOCX): ZIP archives of XML parts.
public enum OOXML {
    /// Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Builds a ZIP package in memory from (path, XML text) parts, deflated.
    public static func package(_ parts: [(path: String, content: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let stamp = Date(timeIntervalSince1970: 1_577_836_800)  // fixed, so equal inputs give equal files
        for part in parts {
            let data = Data(part.content.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw TableReadError("Не удалось собрать файл.") }
        return data
    }

    /// Reads the parts of a ZIP package, refusing archives that unpack beyond the limit (zip bombs).
    static func parts(_ data: Data, wanted: (String) -> Bool, maxUnpackedBytes: Int) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw TableReadError("Файл повреждён или это не XLSX.")
        }
        var out: [String: Data] = [:]
        var total = 0
        for entry in archive where entry.type == .file && wanted(entry.path) {
            var part = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    if total > maxUnpackedBytes { throw TableReadError("Файл слишком велик после распаковки.") }
                    part.append(chunk)
                }
            } catch let error as TableReadError { throw error } catch {
                throw TableReadError("Файл повреждён: не читается часть «\(entry.path)».")
            }
            out[entry.path] = part
        }
        return out
    }
}
