import Foundation

/// A scan of an achievement's supporting document (issue 21, item 2: «an uploaded scan, size- and type-checked …,
/// served as an attachment»): its kind is read from the content, never from the name or the browser's type.
public enum DocumentScan: String, Sendable, CaseIterable {
    case pdf, jpeg, png

    /// The largest scan accepted.
    public static let maxBytes = 5 * 1_048_576

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The kind of a file by its first bytes, nil for anything else.
    public static func kind(of data: Data) -> DocumentScan? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// Why a file is not accepted, in Russian; nil when it is.
    public static func problem(_ data: Data) -> String? {
        if data.isEmpty { return "Файл пустой." }
        if data.count > maxBytes { return "Файл больше 5 МБ. Уменьшите разрешение скана или сохраните его в PDF." }
        if kind(of: data) == nil {
            return "Загрузите скан в PDF, JPEG или PNG: содержимое файла не похоже ни на один из них."
        }
        return nil
    }

    /// The name shown for an uploaded file: its last path component, without control characters and quotes, at most
    /// 100 characters (the name is only shown; downloads get a name Setka makes).
    public static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }
        let name = String(String.UnicodeScalarView(clean)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "скан" : String(name.prefix(100))
    }
}
