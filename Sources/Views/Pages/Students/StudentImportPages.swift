import Foundation
import Domain

/// «Загрузка обучающихся из файла»: the form with the documented column layout and templates, and the history of loads.
public struct StudentImportStartPage: Sendable {
    public struct BatchLine: Sendable {
        public var url: String, when: String, fileName: String, school: String, author: String, state: String, counts: String
        public init(url: String, when: String, fileName: String, school: String, author: String, state: String, counts: String) {
            self.url = url; self.when = when; self.fileName = fileName; self.school = school; self.author = author; self.state = state; self.counts = counts
        }
    }
    public var schools: [(value: String, title: String)]
    public var selectedSchool: String?
    public var errors: FieldErrors
    /// Why the file could not be read at all.
    public var fileProblem: String?
    public var batches: [BatchLine]

    public init(schools: [(value: String, title: String)], selectedSchool: String?, errors: FieldErrors = FieldErrors(),
                fileProblem: String? = nil, batches: [BatchLine]) {
        self.schools = schools; self.selectedSchool = selectedSchool; self.errors = errors; self.fileProblem = fileProblem; self.batches = batches
    }

    public static let path = "/students/import"
    public static let mock = StudentImportStartPage(schools: [("1", "МБОУ СОШ № 1")], selectedSchool: "1", batches: [
        BatchLine(url: "/students/imports/x", when: "01.09.2025 10:00", fileName: "10а.xlsx", school: "МБОУ СОШ № 1", author: "school1",
                  state: "загружено", counts: "добавлено 25, объединено 2")])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Загрузка обучающихся из файла", crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb("Загрузка из файла")]) {
            el("h1") { "Загрузка обучающихся из файла" }
            el("p", .cls("muted")) {
                "Файл CSV (разделитель «;», кодировка UTF-8 или Windows-1251) или XLSX, первая строка — заголовки. Сначала Сетка проверит каждую строку и покажет, что будет сделано; в реестр ничего не попадёт, пока весь файл не пройдёт проверку и вы не подтвердите загрузку."
            }
            el("div", .cls("actions")) {
                el("a", .cls("button"), .href(Self.path + "/template.xlsx")) { "Шаблон XLSX" }
                el("a", .cls("button"), .href(Self.path + "/template.csv")) { "Шаблон CSV" }
            }
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", Self.path), Attr("enctype", "multipart/form-data"), Attr("novalidate", "novalidate")) {
                Layout.csrf(ctx)
                if let fileProblem { el("div", .cls("form-error"), Attr("role", "alert")) { "Файл не принят. " + fileProblem } }
                UI.selectField("school", "Школа", options: schools, selected: selectedSchool, errors: errors, required: true,
                               includeEmpty: schools.count == 1 ? nil : "— выберите —")
                el("div", .cls(errors["file"] == nil ? "field" : "field has-error")) {
                    el("label", .for("file")) { "Файл"; el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" } }
                    el("input", .type("file"), .id("file"), .name("file"), Attr("accept", ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    if let e = errors["file"] { el("p", .cls("error"), .id("file-error")) { e } }
                    el("p", .cls("hint")) { "До 25 МБ и 200 000 строк." }
                }
                el("div", .cls("actions")) { UI.submit("Проверить файл"); el("a", .href(SiteURL.list(.students).path)) { "Отмена" } }
            }
            el("h2") { "Столбцы файла" }
            el("table", .cls("list")) {
                el("thead") { el("tr") { el("th") { "Заголовок" }; el("th") { "Обязательный" }; el("th") { "Что писать" }; el("th") { "Пример" } } }
                el("tbody") {
                    for c in StudentImport.columns {
                        el("tr") { el("td") { c.title }; el("td") { c.required ? "да" : "" }; el("td") { c.hint }; el("td") { c.example } }
                    }
                }
            }
            el("p", .cls("muted")) {
                "Столбцы можно переставлять; регистр заголовков не важен. Один и тот же обучающийся (фамилия, имя, отчество и дата рождения без учёта регистра и «ё») в файле дважды объединяется в одну запись, если строки совпадают. Если он уже есть в реестре вашей школы, Сетка предложит объединить записи; каждую загрузку можно отменить."
            }
            el("h2") { "Загрузки" }
            if batches.isEmpty {
                UI.empty("Загрузок ещё не было.")
            } else {
                el("table", .cls("list")) {
                    el("thead") { el("tr") { el("th") { "Когда" }; el("th") { "Файл" }; el("th") { "Школа" }; el("th") { "Кто" }; el("th") { "Состояние" }; el("th") { "Итог" } } }
                    el("tbody") {
                        for b in batches {
                            el("tr") {
                                el("td") { el("a", .href(b.url)) { b.when } }
                                el("td") { b.fileName }; el("td") { b.school }; el("td") { b.author }; el("td") { b.state }; el("td") { b.counts }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The preview of an uploaded file (row errors, or what will be created and merged), and the result after commit.
public struct StudentImportBatchPage: Sendable {
    public enum State: String, Sendable { case preview, committed, reverted }
    public struct MatchLine: Sendable {
        public var line: Int, fileName: String, existing: String, existingURL: String, archived: Bool
        public init(line: Int, fileName: String, existing: String, existingURL: String, archived: Bool) {
            self.line = line; self.fileName = fileName; self.existing = existing; self.existingURL = existingURL; self.archived = archived
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

    public init(url: String, fileName: String, school: String, state: State, summary: [(String, String)], fileErrors: [String],
                rowErrors: [StudentImport.RowError], totalRowErrors: Int, matches: [MatchLine], newRows: [[String]], newCount: Int,
                problem: String? = nil, canCommit: Bool, canRevert: Bool) {
        self.url = url; self.fileName = fileName; self.school = school; self.state = state; self.summary = summary; self.fileErrors = fileErrors
        self.rowErrors = rowErrors; self.totalRowErrors = totalRowErrors; self.matches = matches; self.newRows = newRows; self.newCount = newCount
        self.problem = problem; self.canCommit = canCommit; self.canRevert = canRevert
    }

    public static let mock = StudentImportBatchPage(
        url: "/students/imports/x", fileName: "10а.csv", school: "МБОУ СОШ № 1", state: .preview, summary: [("Строк с данными", "3")],
        fileErrors: [], rowErrors: [StudentImport.RowError(line: 3, column: "Класс", message: "Класс — число от 1 до 11, можно с буквой: 10А.")],
        totalRowErrors: 1, matches: [], newRows: [], newCount: 0, canCommit: false, canRevert: false)

    public func render(_ ctx: PageContext) -> String {
        let title = "Загрузка «\(fileName)»"
        let valid = fileErrors.isEmpty && rowErrors.isEmpty
        return Layout.page(ctx, title: title, crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb("Загрузка из файла", StudentImportStartPage.path), Crumb(title)]) {
            el("h1") { title }
            if let problem { el("div", .cls("form-error"), Attr("role", "alert")) { problem } }
            switch state {
            case .preview where !valid:
                el("div", .cls("form-error"), Attr("role", "alert")) {
                    "Файл не загружен: в нём есть ошибки. В реестр ничего не записано. Исправьте файл и загрузите его снова."
                }
            case .preview:
                el("div", .cls("warning"), Attr("role", "status")) { "Это предпросмотр: в реестр ещё ничего не записано. Проверьте и подтвердите загрузку." }
            case .committed:
                el("div", .cls("flash"), Attr("role", "status")) { "Загрузка выполнена." }
            case .reverted:
                el("div", .cls("warning"), Attr("role", "status")) { "Загрузка отменена: добавленные ею записи удалены, объединённые восстановлены." }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Школа" }; el("dd") { school }
                    for (k, v) in summary { el("dt") { k }; el("dd") { v } }
                }
            }
            if !fileErrors.isEmpty {
                el("h2") { "Ошибки файла" }
                el("ul", .cls("form-error")) { for e in fileErrors { el("li") { e } } }
            }
            if !rowErrors.isEmpty {
                el("h2") { "Ошибки в строках (\(totalRowErrors))" }
                el("table", .cls("list"), .id("row-errors")) {
                    el("thead") { el("tr") { el("th") { "Строка" }; el("th") { "Столбец" }; el("th") { "Ошибка" } } }
                    el("tbody") {
                        for e in rowErrors { el("tr") { el("td") { String(e.line) }; el("td") { e.column }; el("td") { e.message } } }
                    }
                }
                if totalRowErrors > rowErrors.count { el("p", .cls("muted")) { "Показаны первые \(rowErrors.count) ошибок из \(totalRowErrors)." } }
            }
            if state == .preview && valid {
                el("form", Attr("method", "post"), Attr("action", url + "/commit")) {
                    Layout.csrf(ctx)
                    if !matches.isEmpty {
                        el("h2") { "Уже есть в реестре школы (\(matches.count))" }
                        el("p", .cls("muted")) { "Объединение обновит класс, пол, ОВЗ и согласие по файлу и добавит законного представителя; прежние значения сохранятся, и загрузку можно будет отменить." }
                        el("table", .cls("list"), .id("matches")) {
                            el("thead") { el("tr") { el("th") { "Строка" }; el("th") { "В файле" }; el("th") { "В реестре" }; el("th") { "Что сделать" } } }
                            el("tbody") {
                                for m in matches {
                                    el("tr") {
                                        el("td") { String(m.line) }; el("td") { m.fileName }
                                        el("td") { el("a", .href(m.existingURL)) { m.existing }; if m.archived { " (в архиве — будет восстановлен)" } }
                                        el("td") {
                                            el("select", .name("line-\(m.line)"), Attr("aria-label", "Строка \(m.line)")) {
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
                            el("thead") { el("tr") { el("th") { "Строка" }; el("th") { "ФИО" }; el("th") { "Дата рождения" }; el("th") { "Класс" }; el("th") { "Согласие" }; el("th") { "Законный представитель" } } }
                            el("tbody") { for r in newRows { el("tr") { for c in r { el("td") { c } } } } }
                        }
                        if newCount > newRows.count { el("p", .cls("muted")) { "Показаны первые \(newRows.count) из \(newCount)." } }
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

