import Foundation
import Testing

@testable import Documents

/// What a downloaded sheet holds, read from its XML (as DocumentsTests' probe): each cell's type, value and number format, each column's width.
struct XLSXProbe {
    struct Cell: Equatable {
        var type: String?
        var value: String?
        var format: String
    }
    var cells: [String: Cell] = [:]
    var widths: [Int] = []

    init(_ data: Data) throws {
        let parts = try OOXML.parts(data, wanted: { $0.hasPrefix("xl/") }, maxUnpackedBytes: 10_000_000)
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        let styles = String(decoding: try #require(parts["xl/styles.xml"]), as: UTF8.self)
        var codes = [0: "General", 1: "0", 2: "0.00", 49: "@"]
        for match in styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/) {
            codes[Int(match.1)!] = String(match.2)
        }
        let xfs = try #require(styles.firstMatch(of: /<cellXfs[^>]*>(.*)<\/cellXfs>/)).1
        let formats = xfs.matches(of: /<xf numFmtId="(\d+)"/).map { codes[Int($0.1)!] ?? "?" }
        for match in sheet.matches(of: /<c r="([A-Z]+[0-9]+)" s="(\d+)"( t="(\w+)")?(\/>|>(.*?)<\/c>)/) {
            let inner = match.6.map(String.init) ?? ""
            let value =
                inner.firstMatch(of: /<v>(.*)<\/v>/).map { String($0.1) }
                ?? inner.firstMatch(of: /<t[^>]*>(.*)<\/t>/).map { String($0.1) }
            cells[String(match.1)] = Cell(
                type: match.4.map(String.init), value: value, format: formats[Int(match.2)!])
        }
        widths = sheet.matches(of: /<col min="\d+" max="\d+" width="(\d+)"/).map { Int($0.1)! }
    }
}
