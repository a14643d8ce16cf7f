import Foundation
import Testing

@testable import Domain

/// Issue 22, item 5: the quarterly due day (`004_5209da8e0aa92458.txt` № 43), the answers' checks, the consolidation.
@Suite struct ReportTests {
    func day(_ text: String) -> CivilDay { CivilDay.parse(text)! }

    @Test func eachQuarterIsDueOnTheFifthOfTheMonthAfterItAcrossTheYearsEnd() {
        let quarters = (1...4).map { ReportPeriod.quarter($0, of: 2027)! }
        #expect(quarters.map(\.from) == ["01.01.2027", "01.04.2027", "01.07.2027", "01.10.2027"].map(day))
        #expect(quarters.map(\.to) == ["31.03.2027", "30.06.2027", "30.09.2027", "31.12.2027"].map(day))
        #expect(quarters.map(\.due) == ["05.04.2027", "05.07.2027", "05.10.2027", "05.01.2028"].map(day))
        // The same days the roadmap's item № 43 makes.
        let report = RoadmapTemplate.firstYear.planItems(year: 2027).filter { $0.number == "43" && $0.side == .center }
        #expect(report.map(\.dueOn) == quarters.map { Optional($0.due) })
        #expect(ReportPeriod.quarter(5, of: 2027) == nil && ReportPeriod.quarter(0, of: 2027) == nil)
        #expect(ReportPeriod.quarterTitle(4, of: 2027) == "IV квартал 2027")
    }

    func check(_ values: [String: String], submitting: Bool) -> ([String: String], FieldErrors) {
        var errors = FieldErrors()
        let answers = ReportAnswers.check(.quarterly, { values[$0] }, submitting: submitting, errors: &errors)
        return (answers, errors)
    }

    @Test func aDraftKeepsWhatIsWrittenAndASubmissionNeedsEveryRequiredIndicator() {
        let (draft, none) = check(["students": "1 240", "equipmentLoad": "62,5 %"], submitting: false)
        #expect(none.isEmpty && draft == ["students": "1240", "equipmentLoad": "62.5"])
        let (_, missing) = check(["students": "124"], submitting: true)
        for key in ["groups", "hours", "planDone", "planOverdue", "events", "problems", "reportDate"] {
            #expect(missing[key] == "Заполните: показатель обязателен.", "\(key)")
        }
        #expect(missing["students"] == nil && missing["certificates"] == nil)
        let (_, bad) = check(
            [
                "students": "-3", "hours": "сто", "equipmentLoad": "120", "reportDate": "31.02.2027",
                "measures": "Мастер-класс; 12.02.2027; 25",
            ], submitting: false)
        #expect(bad["students"] == "Целое число от 0 до 10\u{00A0}000\u{00A0}000.")
        #expect(bad["hours"] != nil && bad["equipmentLoad"]?.contains("от 0 до 100") == true)
        #expect(bad["reportDate"]?.contains("ДД.ММ.ГГГГ") == true)
        #expect(bad["measures"]?.contains("Строка 1: нужно 4 поля") == true)
        let (table, fine) = check(
            ["measures": "Мастер-класс;12.02.2027; 25 ;проведён\n\n Турнир; 01.03.2027; 36; проведён "],
            submitting: false)
        #expect(fine.isEmpty)
        #expect(table["measures"] == "Мастер-класс; 12.02.2027; 25; проведён\nТурнир; 01.03.2027; 36; проведён")
    }

    @Test func theConsolidationSumsNumbersAveragesSharesAndListsRows() {
        let consolidation = ReportConsolidation(
            .quarterly,
            reports: [
                ("Школа № 1", ["students": "124", "equipmentLoad": "60", "measures": "А; 01.02.2027; 5; проведён"]),
                ("Гимназия № 2", ["students": "80", "equipmentLoad": "75", "problems": "Нет"]),
                ("Лицей № 5", ["students": "6"]),
            ])
        func line(_ key: String) -> ReportConsolidation.Line? { consolidation.lines.first { $0.key == key } }
        #expect(line("students")?.total == "210" && line("students")?.answered == 3)
        #expect(line("equipmentLoad")?.total == "67.5" && line("equipmentLoad")?.answered == 2)
        #expect(line("hours")?.total == "0" && line("hours")?.answered == 0)
        #expect(
            line("problems")?.total == "1" && line("problems")?.byOrganization.first?.organization == "Гимназия № 2")
        #expect(line("measures")?.rows == [["Школа № 1", "А", "01.02.2027", "5", "проведён"]])
        #expect(ReportConsolidation(.quarterly, reports: []).lines.first { $0.key == "equipmentLoad" }?.total == "—")
    }
}
