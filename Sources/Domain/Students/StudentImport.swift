import Foundation

/// Importing a school's students from a table (issue 3, «Students»): the column layout, row validation with
/// Russian messages per cell, and de-duplication within the file. Matching against the registry happens in
/// the application, which knows the database; this part is pure and tested on its own.
public enum StudentImport {
    public struct Column: Sendable {
        public let key: String
        public let title: String
        public let required: Bool
        public let hint: String
        public let example: String
        let aliases: [String]
    }

    /// The layout documented on the import page and written into the templates.
    public static let columns: [Column] = [
        Column(key: "surname", title: "Фамилия", required: true, hint: "", example: "Ёлкина", aliases: []),
        Column(key: "givenName", title: "Имя", required: true, hint: "", example: "Варвара", aliases: []),
        Column(
            key: "patronymic", title: "Отчество", required: false, hint: "если есть", example: "Сергеевна",
            aliases: []),
        Column(
            key: "birthDate", title: "Дата рождения", required: true, hint: "ДД.ММ.ГГГГ или дата Excel",
            example: "14.03.2010", aliases: ["дата рожд.", "др"]),
        Column(key: "sex", title: "Пол", required: false, hint: "м или ж", example: "ж", aliases: []),
        Column(
            key: "grade", title: "Класс", required: true, hint: "число от 1 до 11, можно с буквой: 10А", example: "10",
            aliases: ["параллель"]),
        Column(
            key: "letter", title: "Буква класса", required: false, hint: "до трёх букв", example: "А",
            aliases: ["буква", "литера"]),
        Column(
            key: "specialNeeds", title: "ОВЗ", required: false, hint: "да или нет (пусто — нет)", example: "нет",
            aliases: []),
        Column(
            key: "consentOn", title: "Дата согласия", required: false,
            hint: "согласие на обработку персональных данных, ДД.ММ.ГГГГ", example: "01.09.2025",
            aliases: ["согласие: дата", "согласие"]),
        Column(
            key: "consentBy", title: "Кто дал согласие", required: false, hint: "обязательно, если есть дата согласия",
            example: "Ёлкина Мария Ивановна, мать", aliases: ["согласие: кто дал"]),
        Column(
            key: "guardianName", title: "Законный представитель", required: false,
            hint: "ФИО родителя (законного представителя)", example: "Ёлкина Мария Ивановна",
            aliases: ["родитель", "фио родителя"]),
        Column(
            key: "guardianRelation", title: "Кем приходится", required: false, hint: "мать, отец, опекун…",
            example: "мать", aliases: ["степень родства"]),
        Column(
            key: "guardianPhone", title: "Телефон представителя", required: false, hint: "",
            example: "+7 900 000-00-00", aliases: ["телефон родителя", "телефон"]),
        Column(
            key: "guardianEmail", title: "Эл. почта представителя", required: false, hint: "",
            example: "parent@example.ru", aliases: ["почта родителя", "email", "e-mail"]),
    ]

    public static var header: [String] { columns.map(\.title) }
    public static var exampleRow: [String] { columns.map(\.example) }

    /// One valid row, ready to be written.
    public struct Row: Codable, Sendable, Equatable {
        public var line: Int
        public var surname: String
        public var givenName: String
        public var patronymic: String?
        public var birthDate: Date
        public var sex: String?
        public var grade: Int
        public var letter: String?
        public var specialNeeds: Bool
        public var consentOn: Date?
        public var consentBy: String?
        public var guardianName: String?
        public var guardianRelation: String?
        public var guardianPhone: String?
        public var guardianEmail: String?
        public var identityKey: String
        /// Lines of the file that describe the same child and were folded into this row.
        public var repeatedOn: [Int]

        public var fullName: String { [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ") }
        /// The name part of the identity key: `TextKey.search` of the three names, without computing it again.
        public var searchKey: String {
            identityKey.lastIndex(of: "|").map { String(identityKey[..<$0]) } ?? identityKey
        }
    }

    public typealias RowError = TableRowError

    public struct Plan: Sendable {
        public var rows: [Row] = []
        public var errors: [RowError] = []
        /// Problems with the file as a whole (missing columns, no data).
        public var fileErrors: [String] = []
        public var isValid: Bool { errors.isEmpty && fileErrors.isEmpty }
    }

    /// Validates every row of the table (the first row is the header) and folds repeated children together.
    public static func plan(_ table: [[String]], timeZone: TimeZone, today: Date = Date()) -> Plan {
        var plan = Plan()
        guard let headerRow = table.first else {
            plan.fileErrors.append("В файле нет ни одной строки.")
            return plan
        }
        // Map columns by their header, in any order; unknown columns are named so a typo does not go unnoticed.
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
        let missing = columns.filter { $0.required && index[$0.key] == nil }.map { "«\($0.title)»" }
        if index.isEmpty {
            // Not one heading of the template: the file is something else, or its first line is not the headings.
            plan.fileErrors.append(
                "В первой строке файла нет ни одного заголовка шаблона: возможно, это не список обучающихся или в нём "
                    + "нет строки "
                    + "заголовков. Скачайте шаблон и перенесите данные в его столбцы.")
            return plan
        }
        if !missing.isEmpty {
            plan.fileErrors.append(
                "Нет обязательных столбцов: \(missing.joined(separator: ", ")). Первая строка файла должна содержать "
                    + "заголовки, как в шаблоне."
            )
        }
        if !unknown.isEmpty {
            // Headings are quoted shortened, and at most five of them: a broken file must not fill the page.
            let shown = unknown.prefix(5).map { h in "«" + (h.count > 30 ? String(h.prefix(30)) + "…" : h) + "»" }
                .joined(separator: ", ")
            plan.fileErrors.append(
                "Неизвестные столбцы: \(shown)\(unknown.count > 5 ? " и ещё \(unknown.count - 5)" : ""). Переименуйте "
                    + "их, как в шаблоне, или удалите."
            )
        }
        guard plan.fileErrors.isEmpty else { return plan }
        if table.count < 2 {
            plan.fileErrors.append("В файле нет строк с обучающимися: только заголовок.")
            return plan
        }

        // The column of each key, looked up without hashing on every cell of every row.
        let slots = columns.map { index[$0.key] }
        assert(
            columns.map(\.key) == [
                "surname", "givenName", "patronymic", "birthDate", "sex", "grade", "letter", "specialNeeds",
                "consentOn",
                "consentBy", "guardianName", "guardianRelation", "guardianPhone", "guardianEmail",
            ], "slot(_:) lists the columns in order")
        @Sendable func slot(_ key: String) -> Int? {
            switch key {
            case "surname": slots[0]
            case "givenName": slots[1]
            case "patronymic": slots[2]
            case "birthDate": slots[3]
            case "sex": slots[4]
            case "grade": slots[5]
            case "letter": slots[6]
            case "specialNeeds": slots[7]
            case "consentOn": slots[8]
            case "consentBy": slots[9]
            case "guardianName": slots[10]
            case "guardianRelation": slots[11]
            case "guardianPhone": slots[12]
            default: slots[13]
            }
        }
        /// One row's checks: the row, or nil with its errors (the rows are independent until the fold below).
        @Sendable func check(_ cells: [String], line: Int) -> (row: Row?, errors: [RowError]) {
            func cell(_ key: String) -> String? {
                guard let i = slot(key), i < cells.count else { return nil }
                let value = cells[i].trimmed
                return value.isEmpty ? nil : value
            }
            var errors = FieldErrors()
            let surname = errors.personName("surname", cell("surname"), required: true) ?? ""
            let given = errors.personName("givenName", cell("givenName"), required: true) ?? ""
            let patronymic = errors.personName("patronymic", cell("patronymic"), required: false)
            let birth = errors.date("birthDate", cell("birthDate"), timeZone: timeZone, required: true)
            if let birth {
                if birth > today {
                    errors.add("birthDate", "Дата рождения не может быть в будущем.")
                } else if case let age = fullYears(from: birth, to: today, timeZone: timeZone), age < 5 || age > 21 {
                    errors.add("birthDate", "Возраст \(age) — проверьте дату рождения.")
                }
            }
            var sex: String?
            if let raw = cell("sex") {
                if let word = sexWords[ByteKey(TextKey.normalize(raw))] {
                    sex = word.rawValue
                } else {
                    errors.add("sex", "Укажите «м» или «ж».")
                }
            }
            var grade: Int?
            var letter = cell("letter").map(ClassLetter.normalized)
            if let raw = cell("grade") {
                // «10А», «10 А», «10-А»: digits first (a sign is not a class: «-5» is refused), then at most three
                // letters.
                let digits = String(raw.prefix { $0.isNumber })
                let rest = String(
                    String.UnicodeScalarView(
                        raw.dropFirst(digits.count).unicodeScalars.filter { $0 != " " && $0 != "-" }))
                if let number = Int(digits), (1...11).contains(number), rest.count <= 3, rest.allSatisfy(\.isLetter) {
                    grade = number
                    if !rest.isEmpty {
                        if let typedLetter = letter, TextKey.normalize(typedLetter) != TextKey.normalize(rest) {
                            errors.add("letter", "Буква «\(typedLetter)» не совпадает с классом «\(raw)».")
                        }
                        letter = letter ?? ClassLetter.normalized(rest)
                    }
                } else {
                    errors.add("grade", "Класс — число от 1 до 11, можно с буквой: 10А.")
                }
            } else {
                errors.add("grade", "Укажите класс.")
            }
            if let classLetter = letter, !ClassLetter.isValid(classLetter) { errors.add("letter", ClassLetter.message) }
            var specialNeeds = false
            if let raw = cell("specialNeeds") {
                if let flag = yesNoWords[ByteKey(TextKey.normalize(raw))] {
                    specialNeeds = flag
                } else {
                    errors.add("specialNeeds", "Укажите «да» или «нет».")
                }
            }
            let consentOn = errors.date("consentOn", cell("consentOn"), timeZone: timeZone, required: false)
            if let consentDate = consentOn, consentDate > today {
                errors.add("consentOn", "Дата согласия не может быть в будущем.")
            }
            let consentBy = errors.optional("consentBy", cell("consentBy"), max: 200)
            if consentOn != nil && consentBy == nil { errors.add("consentBy", "Укажите, кто дал согласие.") }
            if consentOn == nil && consentBy != nil { errors.add("consentOn", "Укажите дату согласия.") }
            let guardianName = errors.optional("guardianName", cell("guardianName"), max: 200)
            let guardianRelation = errors.optional("guardianRelation", cell("guardianRelation"), max: 50)
            let guardianPhone = errors.phone("guardianPhone", cell("guardianPhone"))
            let guardianEmail = errors.email("guardianEmail", cell("guardianEmail"))
            if guardianName == nil && (guardianPhone != nil || guardianEmail != nil || guardianRelation != nil) {
                errors.add("guardianName", "Укажите ФИО законного представителя, чьи это контакты.")
            }
            let rowErrors = errors.messages.sorted(by: { order($0.key) < order($1.key) }).map { key, message in
                RowError(line: line, column: columns.first { $0.key == key }?.title ?? key, message: message)
            }
            guard errors.isEmpty, let birth, let grade else { return (nil, rowErrors) }
            let key = StudentIdentity.key(
                surname: surname, givenName: given, patronymic: patronymic, birthDate: birth, timeZone: timeZone)
            return (
                Row(
                    line: line, surname: surname, givenName: given, patronymic: patronymic, birthDate: birth, sex: sex,
                    grade: grade,
                    letter: letter, specialNeeds: specialNeeds, consentOn: consentOn, consentBy: consentBy,
                    guardianName: guardianName,
                    guardianRelation: guardianRelation, guardianPhone: guardianPhone, guardianEmail: guardianEmail,
                    identityKey: key, repeatedOn: []),
                rowErrors
            )
        }

        let body = Array(table.dropFirst())
        let checked = inParts(body.count) { i in check(body[i], line: i + 2) }
        var firstByIdentity: [ByteKey: Int] = [:]
        firstByIdentity.reserveCapacity(table.count)
        plan.rows.reserveCapacity(table.count - 1)
        for (row, rowErrors) in checked {
            plan.errors += rowErrors
            guard let row else { continue }
            let key = row.identityKey
            let line = row.line
            if let first = firstByIdentity[ByteKey(key)] {
                // The same child twice in one file: identical rows fold into one; differing ones must be reconciled by
                // hand.
                let earlier = plan.rows[first]
                let conflicts = differences(earlier, row)
                if conflicts.isEmpty {
                    plan.rows[first].repeatedOn.append(line)
                } else {
                    plan.errors.append(
                        RowError(
                            line: line, column: "Фамилия",
                            message:
                                "Тот же обучающийся, что в строке \(earlier.line), но иначе указано: "
                                + "\(conflicts.joined(separator: ", ")). Оставьте одну строку."
                        ))
                }
            } else {
                firstByIdentity[ByteKey(key)] = plan.rows.count
                plan.rows.append(row)
            }
        }
        return plan
    }
}
