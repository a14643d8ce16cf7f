import Domain
import Foundation

/// «Загрузка обучающихся из файла»: the form with the documented column layout and templates, and the history of loads.
public struct StudentImportStartPage: Sendable {
    public struct BatchLine: Sendable {
        public var url: String, when: String, fileName: String, school: String, author: String, state: String,
            counts: String
        public init(
            url: String, when: String, fileName: String, school: String, author: String, state: String, counts: String
        ) {
            self.url = url
            self.when = when
            self.fileName = fileName
            self.school = school
            self.author = author
            self.state = state
            self.counts = counts
        }
    }
    public var schools: [(value: String, title: String)]
    public var selectedSchool: String?
    public var errors: FieldErrors
    /// Why the file could not be read at all.
    public var fileProblem: String?
    public var batches: [BatchLine]

    public init(
        schools: [(value: String, title: String)], selectedSchool: String?, errors: FieldErrors = FieldErrors(),
        fileProblem: String? = nil, batches: [BatchLine]
    ) {
        self.schools = schools
        self.selectedSchool = selectedSchool
        self.errors = errors
        self.fileProblem = fileProblem
        self.batches = batches
    }

    public static let path = "/students/import"
    public static let mock = StudentImportStartPage(
        schools: [("1", "МБОУ СОШ № 1")], selectedSchool: "1",
        batches: [
            BatchLine(
                url: "/students/imports/x", when: "01.09.2025 10:00", fileName: "10а.xlsx", school: "МБОУ СОШ № 1",
                author: "school1",
                state: "загружено", counts: "добавлено 25, объединено 2")
        ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: "Загрузка обучающихся из файла",
            crumbs: [Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb("Загрузка из файла")]
        ) {
            el("h1") { "Загрузка обучающихся из файла" }
            el("p", .cls("muted")) {
                "Файл CSV (разделитель «;», кодировка UTF-8 или Windows-1251) или XLSX, первая строка — заголовки. "
                    + "Сначала Сетка проверит каждую строку и покажет, что будет сделано; в реестр ничего не "
                    + "попадёт, пока весь файл не пройдёт проверку и вы не подтвердите загрузку."
            }
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
                UI.selectField(
                    "school", "Школа", options: schools, selected: selectedSchool, errors: errors, required: true,
                    includeEmpty: schools.count == 1 ? nil : "— выберите —")
                UI.tableFileField(error: errors["file"], hint: "До 25 МБ и 200 000 строк.")
                el("div", .cls("actions")) {
                    UI.submit("Проверить файл")
                    el("a", .href(SiteURL.list(.students).path)) { "Отмена" }
                }
            }
            el("h2") { "Столбцы файла" }
            UI.columnsTable(StudentImport.columns.map { ($0.title, $0.required, $0.hint, $0.example) })
            el("p", .cls("muted")) {
                "Столбцы можно переставлять; регистр заголовков не важен. Один и тот же обучающийся (фамилия, имя, "
                    + "отчество и дата рождения без учёта регистра и «ё») в файле дважды объединяется в одну запись, "
                    + "если строки совпадают. Если он уже есть в реестре вашей школы, Сетка предложит объединить "
                    + "записи; каждую загрузку можно отменить."
            }
            el("h2") { "Загрузки" }
            if batches.isEmpty {
                UI.empty("Загрузок ещё не было.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Когда" }
                            el("th") { "Файл" }
                            el("th") { "Школа" }
                            el("th") { "Кто" }
                            el("th") { "Состояние" }
                            el("th") { "Итог" }
                        }
                    }
                    el("tbody") {
                        for batch in batches {
                            el("tr") {
                                el("td") { el("a", .href(batch.url)) { batch.when } }
                                el("td") { batch.fileName }
                                el("td") { batch.school }
                                el("td") { batch.author }
                                el("td") { batch.state }
                                el("td") { batch.counts }
                            }
                        }
                    }
                }
            }
        }
    }
}
