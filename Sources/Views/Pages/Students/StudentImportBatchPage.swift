import Domain
import Foundation

/// The preview of an uploaded file (row errors, or what will be created and merged), and the result after commit.
public struct StudentImportBatchPage: Sendable {
    public enum State: String, Sendable { case preview, committed, reverted }
    public struct MatchLine: Sendable {
        public var line: Int, fileName: String, existing: String, existingURL: String, archived: Bool
        public init(line: Int, fileName: String, existing: String, existingURL: String, archived: Bool) {
            self.line = line
            self.fileName = fileName
            self.existing = existing
            self.existingURL = existingURL
            self.archived = archived
        }
    }
    public var url: String
    public var fileName: String
    public var school: String
    public var state: State
    public var summary: [(String, String)]
    public var fileErrors: [String]
    public var rowErrors: [StudentImport.RowError]
    public var totalRowErrors: Int
    public var matches: [MatchLine]
    public var newRows: [[String]]
    public var newCount: Int
    public var problem: String?
    public var canCommit: Bool
    public var canRevert: Bool

    public init(
        url: String, fileName: String, school: String, state: State, summary: [(String, String)], fileErrors: [String],
        rowErrors: [StudentImport.RowError], totalRowErrors: Int, matches: [MatchLine], newRows: [[String]],
        newCount: Int,
        problem: String? = nil, canCommit: Bool, canRevert: Bool
    ) {
        self.url = url
        self.fileName = fileName
        self.school = school
        self.state = state
        self.summary = summary
        self.fileErrors = fileErrors
        self.rowErrors = rowErrors
        self.totalRowErrors = totalRowErrors
        self.matches = matches
        self.newRows = newRows
        self.newCount = newCount
        self.problem = problem
        self.canCommit = canCommit
        self.canRevert = canRevert
    }

    public static let mock = StudentImportBatchPage(
        url: "/students/imports/x", fileName: "10а.csv", school: "МБОУ СОШ № 1", state: .preview,
        summary: [("Строк с данными", "3")],
        fileErrors: [],
        rowErrors: [
            StudentImport.RowError(line: 3, column: "Класс", message: "Класс — число от 1 до 11, можно с буквой: 10А.")
        ],
        totalRowErrors: 1, matches: [], newRows: [], newCount: 0, canCommit: false, canRevert: false)

    public func render(_ ctx: PageContext) -> String {
        let title = "Загрузка «\(fileName)»"
        let valid = fileErrors.isEmpty && rowErrors.isEmpty
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path),
                Crumb("Загрузка из файла", StudentImportStartPage.path), Crumb(title),
            ]
        ) {
            el("h1") { title }
            if let problem { el("div", .cls("form-error"), Attr("role", "alert")) { problem } }
            switch state {
            case .preview where !valid:
                el("div", .cls("form-error"), Attr("role", "alert")) {
                    "Файл не загружен: в нём есть ошибки. В реестр ничего не записано. Исправьте файл и загрузите его "
                        + "снова."
                }
            case .preview:
                el("div", .cls("warning"), Attr("role", "status")) {
                    "Это предпросмотр: в реестр ещё ничего не записано. Проверьте и подтвердите загрузку."
                }
            case .committed:
                el("div", .cls("flash"), Attr("role", "status")) { "Загрузка выполнена." }
            case .reverted:
                el("div", .cls("warning"), Attr("role", "status")) {
                    "Загрузка отменена: добавленные ею записи удалены, объединённые восстановлены."
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Школа" }
                    el("dd") { school }
                    for (label, value) in summary {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            if !fileErrors.isEmpty {
                el("h2") { "Ошибки файла" }
                el("ul", .cls("form-error")) { for error in fileErrors { el("li") { error } } }
            }
            if !rowErrors.isEmpty {
                el("h2") { "Ошибки в строках (\(totalRowErrors))" }
                el("table", .cls("list"), .id("row-errors")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Строка" }
                            el("th") { "Столбец" }
                            el("th") { "Ошибка" }
                        }
                    }
                    el("tbody") {
                        for error in rowErrors {
                            el("tr") {
                                el("td") { String(error.line) }
                                el("td") { error.column }
                                el("td") { error.message }
                            }
                        }
                    }
                }
                if totalRowErrors > rowErrors.count {
                    el("p", .cls("muted")) { "Показаны первые \(rowErrors.count) ошибок из \(totalRowErrors)." }
                }
            }
            if state == .preview && valid {
                el("form", Attr("method", "post"), Attr("action", url + "/commit")) {
                    Layout.csrf(ctx)
                    if !matches.isEmpty {
                        el("h2") { "Уже есть в реестре школы (\(matches.count))" }
                        el("p", .cls("muted")) {
                            "Объединение обновит класс, пол, ОВЗ и согласие по файлу и добавит законного "
                                + "представителя; прежние значения сохранятся, и загрузку можно будет отменить."
                        }
                        el("table", .cls("list"), .id("matches")) {
                            el("thead") {
                                el("tr") {
                                    el("th") { "Строка" }
                                    el("th") { "В файле" }
                                    el("th") { "В реестре" }
                                    el("th") { "Что сделать" }
                                }
                            }
                            el("tbody") {
                                for match in matches {
                                    el("tr") {
                                        el("td") { String(match.line) }
                                        el("td") { match.fileName }
                                        el("td") {
                                            el("a", .href(match.existingURL)) { match.existing }
                                            if match.archived { " (в архиве — будет восстановлен)" }
                                        }
                                        el("td") {
                                            el(
                                                "select", .name("line-\(match.line)"),
                                                Attr("aria-label", "Строка \(match.line)")
                                            ) {
                                                el("option", .value("merge"), .flag("selected")) { "объединить" }
                                                el("option", .value("skip")) { "пропустить строку" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if newCount > 0 {
                        el("h2") { "Новые обучающиеся (\(newCount))" }
                        el("table", .cls("list"), .id("new-rows")) {
                            el("thead") {
                                el("tr") {
                                    el("th") { "Строка" }
                                    el("th") { "ФИО" }
                                    el("th") { "Дата рождения" }
                                    el("th") { "Класс" }
                                    el("th") { "Согласие" }
                                    el("th") { "Законный представитель" }
                                }
                            }
                            el("tbody") { for row in newRows { el("tr") { for cell in row { el("td") { cell } } } } }
                        }
                        if newCount > newRows.count {
                            el("p", .cls("muted")) { "Показаны первые \(newRows.count) из \(newCount)." }
                        }
                    }
                    el("div", .cls("actions")) {
                        if canCommit { el("button", .type("submit"), .cls("primary")) { "Загрузить в реестр" } }
                        el("a", .href(StudentImportStartPage.path)) { "Загрузить другой файл" }
                    }
                }
            }
            if state == .committed && canRevert {
                el("div", .cls("actions")) { el("a", .cls("button"), .href(url + "/revert")) { "Отменить загрузку…" } }
            }
            if state != .preview || !valid {
                el("p") { el("a", .href(SiteURL.list(.students).path)) { "К списку обучающихся" } }
            }
        }
    }
}
