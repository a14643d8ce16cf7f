import Documents
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct DOCXTests {
    static func sample() -> DocModel {
        var model = DocModel(title: "Индивидуальный учебный план")
        model.heading("Индивидуальный учебный план обучающегося")
        model.field("Обучающийся", "Ёлкин Артём Ильич & сын <тест>")
        model.paragraph("Строка\nс переносом", align: .both)
        model.table(
            ["№", "Курс", "Часов"], [["1", "Олимпиадная математика", "64"], ["2", "Химия в задачах «плюс»", "32"]],
            widths: [1, 6, 2])
        model.signatures([("Родитель (законный представитель)", "Ёлкина В. Н.")])
        model.blocks.append(.pageBreak)
        return model
    }

    @Test func docxIsAZipWhosePartsAreWellFormedXML() throws {
        let data = try DOCXWriter.data(Self.sample())
        let archive = try Archive(data: data, accessMode: .read)
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let parser = XMLParser(data: xml)
            #expect(parser.parse(), "\(entry.path) is not well-formed: \(String(describing: parser.parserError))")
        }
        #expect(
            Set(names) == [
                "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "docProps/core.xml",
                "word/styles.xml", "word/document.xml",
            ])
        var document = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { document.append($0) }
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("Ёлкин Артём Ильич &amp; сын &lt;тест&gt;"))
        #expect(text.contains("<w:br/>"))
        #expect(text.contains("w:w=\"11906\""))
    }

    @Test func landscapeSwapsThePage() throws {
        var model = DocModel(title: "Сертификаты", landscape: true)
        model.paragraph("x")
        let data = try DOCXWriter.data(model)
        let archive = try Archive(data: data, accessMode: .read)
        var document = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { document.append($0) }
        #expect(String(decoding: document, as: UTF8.self).contains("w:orient=\"landscape\""))
    }

    /// CI converts a generated DOCX with LibreOffice; here it runs when `soffice` is installed.
    @Test func libreOfficeConvertsIt() throws {
        let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let soffice else {
            #expect(
                ProcessInfo.processInfo.environment["SETKA_REQUIRE_SOFFICE"] != "1",
                "LibreOffice is required in CI but not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("setka-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("iup.docx")
        try DOCXWriter.data(Self.sample()).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "--headless", "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path, "--convert-to",
            "pdf", "--outdir", dir.path, file.path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pdf = try Data(contentsOf: dir.appendingPathComponent("iup.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
}
