import Foundation

/// Reading a table into achievement rows: the header by the template's titles in any order, then each row's cells.
extension AchievementImport {
    public static func plan(_ table: [[String]], timeZone: TimeZone, today: Date = Date()) -> Plan {
        var plan = Plan()
        guard let headerRow = table.first else {
            plan.fileErrors.append("В файле нет ни одной строки.")
            return plan
        }
        var index: [String: Int] = [:]
        var unknown: [String] = []
        for (i, raw) in headerRow.enumerated() {
            let heading = TextKey.normalize(raw.replacingOccurrences(of: "*", with: ""))
            guard !heading.isEmpty else { continue }
            if let column = columns.first(where: {
                TextKey.normalize($0.title) == heading || $0.aliases.contains(heading)
            }) {
                if index[column.key] != nil { plan.fileErrors.append("Столбец «\(column.title)» встречается дважды.") }
                index[column.key] = i
            } else {
                unknown.append(raw)
            }
        }
        guard !index.isEmpty else {
            plan.fileErrors.append(
                "В первой строке файла нет ни одного заголовка шаблона: возможно, это не список достижений или в нём "
                    + "нет строки заголовков. Скачайте шаблон и перенесите данные в его столбцы.")
            return plan
        }
        let missing = columns.filter { $0.required && index[$0.key] == nil }.map { "«\($0.title)»" }
        if !missing.isEmpty {
            plan.fileErrors.append("Нет обязательных столбцов: \(missing.joined(separator: ", ")).")
        }
        if !unknown.isEmpty {
            let shown = unknown.prefix(5).map { "«" + ($0.count > 30 ? String($0.prefix(30)) + "…" : $0) + "»" }
            plan.fileErrors.append(
                "Неизвестные столбцы: \(shown.joined(separator: ", "))\(unknown.count > 5 ? " и ещё \(unknown.count - 5)" : ""). "
                    + "Переименуйте их, как в шаблоне, или удалите.")
        }
        if table.count < 2 { plan.fileErrors.append("В файле нет строк с достижениями: только заголовок.") }
        if table.count - 1 > maxRows {
            plan.fileErrors.append("В файле больше \(maxRows) строк. Разделите его на части.")
        }
        guard plan.fileErrors.isEmpty else { return plan }
        for (offset, cells) in table.dropFirst().enumerated() {
            let line = offset + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ key: String) -> String? {
                guard let i = index[key], i < cells.count else { return nil }
                let value = cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            var errors: [RowError] = []
            func fail(_ key: String, _ message: String) {
                errors.append(
                    RowError(line: line, column: title(key), message: message))
            }
            func required(_ key: String, max: Int = 200) -> String {
                guard let value = cell(key) else {
                    fail(key, "Не заполнено.")
                    return ""
                }
                if value.count > max { fail(key, "Длиннее \(max) знаков.") }
                return value
            }
            func optional(_ key: String, max: Int = 200) -> String? {
                guard let value = cell(key) else { return nil }
                if value.count > max { fail(key, "Длиннее \(max) знаков.") }
                return value
            }
            let surname = required("surname", max: 100)
            let given = required("givenName", max: 100)
            let patronymic = optional("patronymic", max: 100)
            var birth: Date?
            if let raw = cell("birthDate") {
                birth = RuDate.parse(raw, timeZone: timeZone)
                if birth == nil { fail("birthDate", "Укажите дату в виде ДД.ММ.ГГГГ.") }
            } else {
                fail("birthDate", "Не заполнено.")
            }
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
            var achievedOn: Date?
            if let raw = cell("achievedOn") {
                achievedOn = RuDate.parse(raw, timeZone: timeZone)
                if achievedOn == nil {
                    fail("achievedOn", "Укажите дату в виде ДД.ММ.ГГГГ.")
                } else if achievedOn! > today {
                    fail("achievedOn", "Дата ещё не наступила.")
                }
            }
            let preparedBy = optional("preparedBy", max: 300)
            let document = optional("documentNumber", max: 100)
            guard errors.isEmpty, let birth, let level, let result else {
                plan.errors += errors
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
