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
