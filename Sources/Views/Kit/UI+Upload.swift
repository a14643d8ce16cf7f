import Domain
import Foundation

/// Pieces of the pages that take a table file (the students' and the achievements' imports).
extension UI {
    /// The file field of a CSV or XLSX upload, its error under it.
    static func tableFileField(error: String?, hint: String) -> Node {
        el("div", .cls(error == nil ? "field" : "field has-error")) {
            el("label", .for("file")) {
                "Файл"
                el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" }
            }
            el(
                "input", .type("file"), .id("file"), .name("file"),
                Attr("accept", ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            if let error { el("p", .cls("error"), .id("file-error")) { error } }
            el("p", .cls("hint")) { hint }
        }
    }

    /// The columns a table file takes: the heading, whether it is required, what to write, an example.
    static func columnsTable(_ columns: [(title: String, required: Bool, hint: String, example: String)]) -> Node {
        el("table", .cls("list")) {
            el("thead") {
                el("tr") { for title in ["Заголовок", "Обязательный", "Что писать", "Пример"] { el("th") { title } } }
            }
            el("tbody") {
                for column in columns {
                    el("tr") {
                        el("td") { column.title }
                        el("td") { column.required ? "да" : "" }
                        el("td") { column.hint }
                        el("td") { column.example }
                    }
                }
            }
        }
    }

    /// A checked file's problems: the file's own, then each row's (line, column, message); nothing when clean.
    static func importErrors(fileErrors: [String], errors: [TableRowError]) -> Node {
        fragment {
            for problem in fileErrors { el("div", .cls("form-error"), Attr("role", "alert")) { problem } }
            if !errors.isEmpty {
                el("div", .cls("form-error"), Attr("role", "alert")) {
                    "Файл не загружен: " + RussianPlural.count(errors.count, "ошибка", "ошибки", "ошибок")
                        + ". Исправьте строки и загрузите файл снова."
                }
                el("table", .cls("list")) {
                    el("thead") { el("tr") { for t in ["Строка", "Столбец", "Что не так"] { el("th") { t } } } }
                    el("tbody") {
                        for error in errors.prefix(500) {
                            el("tr") {
                                el("td") { String(error.line) }
                                el("td") { error.column.isEmpty ? "—" : error.column }
                                el("td") { error.message }
                            }
                        }
                    }
                }
            }
        }
    }
}
