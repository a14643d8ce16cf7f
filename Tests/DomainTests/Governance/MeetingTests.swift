import Foundation
import Testing

@testable import Domain

/// Issue 22, item 6: decisions written one per line, and the quarters that ended without a meeting
/// (`001_4390f67d15d9225c.txt` §5.6).
@Suite struct MeetingTests {
    @Test func decisionsAreReadLineByLineWithTheirResponsibleAndDeadline() {
        var errors = FieldErrors()
        let decisions = MeetingDecision.parse(
            "Подготовить рекомендации; МКУ «ЦРО»; 15.03.2027\n\nПринять к сведению\nПровести семинар; КМЦ",
            field: "decisions", errors: &errors)
        #expect(errors.isEmpty)
        #expect(decisions.count == 3)
        #expect(decisions[0].responsible == "МКУ «ЦРО»" && decisions[0].dueOn == CivilDay.parse("15.03.2027"))
        #expect(decisions[1].responsible == nil && decisions[1].dueOn == nil)
        #expect(decisions[2].line == "Провести семинар; КМЦ")
        #expect(decisions[0].line == "Подготовить рекомендации; МКУ «ЦРО»; 15.03.2027")
        var bad = FieldErrors()
        _ = MeetingDecision.parse("Решение; КМЦ; 31.02.2027", field: "decisions", errors: &bad)
        #expect(bad["decisions"] == "Строка 1: срок — дата в виде ДД.ММ.ГГГГ.")
        var many = FieldErrors()
        _ = MeetingDecision.parse("а; б; в; г", field: "decisions", errors: &many)
        #expect(many["decisions"]?.contains("не больше трёх полей") == true)
    }

    @Test func aQuarterThatEndedWithoutAHeldMeetingIsNamed() {
        func q(_ year: Int, _ quarter: Int) -> MeetingCalendar.Quarter { .init(year: year, quarter: quarter) }
        let today = CivilDay.parse("10.10.2026")!
        let held = [CivilDay.parse("15.05.2026")!, CivilDay.parse("30.09.2026")!, CivilDay.parse("20.11.2025")!]
        #expect(MeetingCalendar.quartersWithout(held: held, today: today) == [q(2026, 1)])
        // The current quarter is not over: no warning for it yet; last year's fourth is among the last four.
        #expect(
            MeetingCalendar.quartersWithout(held: [], today: today) == [q(2025, 4), q(2026, 1), q(2026, 2), q(2026, 3)])
        #expect(
            MeetingCalendar.quartersWithout(held: [], today: CivilDay.parse("15.01.2027")!).last == q(2026, 4))
    }
}

/// Issue 22, item 6: a centre's year heard with a decision on its designation (`001_4390f67d15d9225c.txt` §5.8,
/// `003_256a4293e3c370c5.txt` §3.11): a change and an end need their reasoning, keeping does not.
@Suite struct DesignationHearingInputTests {
    func check(_ decision: String?, _ reasoning: String?) -> (DesignationHearingInput?, FieldErrors) {
        var errors = FieldErrors()
        let input = DesignationHearingInput.check(decision: decision, reasoning: reasoning, errors: &errors)
        return (input, errors)
    }

    @Test func keepingNeedsNoReasoningAChangeAndAnEndDo() {
        #expect(check("keep", "  ").0 == DesignationHearingInput(decision: .keep, reasoning: nil))
        let change = check("change", "")
        #expect(
            change.0 == nil && change.1["reasoning"] == "Укажите, какие функции и направления деятельности меняются.")
        let end = check("end", nil)
        #expect(end.0 == nil && end.1["reasoning"] == "Укажите обоснованную причину прекращения деятельности центра.")
        #expect(
            check("end", " Программа не востребована. ").0
                == DesignationHearingInput(decision: .end, reasoning: "Программа не востребована."))
    }

    @Test func theDecisionComesFromTheListAndTheReasoningHasALimit() {
        #expect(check(nil, "x").1["decision"] == "Выберите значение.")
        #expect(check("stay", "x").1["decision"] == "Выберите значение из списка.")
        let long = check("change", String(repeating: "а", count: DesignationHearingInput.reasoningLimit + 1))
        #expect(long.0 == nil && long.1["reasoning"] != nil)
    }
}
