import Foundation
import Testing

@testable import Domain

/// Issue 23, item 6: a budget line's balance and what it refuses.
@Suite struct ProgrammeBudgetTests {
    @Test func theBalanceCountsCommittedAndPaidNotCancelled() {
        let balance = BudgetBalance(
            planned: 100_000,
            entries: [(30_000, .committed), (20_000, .paid), (40_000, .cancelled), (5_000, .paid)])
        #expect(balance.committed == 30_000 && balance.paid == 25_000)
        #expect(balance.used == 55_000 && balance.remaining == 45_000)
    }

    @Test func moneyAboveTheRemainderOrNotPositiveIsRefused() {
        let balance = BudgetBalance(planned: 100_000, committed: 60_000, paid: 10_000)
        #expect(balance.refusal(taking: [30_000]) == nil)
        #expect(balance.refusal(taking: [20_000, 10_000]) == nil)
        #expect(balance.refusal(taking: [20_000, 10_001]) == .aboveRemainder(remaining: 30_000))
        #expect(balance.refusal(taking: [0]) == .notPositive)
        #expect(balance.refusal(taking: [-5]) == .notPositive)
        #expect(balance.refusal(taking: []) == .notPositive)
    }

    @Test func aPlanNeverGoesBelowWhatIsUsed() {
        let balance = BudgetBalance(planned: 100_000, committed: 60_000, paid: 10_000)
        #expect(balance.refusal(planning: 70_000) == nil)
        #expect(balance.refusal(planning: 69_999) == .belowUsed(used: 70_000))
        #expect(balance.refusal(planning: -1) == .notPositive)
    }

    @Test func eachKindPaysForItsRecords() {
        #expect(BudgetKind.awards.source == .teacherAward)
        #expect(BudgetKind.trips.source == .supportMeasure && BudgetKind.studentSupport.source == .supportMeasure)
        #expect(BudgetKind.trainers.source == .trainer && BudgetKind.events.source == .event)
        #expect(BudgetKind.other.source == nil)
        #expect(BudgetSource.teacherAward.isPaidOnce && !BudgetSource.event.isPaidOnce)
        #expect(Set(BudgetKind.allCases.map(\.title)).count == BudgetKind.allCases.count)
    }
}
