import Foundation

/// A printable document described once and produced two ways: as DOCX (Office Open XML, `DOCXWriter`) and as an
/// A4 HTML page (`Views.DocumentPage`). The ИУП, the guardian agreement, the school↔centre contract and, later,
/// the authority's orders are all built as this model.
public struct DocModel: Sendable, Equatable {
    public enum Align: String, Sendable { case left, center, right, both }

    public struct Run: Sendable, Equatable {
        public var text: String
        public var bold: Bool
        public var italic: Bool
        public init(_ text: String, bold: Bool = false, italic: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
        }
    }

    public enum Block: Sendable, Equatable {
        case heading(String, level: Int)
        case paragraph([Run], align: Align)
        /// A table with a header row; widths in relative units (optional).
        case table(header: [String], rows: [[String]], widths: [Int])
        /// Signature lines: (role, name) with room to sign.
        case signatures([(String, String)])
        case pageBreak

        public static func == (lhs: Block, rhs: Block) -> Bool {
            switch (lhs, rhs) {
            case (.heading(let lhsText, let lhsLevel), .heading(let rhsText, let rhsLevel)):
                lhsText == rhsText && lhsLevel == rhsLevel
            case (.paragraph(let lhsRuns, let lhsAlign), .paragraph(let rhsRuns, let rhsAlign)):
                lhsRuns == rhsRuns && lhsAlign == rhsAlign
            case (.table(let h1, let r1, let w1), .table(let h2, let r2, let w2)): h1 == h2 && r1 == r2 && w1 == w2
            case (.signatures(let lhsLines), .signatures(let rhsLines)):
                lhsLines.map(\.0) == rhsLines.map(\.0) && lhsLines.map(\.1) == rhsLines.map(\.1)
            case (.pageBreak, .pageBreak): true
            default: false
            }
        }
    }

    public var title: String
    public var blocks: [Block]
    public var landscape: Bool

    public init(title: String, blocks: [Block] = [], landscape: Bool = false) {
        self.title = title
        self.blocks = blocks
        self.landscape = landscape
    }

    public mutating func heading(_ text: String, level: Int = 1) { blocks.append(.heading(text, level: level)) }
    public mutating func paragraph(_ text: String, align: Align = .both, bold: Bool = false) {
        blocks.append(.paragraph([Run(text, bold: bold)], align: align))
    }
    public mutating func paragraph(_ runs: [Run], align: Align = .both) {
        blocks.append(.paragraph(runs, align: align))
    }
    /// «Label: value» with the label in bold.
    public mutating func field(_ label: String, _ value: String) {
        blocks.append(.paragraph([Run(label + ": ", bold: true), Run(value)], align: .left))
    }
    public mutating func table(_ header: [String], _ rows: [[String]], widths: [Int] = []) {
        blocks.append(.table(header: header, rows: rows, widths: widths))
    }
    public mutating func signatures(_ lines: [(String, String)]) { blocks.append(.signatures(lines)) }
}

/// Stored as JSON, so a signed order keeps exactly the document it was signed as.
extension DocModel: Codable {
    private struct Stored: Codable {
        var kind: String
        var text: String?
        var level: Int?
        var runs: [StoredRun]?
        var align: String?
        var header: [String]?
        var rows: [[String]]?
        var widths: [Int]?
    }
    private struct StoredRun: Codable {
        var text: String
        var bold: Bool
        var italic: Bool
    }
    private enum Keys: String, CodingKey { case title, blocks, landscape }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        title = try container.decode(String.self, forKey: .title)
        landscape = try container.decode(Bool.self, forKey: .landscape)
        blocks = try container.decode([Stored].self, forKey: .blocks).map { stored in
            switch stored.kind {
            case "heading": return .heading(stored.text ?? "", level: stored.level ?? 1)
            case "paragraph":
                return .paragraph(
                    (stored.runs ?? []).map { Run($0.text, bold: $0.bold, italic: $0.italic) },
                    align: Align(rawValue: stored.align ?? "") ?? .left)
            case "table":
                return .table(header: stored.header ?? [], rows: stored.rows ?? [], widths: stored.widths ?? [])
            case "signatures":
                return .signatures((stored.rows ?? []).map { ($0.first ?? "", $0.dropFirst().first ?? "") })
            default: return .pageBreak
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(title, forKey: .title)
        try container.encode(landscape, forKey: .landscape)
        try container.encode(
            blocks.map { block -> Stored in
                switch block {
                case .heading(let text, let level): Stored(kind: "heading", text: text, level: level)
                case .paragraph(let runs, let align):
                    Stored(
                        kind: "paragraph",
                        runs: runs.map { StoredRun(text: $0.text, bold: $0.bold, italic: $0.italic) },
                        align: align.rawValue)
                case .table(let header, let rows, let widths):
                    Stored(kind: "table", header: header, rows: rows, widths: widths)
                case .signatures(let lines): Stored(kind: "signatures", rows: lines.map { [$0.0, $0.1] })
                case .pageBreak: Stored(kind: "pageBreak")
                }
            }, forKey: .blocks)
    }
}
