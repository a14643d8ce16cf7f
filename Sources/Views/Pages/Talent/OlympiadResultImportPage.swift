import Domain
import Foundation

/// A stage's results from the jury's table (issue 21, item 3): the layout and upload form, then the check — its row
/// errors, or how many results will be added and corrected and the button that writes them all.
public struct OlympiadResultImportPage: Sendable {
    /// The sheet of the XLSX template.
    public static let sheetName = "Результаты"
    /// A checked file.
    public struct Preview: Sendable {
        public var fileName: String
        public var added: Int
        public var corrected: Int
        public var fileErrors: [String]
        public var errors: [TableRowError]
        /// The file itself, for the form that writes it (checked again then).
        public var payload: String
        /// The preview.
        public init(
            fileName: String, added: Int, corrected: Int, fileErrors: [String], errors: [TableRowError],
            payload: String
        ) {
            self.fileName = fileName
            self.added = added
            self.corrected = corrected
            self.fileErrors = fileErrors
            self.errors = errors
            self.payload = payload
        }
    }

    public var stageID: UUID
    public var stageTitle: String
    public var fileProblem: String?
    public var preview: Preview?

    /// The page's data.
    public init(stageID: UUID, stageTitle: String, fileProblem: String? = nil, preview: Preview? = nil) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.fileProblem = fileProblem
        self.preview = preview
    }

    /// A made-up preview with one row error.
    public static let mock = OlympiadResultImportPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
        preview: Preview(
            fileName: "протокол.xlsx", added: 11, corrected: 1, fileErrors: [],
            errors: [.init(line: 4, column: "Задание 2", message: "Балл за задание № 2 больше его максимума (10).")],
            payload: "x"))

    public static func path(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/import" }

    public func render(_ ctx: PageContext) -> String {
        let title = "Результаты из файла"
        let path = Self.path(stageID)
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Протокол жюри в CSV или XLSX, первая строка — заголовки, по столбцу на задание. Участники — из "
                    + "приглашённых; результат уже внесённого участника файл исправит. Результаты попадут в рейтинг, "
                    + "только когда весь файл пройдёт проверку и вы подтвердите загрузку."
            }
            if let preview {
                el("section", .cls("panel")) {
                    el("h2") { "Проверка файла «\(preview.fileName)»" }
                    UI.importErrors(fileErrors: preview.fileErrors, errors: preview.errors)
                    if preview.errors.isEmpty && preview.fileErrors.isEmpty {
                        el("p") {
                            "Ошибок нет. Будет добавлено: "
                                + RussianPlural.count(preview.added, "результат", "результата", "результатов")
                                + "; исправлено: \(preview.corrected)."
                        }
                        el("form", .cls("inline"), Attr("method", "post"), Attr("action", path + "/commit")) {
                            Layout.csrf(ctx)
                            UI.hidden("fileName", preview.fileName)
                            UI.hidden("payload", preview.payload)
                            UI.submit("Загрузить результаты")
                        }
                    }
                }
            }
            el("div", .cls("actions")) {
                el("a", .cls("button"), .href(path + "/template.xlsx")) { "Шаблон XLSX" }
                el("a", .cls("button"), .href(path + "/template.csv")) { "Шаблон CSV" }
            }
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path),
                Attr("enctype", "multipart/form-data"), Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let fileProblem {
                    el("div", .cls("form-error"), Attr("role", "alert")) { "Файл не принят. " + fileProblem }
                }
                UI.tableFileField(error: nil, hint: "До 2 МБ и \(OlympiadResultImport.maxRows) строк.")
                el("div", .cls("actions")) {
                    UI.submit("Проверить файл")
                    el("a", .href(OlympiadPaths.rating(stageID))) { "Отмена" }
                }
            }
            el("h2") { "Столбцы файла" }
            UI.columnsTable(
                OlympiadResultImport.columns.map { ($0.title, $0.required, $0.hint, $0.example) } + [
                    ("Задание 1, Задание 2, …", true, "балл за каждое задание; 0, если не решено", "7,5")
                ])
        }
    }
}
