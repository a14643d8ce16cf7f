import Domain
import Foundation
import Testing

@Suite struct StudentImportTests {
    let zone = TimeZone(identifier: "Europe/Moscow")!
    var today: Date { RuDate.parse("24.11.2026", timeZone: zone)! }
    let header = [
        "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Класс", "Буква класса", "ОВЗ", "Дата согласия",
        "Кто дал согласие",
    ]

    @Test func validRowsAndClassWithLetter() {
        let plan = StudentImport.plan(
            [
                header,
                [
                    "Ёлкина", "Варвара", "Сергеевна", "14.03.2010", "ж", "10А", "", "нет", "01.09.2025",
                    "Ёлкина М. И., мать",
                ],
                ["Жуков", "Пётр", "", "2009-05-02", "м", "11", "Б", "да", "", ""],
            ], timeZone: zone, today: today)
        #expect(plan.isValid)
        #expect(plan.rows.count == 2)
        #expect(plan.rows[0].grade == 10 && plan.rows[0].letter == "А" && plan.rows[0].sex == "female")
        #expect(plan.rows[1].specialNeeds && plan.rows[1].patronymic == nil && plan.rows[1].line == 3)
    }

    /// A sign is not a class («-5» was read as 5), a class letter is letters, and names are letters with their accents.
    @Test func signsMarksAndTagsAreRefused() {
        let plan = StudentImport.plan(
            [
                header,
                ["Ёлкина", "Варвара", "", "14.03.2010", "ж", "-5", "", "", "", ""],
                ["Ёлкина", "Вера", "", "14.03.2010", "ж", "5", "<b>", "", "", ""],
                ["Ёлкина", "Вика", "\u{0301}", "14.03.2010", "ж", "5", "", "", "", ""],
                ["Ёлки\u{202E}на", "Ида", "", "14.03.2010", "ж", "5", "", "", "", ""],
            ], timeZone: zone, today: today)
        #expect(!plan.isValid)
        let byLine = Dictionary(grouping: plan.errors, by: \.line)
        #expect(byLine[2]?.map(\.column) == ["Класс"] && byLine[3]?.map(\.column) == ["Буква класса"])
        #expect(byLine[4]?.map(\.column) == ["Отчество"] && byLine[5]?.map(\.column) == ["Фамилия"])
        #expect(
            PersonName.isValid("Д’Артаньян-Лесникова") && PersonName.isValid("Ёлкин") && PersonName.isValid("Zoë")
                && !PersonName.isValid("-"))
        #expect(
            ClassLetter.isValid("А") && ClassLetter.isValid("аб") && !ClassLetter.isValid("1")
                && !ClassLetter.isValid("АБВГ"))
        #expect(
            PersonName.clean("Анна\u{A0}Мария") == "Анна Мария"
                && PersonName.clean("Салтыков\u{2013}Щедрин") == "Салтыков-Щедрин")
        #expect(
            ClassLetter.normalized("б") == "Б" && ClassLetter.normalized("и\u{306}") == "Й"
                && ClassLetter.isValid(ClassLetter.normalized("и\u{306}")))
        let pasted = StudentImport.plan(
            [header, ["Салтыкова\u{2011}Щедрина", "Анна\u{A0}Мария", "", "14.03.2010", "ж", "10", "б", "", "", ""]],
            timeZone: zone, today: today)
        #expect(
            pasted.isValid && pasted.rows.first?.surname == "Салтыкова-Щедрина"
                && pasted.rows.first?.givenName == "Анна Мария" && pasted.rows.first?.letter == "Б")
        var errors = FieldErrors()
        #expect(
            errors.personName("surname", " Салтыков\u{2013}Щедрин ", required: true) == "Салтыков-Щедрин"
                && errors.isEmpty)
        #expect(
            errors.personName("givenName", "Матвей😀", required: true) == "Матвей😀"
                && errors["givenName"] == PersonName.message)
        #expect(errors.personName("patronymic", "", required: false) == nil && errors["patronymic"] == nil)
        _ = errors.personName("staffSurname", "", required: true)
        #expect(errors["staffSurname"] == "Заполните это поле.")
        #expect(
            FieldErrors.hasHiddenControls("a\u{85}b") && !FieldErrors.hasHiddenControls("Строка\r\nвторая\tтаб")
                && !FieldErrors.hasHiddenControls("«ёлочки» — №"))
    }

    @Test func everyBadCellIsNamedWithItsLine() {
        let plan = StudentImport.plan(
            [
                header,
                ["", "Анна", "", "31.02.2010", "x", "12", "", "может", "01.09.2025", ""],
                ["Петров1", "Иван", "", "01.01.2030", "м", "9", "", "", "", "кто-то"],
            ], timeZone: zone, today: today)
        #expect(!plan.isValid && plan.rows.isEmpty)
        let byLine = Dictionary(grouping: plan.errors, by: \.line)
        #expect(
            Set(byLine[2]!.map(\.column)) == ["Фамилия", "Дата рождения", "Пол", "Класс", "ОВЗ", "Кто дал согласие"])
        #expect(
            byLine[2]!.first { $0.column == "Дата рождения" }?.message
                == "Такой даты нет: 31.02.2010. Проверьте день и месяц.")
        #expect(Set(byLine[3]!.map(\.column)) == ["Фамилия", "Дата рождения", "Дата согласия"])
    }

    /// Age counts whole years to «today» as calendar dates: 21 on the birthday's eve is still allowed, 22 is not;
    /// a class may be written with spaces or a dash («10 - А»).
    @Test func ageBoundariesAndClassWithSpacesAndDash() {
        let plan = StudentImport.plan(
            [
                header,
                ["Ёлкин", "Антон", "", "25.11.2004", "м", "10 - А", "", "", "", ""],  // 21 until 25.11.2026
                ["Ёлкин", "Борис", "", "24.11.2004", "м", "11", "", "", "", ""],  // 22 today
                ["Ёлкин", "Виктор", "", "25.11.2021", "м", "1", "", "", "", ""],  // 4 until tomorrow
                ["Ёлкин", "Глеб", "", "24.11.2021", "м", "1", "", "", "", ""],  // 5 today
            ], timeZone: zone, today: today)
        #expect(plan.errors.map(\.line) == [3, 4])
        #expect(
            plan.errors.map(\.message) == [
                "Возраст 22 — проверьте дату рождения.", "Возраст 4 — проверьте дату рождения.",
            ])
        #expect(plan.rows.map(\.line) == [2, 5])
        #expect(plan.rows[0].grade == 10 && plan.rows[0].letter == "А")
    }

    @Test func missingAndUnknownColumnsAreFileErrors() {
        let plan = StudentImport.plan(
            [["Фамилия", "Имя", "Класс", "Школа"], ["А", "Б", "5", "1"]], timeZone: zone, today: today)
        #expect(plan.fileErrors.count == 2)
        #expect(plan.fileErrors[0].contains("«Дата рождения»"))
        #expect(plan.fileErrors[1].contains("«Школа»"))
    }

    @Test func columnsInAnyOrderAndCaseOfHeaders() {
        let plan = StudentImport.plan(
            [["класс", "ДАТА РОЖДЕНИЯ", "имя", "фамилия*"], ["7б", "01.02.2014", "Олег", "Сидоров"]], timeZone: zone,
            today: today)
        #expect(plan.isValid && plan.rows.first?.grade == 7 && plan.rows.first?.letter == "Б")
    }

    @Test func sameChildTwiceIgnoringCaseAndYoIsFolded() {
        let plan = StudentImport.plan(
            [
                header,
                ["Ёлкина", "Варвара", "", "14.03.2010", "ж", "10", "", "", "", ""],
                ["ЕЛКИНА", "варвара", "", "14.03.2010", "ж", "10", "", "", "", ""],
            ], timeZone: zone, today: today)
        #expect(plan.isValid && plan.rows.count == 1 && plan.rows[0].repeatedOn == [3])
    }

    @Test func sameChildWithDifferentDataIsAnError() {
        let plan = StudentImport.plan(
            [
                header,
                ["Ёлкина", "Варвара", "", "14.03.2010", "ж", "10", "", "", "", ""],
                ["Елкина", "Варвара", "", "14.03.2010", "ж", "11", "", "", "", ""],
            ], timeZone: zone, today: today)
        #expect(!plan.isValid)
        #expect(plan.errors.first?.message.contains("строке 2") == true)
        #expect(plan.errors.first?.message.contains("«Класс»") == true)
    }

    @Test func headerOnlyIsAFileError() {
        #expect(
            StudentImport.plan([header], timeZone: zone, today: today).fileErrors == [
                "В файле нет строк с обучающимися: только заголовок."
            ])
    }
}

extension StudentImportTests {
    /// A file large enough to be checked in parts on several cores gives what one pass gives: rows, errors and folds in
    /// file order, a repeat in a later part folded into the first row, a differing one refused with both lines.
    @Test func aLargeFileCheckedInPartsKeepsTheFileOrder() {
        let word = StudentImport.madeUpWord
        let count = 30_000
        var table = [header]
        for i in 0..<count { table.append(["Ёлкин-" + word(i), "Иван", "", "14.03.2010", "м", "10", "", "", "", ""]) }
        table[25_001][4] = "x"  // line 25 002: a bad cell late in the file
        table.append(table[2])  // line 30 002: line 3 again, identical
        var differing = table[3]
        differing[5] = "11"
        table.append(differing)  // line 30 003: line 4 again, another grade
        let plan = StudentImport.plan(table, timeZone: zone, today: today)
        #expect(plan.rows.count == count - 1)
        #expect(plan.rows.map(\.line) == (2...count + 1).filter { $0 != 25_002 })
        #expect(plan.rows[1].line == 3 && plan.rows[1].repeatedOn == [30_002])
        #expect(plan.errors.map(\.line) == [25_002, 30_003])
        #expect(plan.errors[1].message.contains("в строке 4"))
        // Four parts even on a machine of one core.
        #expect(
            StudentImport.inParts(100_000, minimumPart: 1_000, maximumParts: 4) { $0 * 2 }
                == (0..<100_000).map { $0 * 2 })
    }
}
