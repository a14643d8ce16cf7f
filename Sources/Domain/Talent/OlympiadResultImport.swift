import Foundation

/// Importing a municipal stage's results from the jury's table (issue 21, item 3: «results are entered or imported
/// per participant»): code, the student (name and birth date), the grade competed for, a column per task and the total.
/// Matching the invited students and the papers' maxima happens in the application; this part reads the cells.
public enum OlympiadResultImport {
    /// At most this many rows: a stage's participants fit many times over.
    public static let maxRows = 2_000

    public static let columns: [TableColumn] = [
        TableColumn(
            key: "code", title: "Код участника", required: true, hint: "шифр работы, до 20 знаков", example: "М-10-01",
            aliases: ["код", "шифр"]),
        TableColumn(key: "surname", title: "Фамилия", required: true, hint: "", example: "Ёлкина", aliases: []),
        TableColumn(key: "givenName", title: "Имя", required: true, hint: "", example: "Варвара", aliases: []),
        TableColumn(
            key: "patronymic", title: "Отчество", required: false, hint: "если есть", example: "Сергеевна",
            aliases: []),
        TableColumn(
            key: "birthDate", title: "Дата рождения", required: true, hint: "как в реестре обучающихся",
            example: "14.03.2010", aliases: ["др"]),
        TableColumn(
            key: "grade", title: "Класс участия", required: true, hint: "класс, за который выполнены задания (7–11)",
            example: "10", aliases: ["класс"]),
        TableColumn(
            key: "total", title: "Итого", required: false, hint: "если есть — проверяется по сумме заданий",
            example: "37,5", aliases: ["сумма", "итог", "всего"]),
    ]

    /// «Задание 1», «Задание № 2», «З3»: the task columns, any number of them, in their numbers' order.
    public static func taskNumber(_ heading: String) -> Int? {
        guard
            let match = heading.range(
                of: #"^(задание|з)\s*№?\s*(\d{1,2})$"#, options: .regularExpression)
        else { return nil }
        return Int(heading[match].filter(\.isNumber))
    }

    public static var header: [String] {
        Array(columns.map(\.title).prefix(6)) + ["Задание 1", "Задание 2", "Задание 3", "Итого"]
    }
    public static var exampleRow: [String] {
        ["М-10-01", "Ёлкина", "Варвара", "Сергеевна", "14.03.2010", "10", "10", "7,5", "20", "37,5"]
    }
    public static func title(_ key: String) -> String {
        if key.hasPrefix("task") { return "Задание \(key.dropFirst(4))" }
        return columns.first { $0.key == key }?.title ?? ""
    }

    /// One row whose cells read well.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var surname: String
        public var givenName: String
        public var patronymic: String?
        public var birthDate: Date
        public var grade: Int
        public var scores: [Double]
        public var total: Double?
    }

    public struct Plan: Sendable {
        public var rows: [Row] = []
        public var errors: [TableRowError] = []
        public var fileErrors: [String] = []
    }

    public static func plan(_ table: [[String]], timeZone: TimeZone) -> Plan {
        var plan = Plan()
        guard let headerRow = table.first else {
            plan.fileErrors.append("В файле нет ни одной строки.")
            return plan
        }
        let (index, headerErrors) = TableLayout.header(
            headerRow, columns: columns, what: "протокол олимпиады", extra: { taskNumber($0).map { "task\($0)" } })
        plan.fileErrors += headerErrors
        guard !index.isEmpty else { return plan }
        let tasks = index.keys.compactMap { $0.hasPrefix("task") ? Int($0.dropFirst(4)) : nil }.sorted()
        if tasks.isEmpty { plan.fileErrors.append("Нет столбцов с баллами заданий: «Задание 1», «Задание 2», …") }
        if tasks != Array(1...max(1, tasks.count)) && !tasks.isEmpty {
            plan.fileErrors.append("Задания пронумерованы с пропуском: нужны «Задание 1», «Задание 2» и далее подряд.")
        }
        if table.count < 2 { plan.fileErrors.append("В файле нет строк с результатами: только заголовок.") }
        if table.count - 1 > maxRows { plan.fileErrors.append("В файле больше \(maxRows) строк.") }
        guard plan.fileErrors.isEmpty else { return plan }
        for (offset, cells) in table.dropFirst().enumerated() {
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var reader = TableRowReader(line: offset + 2, cells: cells, index: index, title: title)
            let code = reader.required("code", max: 20)
            let surname = reader.required("surname", max: 100)
            let given = reader.required("givenName", max: 100)
            let patronymic = reader.optional("patronymic", max: 100)
            let birth = reader.date("birthDate", required: true, timeZone: timeZone)
            var grade: Int?
            if let raw = reader.cell("grade") {
                grade = Int(raw).flatMap { (7...11).contains($0) ? $0 : nil }
                if grade == nil { reader.fail("grade", "Класс участия — число от 7 до 11.") }
            } else {
                reader.fail("grade", "Не заполнено.")
            }
            var scores: [Double] = []
            for task in tasks {
                let value = reader.cell("task\(task)").flatMap(number)
                if let value, value >= 0 {
                    scores.append(value)
                } else {
                    reader.fail("task\(task)", "Балл — число от 0, например 7,5 (0, если задание не решено).")
                }
            }
            var total: Double?
            if let raw = reader.cell("total") {
                total = number(raw)
                if total == nil {
                    reader.fail("total", "Итого — число, например 37,5.")
                } else if scores.count == tasks.count, abs(total! - OlympiadScores.total(scores)) > 0.001 {
                    reader.fail(
                        "total",
                        "Итого не равно сумме баллов заданий (\(OlympiadScores.plain(OlympiadScores.total(scores))))."
                    )
                }
            }
            guard reader.errors.isEmpty, let birth, let grade else {
                plan.errors += reader.errors
                continue
            }
            plan.rows.append(
                Row(
                    line: offset + 2, code: code, surname: surname, givenName: given, patronymic: patronymic,
                    birthDate: birth, grade: grade, scores: scores, total: total))
        }
        if plan.rows.isEmpty && plan.errors.isEmpty { plan.fileErrors.append("В файле нет строк с результатами.") }
        return plan
    }

    static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")).flatMap {
            $0.isFinite ? ($0 * 100).rounded() / 100 : nil
        }
    }
}
