import Foundation
import Testing

@testable import Domain

/// Issue 23, items 2–3: years in the network and the award round's checks (`002_f5d848fa5a191e3f.txt` §15).
@Suite struct TeacherAwardsTests {
    @Test func yearsInTheNetworkAreDistinctAcademicYears() {
        #expect(NetworkYears.count([]) == 0)
        #expect(NetworkYears.count([2024, 2024, 2025, 2026, 2026]) == 3)
    }

    @Test func aRoundWithinTheRuleHasNoProblems() {
        let rule = AwardRule(budget: 111_000)
        let (a, b, c) = (UUID(), UUID(), UUID())
        let lines = [
            AwardRule.Line(teacher: a, years: 3, amount: 30_000), AwardRule.Line(teacher: b, years: 5, amount: 30_000),
            AwardRule.Line(teacher: c, years: 4, amount: 30_000),
        ]
        #expect(rule.problems(lines) == [])
        #expect(rule.problems(lines + [AwardRule.Line(teacher: UUID(), years: 3, amount: 21_001)]) == [.overBudget(1)])
    }

    @Test func eachProblemIsNamed() {
        let rule = AwardRule(budget: 111_000)
        let (a, b) = (UUID(), UUID())
        let problems = rule.problems([
            AwardRule.Line(teacher: a, years: 2, amount: 5_000), AwardRule.Line(teacher: b, years: 3, amount: 4_999),
            AwardRule.Line(teacher: b, years: 3, amount: 30_001),
        ])
        #expect(problems == [.notEligible(a), .amountOutOfRange(b), .twice(b), .amountOutOfRange(b)])
        #expect(AwardRule(budget: 111_000, minimumYears: 2).isEligible(years: 2))
    }
}
