import Documents
import Domain
import Foundation

/// A document (`DocModel`) as a printable A4 page, with its DOCX download: the same model the DOCX is built from.
public struct DocumentPage: Sendable {
    public var doc: DocModel
    public var crumbs: [Crumb]
    public var docxURL: String
    public init(doc: DocModel, crumbs: [Crumb], docxURL: String) {
        self.doc = doc
        self.crumbs = crumbs
        self.docxURL = docxURL
    }

    public static let mock: DocumentPage = {
        var doc = DocModel(title: "Индивидуальный учебный план")
        doc.heading("Индивидуальный учебный план обучающегося")
        doc.field("Обучающийся", "Ёлкин Артём Ильич, 10А, МБОУ «СОШ № 1»")
        doc.table(
            ["№", "Курс", "Ресурсный центр", "Часы"], [["1", "Информатика", "Лицей № 2", "64"]], widths: [1, 4, 4, 1])
        doc.paragraph([DocModel.Run("Согласовано: ", bold: true), DocModel.Run("01.09.2026")])
        doc.signatures([("Родитель (законный представитель)", "Ёлкина В. Н.")])
        return DocumentPage(
            doc: doc, crumbs: [Crumb("Заявки (ИУП)", "/applications")],
            docxURL: "/applications/00000000-0000-0000-0000-000000000001/iup.docx")
    }()

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: doc.title, crumbs: crumbs + [Crumb(doc.title)]) {
            el("div", .cls("actions no-print")) {
                el("a", .cls("button primary"), .href(docxURL)) { "Скачать DOCX" }
                el("span", .cls("muted")) { "Для печати или PDF — печать браузера (Ctrl+P), формат A4." }
            }
            el("article", .cls(doc.landscape ? "document landscape" : "document")) { Self.body(doc) }
        }
    }

    public static func body(_ doc: DocModel) -> Node {
        fragment {
            for block in doc.blocks {
                switch block {
                case .heading(let text, let level): el(level == 1 ? "h1" : "h2") { text }
                case .paragraph(let runs, let align):
                    el("p", .cls("align-\(align.rawValue)")) {
                        for run in runs {
                            let lines = run.text.components(separatedBy: "\n")
                            let content = fragment {
                                for (i, line) in lines.enumerated() {
                                    if i > 0 { el("br") }
                                    line
                                }
                            }
                            if run.bold {
                                el("strong") { content }
                            } else if run.italic {
                                el("em") { content }
                            } else {
                                content
                            }
                        }
                    }
                case .table(let header, let rows, _):
                    el("table", .cls("list")) {
                        if !header.isEmpty {
                            el("thead") { el("tr") { for heading in header { el("th") { heading } } } }
                        }
                        el("tbody") { for row in rows { el("tr") { for cell in row { el("td") { cell } } } } }
                    }
                case .signatures(let lines):
                    el("div", .cls("signatures")) {
                        for (role, name) in lines {
                            el("p") {
                                el("strong") { role + ": " }
                                "____________________ / \(name) /"
                            }
                        }
                    }
                case .pageBreak: el("div", .cls("page-break")) { "" }
                }
            }
        }
    }
}
