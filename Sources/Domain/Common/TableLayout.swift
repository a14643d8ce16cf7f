import Foundation

/// A column of an importable table: its key, its heading in the template, whether a file must have it, what to write,
/// an example, and the other headings people write for it.
public struct TableColumn: Sendable {
    public let key: String
    public let title: String
    public let required: Bool
    public let hint: String
    public let example: String
    let aliases: [String]

    public init(key: String, title: String, required: Bool, hint: String, example: String, aliases: [String]) {
        self.key = key
        self.title = title
        self.required = required
        self.hint = hint
        self.example = example
        self.aliases = aliases
    }
}

/// The header of an imported table read against a layout (the achievements' and the olympiad results' imports): the
/// template's headings in any order, case and «ё» ignored, a trailing «*» allowed; duplicates, missing required
/// columns and unknown headings are the file's errors.
public enum TableLayout {
    /// Each column's position by key. `extra` claims headings outside the layout (a task's column «Задание 3») and
    /// gives their key; `what` names the list in the message for a file with no known heading («список достижений»).
    public static func header(
        _ row: [String], columns: [TableColumn], what: String, extra: (String) -> String? = { _ in nil }
    ) -> (index: [String: Int], errors: [String]) {
        var index: [String: Int] = [:]
        var errors: [String] = []
        var unknown: [String] = []
        for (i, raw) in row.enumerated() {
            let heading = TextKey.normalize(raw.replacingOccurrences(of: "*", with: ""))
            guard !heading.isEmpty else { continue }
            let column = columns.first { TextKey.normalize($0.title) == heading || $0.aliases.contains(heading) }
            if let key = column?.key ?? extra(heading) {
                if index[key] != nil { errors.append("Столбец «\(column?.title ?? raw)» встречается дважды.") }
                index[key] = i
            } else {
                unknown.append(raw)
            }
        }
        guard !index.isEmpty else {
            return (
                index,
                [
                    "В первой строке файла нет ни одного заголовка шаблона: возможно, это не \(what) или в нём нет "
                        + "строки заголовков. Скачайте шаблон и перенесите данные в его столбцы."
                ]
            )
        }
        let missing = columns.filter { $0.required && index[$0.key] == nil }.map { "«\($0.title)»" }
        if !missing.isEmpty { errors.append("Нет обязательных столбцов: \(missing.joined(separator: ", ")).") }
        if !unknown.isEmpty {
            let shown = unknown.prefix(5).map { "«" + ($0.count > 30 ? String($0.prefix(30)) + "…" : $0) + "»" }
            errors.append(
                "Неизвестные столбцы: \(shown.joined(separator: ", "))"
                    + "\(unknown.count > 5 ? " и ещё \(unknown.count - 5)" : ""). "
                    + "Переименуйте их, как в шаблоне, или удалите.")
        }
        return (index, errors)
    }
}

/// One data row of an imported table: its cells by key, and the checks every import makes, each failure a
/// `TableRowError` naming the column as the file's header does.
public struct TableRowReader {
    public let line: Int
    let cells: [String]
    let index: [String: Int]
    let title: (String) -> String
    public private(set) var errors: [TableRowError] = []

    public init(line: Int, cells: [String], index: [String: Int], title: @escaping (String) -> String) {
        self.line = line
        self.cells = cells
        self.index = index
        self.title = title
    }

    /// The trimmed cell, nil when blank or absent.
    public func cell(_ key: String) -> String? {
        guard let i = index[key], i < cells.count else { return nil }
        let value = cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    public mutating func fail(_ key: String, _ message: String) {
        errors.append(TableRowError(line: line, column: title(key), message: message))
    }

    public mutating func required(_ key: String, max: Int = 200) -> String {
        guard let value = cell(key) else {
            fail(key, "Не заполнено.")
            return ""
        }
        if value.count > max { fail(key, "Длиннее \(max) знаков.") }
        return value
    }

    public mutating func optional(_ key: String, max: Int = 200) -> String? {
        guard let value = cell(key) else { return nil }
        if value.count > max { fail(key, "Длиннее \(max) знаков.") }
        return value
    }

    /// A date written ДД.ММ.ГГГГ.
    public mutating func date(_ key: String, required: Bool, timeZone: TimeZone) -> Date? {
        guard let raw = cell(key) else {
            if required { fail(key, "Не заполнено.") }
            return nil
        }
        guard let date = RuDate.parse(raw, timeZone: timeZone) else {
            fail(key, "Укажите дату в виде ДД.ММ.ГГГГ.")
            return nil
        }
        return date
    }
}
