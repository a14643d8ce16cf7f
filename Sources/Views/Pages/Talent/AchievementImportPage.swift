import Domain
import Foundation

/// The achievements import (issue 21, item 2): the layout and the upload form, then the check of a file — its row
/// errors, or what will be written and the button that writes it all.
public struct AchievementImportPage: Sendable {
    /// A checked file.
    public struct Preview: Sendable {
        public var fileName: String
        public var ready: Int
        public var fileErrors: [String]
        public var errors: [AchievementImport.RowError]
        public var newEditions: [String]
        /// The file itself, for the form that writes it (checked again then: nothing in the form is trusted).
        public var payload: String
        /// The preview.
        public init(
            fileName: String, ready: Int, fileErrors: [String], errors: [AchievementImport.RowError],
            newEditions: [String], payload: String
        ) {
            self.fileName = fileName
            self.ready = ready
            self.fileErrors = fileErrors
            self.errors = errors
            self.newEditions = newEditions
            self.payload = payload
        }
    }

    public var school: String
    public var fileProblem: String?
    public var preview: Preview?

    /// The page's data.
    public init(school: String, fileProblem: String? = nil, preview: Preview? = nil) {
        self.school = school
        self.fileProblem = fileProblem
        self.preview = preview
    }

    public static let path = "/achievements/import"
    /// The sheet of the XLSX template.
    public static let sheetName = "Достижения"
    /// A made-up preview with one row error.
    public static let mock = AchievementImportPage(
        school: "МБОУ «СОШ № 1»",
        preview: Preview(
            fileName: "олимпиада.xlsx", ready: 12, fileErrors: [],
            errors: [.init(line: 4, column: "Результат", message: "Результат: победитель, призёр или участник.")],
            newEditions: ["Всероссийская олимпиада школьников — муниципальный этап, 2025/2026"], payload: "x"))

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: "Загрузка достижений из файла",
            crumbs: [Crumb("Достижения", SiteURL.list(.achievements).path), Crumb("Загрузка из файла")]
        ) {
            el("h1") { "Загрузка достижений из файла" }
            el("p", .cls("muted")) {
                "Школа: \(school). Файл CSV или XLSX, первая строка — заголовки. Сетка проверит каждую строку; "
                    + "достижения попадут в реестр, только когда весь файл пройдёт проверку и вы подтвердите загрузку."
            }
            if let preview { previewNode(preview, ctx) }
            el("div", .cls("actions")) {
                el("a", .cls("button"), .href(Self.path + "/template.xlsx")) { "Шаблон XLSX" }
                el("a", .cls("button"), .href(Self.path + "/template.csv")) { "Шаблон CSV" }
            }
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", Self.path),
                Attr("enctype", "multipart/form-data"), Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                if let fileProblem {
                    el("div", .cls("form-error"), Attr("role", "alert")) { "Файл не принят. " + fileProblem }
                }
                UI.tableFileField(error: nil, hint: "До 2 МБ и \(AchievementImport.maxRows) строк.")
                el("div", .cls("actions")) {
                    UI.submit("Проверить файл")
                    el("a", .href(SiteURL.list(.achievements).path)) { "Отмена" }
                }
            }
            el("h2") { "Столбцы файла" }
            UI.columnsTable(AchievementImport.columns.map { ($0.title, $0.required, $0.hint, $0.example) })
        }
    }

    func previewNode(_ preview: Preview, _ ctx: PageContext) -> Node {
        el("section", .cls("panel")) {
            el("h2") { "Проверка файла «\(preview.fileName)»" }
            UI.importErrors(fileErrors: preview.fileErrors, errors: preview.errors)
            if preview.errors.isEmpty && preview.fileErrors.isEmpty {
                el("p") {
                    "Ошибок нет. Будет загружено: "
                        + RussianPlural.count(preview.ready, "достижение", "достижения", "достижений") + "."
                }
                if !preview.newEditions.isEmpty {
                    el("p") { "Будут добавлены проведения:" }
                    el("ul") { for title in preview.newEditions { el("li") { title } } }
                }
                el("form", .cls("inline"), Attr("method", "post"), Attr("action", Self.path + "/commit")) {
                    Layout.csrf(ctx)
                    el("input", .type("hidden"), .name("fileName"), .value(preview.fileName))
                    el("input", .type("hidden"), .name("payload"), .value(preview.payload))
                    UI.submit(
                        "Загрузить " + RussianPlural.count(preview.ready, "достижение", "достижения", "достижений"))
                }
            }
        }
    }
}
