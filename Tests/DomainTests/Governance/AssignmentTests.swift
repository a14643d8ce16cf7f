import Foundation
import Testing

@testable import Domain

/// Issue 22, item 4: a technical assignment's results written one per line within its term, and what its form needs
/// (`000_5375b2a087477e6d.txt` §3.3).
@Suite struct AssignmentTests {
    func day(_ text: String) -> CivilDay { CivilDay.parse(text)! }

    @Test func resultsAreReadByKindTitleAndDayWithinTheTerm() {
        var errors = FieldErrors()
        let term = day("01.09.2026")...day("30.06.2027")
        let results = AssignmentDeliverable.parse(
            "положение; Положение о ресурсном центре; 01.10.2026\n\nОтчёт; Отчёт за год; 31.05.2027\n"
                + "справка; Аналитическая справка; 15.06.2027\nиное; Публикация; 2027-03-01",
            term: term, field: "deliverables", errors: &errors)
        #expect(errors.isEmpty)
        #expect(results.map(\.kind) == [.regulation, .report, .analyticNote, .other])
        #expect(results[3].dueOn == day("01.03.2027"))
        #expect(results[0].line == "положение; Положение о ресурсном центре; 01.10.2026")
        var kind = FieldErrors()
        _ = AssignmentDeliverable.parse("доклад; Доклад; 01.10.2026", term: term, field: "d", errors: &kind)
        #expect(kind["d"] == "Строка 1: вид результата — положение, проект, отчёт, справка или иное.")
        var outside = FieldErrors()
        _ = AssignmentDeliverable.parse(
            "отчёт; Отчёт; 31.05.2027\nотчёт; Отчёт; 01.07.2027", term: term, field: "d", errors: &outside)
        #expect(outside["d"] == "Строка 2: срок в пределах срока задания, с 01.09.2026 по 30.06.2027.")
        var date = FieldErrors()
        _ = AssignmentDeliverable.parse("отчёт; Отчёт; 31.02.2027", term: term, field: "d", errors: &date)
        #expect(date["d"] == "Строка 1: срок — дата в виде ДД.ММ.ГГГГ.")
        // The standard four forms fit an academic year's term.
        var standard = FieldErrors()
        let lines = AssignmentDeliverable.standard(startYear: 2026).map(\.line).joined(separator: "\n")
        #expect(AssignmentDeliverable.parse(lines, term: term, field: "d", errors: &standard).count == 4)
        #expect(standard.isEmpty)
    }

    @Test func theFormNeedsItsTextsATermAndAResult() {
        var errors = FieldErrors()
        let fields = ["title": "Модель РЦ", "startsOn": "01.09.2026", "endsOn": "01.08.2026"]
        #expect(AssignmentInput.check({ fields[$0] }, errors: &errors) == nil)
        #expect(errors["goals"] == "Заполните это поле." && errors["content"] != nil && errors["results"] != nil)
        #expect(errors["endsOn"] == "Срок окончания — не раньше начала.")
        #expect(errors["deliverables"] == "Укажите хотя бы один результат задания.")
        var good = FieldErrors()
        let complete = [
            "title": "Модель РЦ", "goals": "Цели", "content": "Работа", "results": "Модель", "startsOn": "01.09.2026",
            "endsOn": "30.06.2027", "deliverables": "отчёт; Отчёт; 31.05.2027",
        ]
        let input = AssignmentInput.check({ complete[$0] }, errors: &good)
        #expect(good.isEmpty && input?.deliverables.count == 1 && input?.basis == nil)
        var again = FieldErrors()
        #expect(AssignmentInput.check({ input?.fields[$0] }, errors: &again) == input)
    }
}
