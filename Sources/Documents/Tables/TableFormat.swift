import Domain
import Foundation

public enum TableFormat: String, Sendable {
    case csv, xlsx

    /// The format from the file's name and first bytes (an XLSX is a ZIP: «PK\u{3}\u{4}»).
    public static func detect(fileName: String, data: Data) -> TableFormat? {
        let lower = fileName.lowercased()
        let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if lower.hasSuffix(".xlsx") || isZip { return isZip ? .xlsx : nil }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") { return .csv }
        return nil
    }
}
