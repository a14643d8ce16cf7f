import Foundation

/// Reading a table into achievement rows: the header by the template's titles in any order, then each row's cells.
extension AchievementImport {
    public static func plan(_ table: [[String]], timeZone: TimeZone, today: Date = Date()) -> Plan {
        var plan = Plan()
        guard let headerRow = table.first else {
            plan.fileErrors.append("В файле нет ни одной строки.")
            return plan
        }
        let (index, headerErrors) = TableLayout.header(headerRow, columns: columns, what: "список достижений")
        plan.fileErrors += headerErrors
        guard !index.isEmpty else { return plan }
        if table.count < 2 { plan.fileErrors.append("В файле нет строк с достижениями: только заголовок.") }
        if table.count - 1 > maxRows {
            plan.fileErrors.append("В файле больше \(maxRows) строк. Разделите его на части.")
        }
        guard plan.fileErrors.isEmpty else { return plan }
        for (offset, cells) in table.dropFirst().enumerated() {
            let line = offset + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var reader = TableRowReader(line: line, cells: cells, index: index, title: title)
            func cell(_ key: String) -> String? { reader.cell(key) }
            func fail(_ key: String, _ message: String) { reader.fail(key, message) }
            func required(_ key: String, max: Int = 200) -> String { reader.required(key, max: max) }
            func optional(_ key: String, max: Int = 200) -> String? { reader.optional(key, max: max) }
            let surname = required("surname", max: 100)
            let given = required("givenName", max: 100)
            let patronymic = optional("patronymic", max: 100)
            let birth = reader.date("birthDate", required: true, timeZone: timeZone)
            let contest = required("contest")
            let year = optional("year", max: 20)
            if let year, year.range(of: #"^\d{4}/\d{4}$"#, options: .regularExpression) == nil {
                fail("year", "Укажите учебный год в виде 2025/2026.")
            }
            var level: ContestLevel?
            if let raw = cell("level") {
                level = Self.level(raw)
                if level == nil {
                    fail("level", "Этап или уровень: школьный, муниципальный, региональный, заключительный.")
                }
            } else {
                fail("level", "Не заполнено.")
            }
            let subject = optional("subject")
            var result: AchievementResult?
            if let raw = cell("result") {
                result = Self.result(raw)
                if result == nil { fail("result", "Результат: победитель, призёр или участник.") }
            } else {
                fail("result", "Не заполнено.")
            }
            var score: Double?
            if let raw = cell("score") {
                score = Double(raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: ""))
                if let value = score, !value.isFinite || value < 0 || value > 1000 { score = nil }
                if score == nil { fail("score", "Балл — число от 0 до 1000, например 87,5.") }
            }
            var place: Int?
            if let raw = cell("place") {
                place = Int(raw).flatMap { (1...1000).contains($0) ? $0 : nil }
                if place == nil { fail("place", "Место — целое число от 1.") }
            }
            var grade: Int?
            if let raw = cell("gradeCompeted") {
                grade = Int(raw).flatMap { (1...11).contains($0) ? $0 : nil }
                if grade == nil { fail("gradeCompeted", "Класс — число от 1 до 11.") }
            }
            let achievedOn = reader.date("achievedOn", required: false, timeZone: timeZone)
            if let achievedOn, achievedOn > today { fail("achievedOn", "Дата ещё не наступила.") }
            let preparedBy = optional("preparedBy", max: 300)
            let document = optional("documentNumber", max: 100)
            guard reader.errors.isEmpty, let birth, let level, let result else {
                plan.errors += reader.errors
                continue
            }
            plan.rows.append(
                Row(
                    line: line, surname: surname, givenName: given, patronymic: patronymic, birthDate: birth,
                    contest: contest, year: year, level: level, subject: subject, result: result, score: score,
                    place: place, gradeCompeted: grade, achievedOn: achievedOn, preparedBy: preparedBy,
                    documentNumber: document))
        }
        if plan.rows.isEmpty && plan.errors.isEmpty { plan.fileErrors.append("В файле нет строк с достижениями.") }
        return plan
    }
}
