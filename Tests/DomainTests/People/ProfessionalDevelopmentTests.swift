import Foundation
import Testing

@testable import Domain

/// Issue 23, item 2: who is due for professional development and how much of the plan-schedule is done.
@Suite struct ProfessionalDevelopmentTests {
    @Test func aTeacherIsDueThreeYearsAfterTheLastCourseOrWithoutOne() {
        let last = CivilDay(year: 2024, month: 2, day: 29)!
        #expect(DevelopmentDue.dueBy(lastCompleted: last) == CivilDay(year: 2027, month: 2, day: 28))
        #expect(!DevelopmentDue.isDue(lastCompleted: last, today: CivilDay(year: 2027, month: 2, day: 27)!))
        #expect(DevelopmentDue.isDue(lastCompleted: last, today: CivilDay(year: 2027, month: 2, day: 28)!))
        #expect(DevelopmentDue.isDue(lastCompleted: nil, today: CivilDay(year: 2027, month: 1, day: 1)!))
    }

    @Test func completionCountsWhatWasNotCancelled() {
        #expect(DevelopmentDue.completion([]) == nil)
        #expect(DevelopmentDue.completion([.cancelled]) == nil)
        #expect(DevelopmentDue.completion([.done, .planned, .cancelled, .underway]) == 33)
        #expect(DevelopmentDue.completion([.done, .done]) == 100)
    }
}

@Suite struct DevelopmentStatusTests {
    @Test func aCourseIsPlannedUnderwayAndThenOverButNotMarkedUntilDone() {
        let (first, last) = (CivilDay(year: 2027, month: 3, day: 1)!, CivilDay(year: 2027, month: 3, day: 5)!)
        func on(_ day: Int, done: Bool = false, cancelled: Bool = false) -> DevelopmentStatus {
            .of(
                isCancelled: cancelled, isCompleted: done, startsOn: first, endsOn: last,
                today: CivilDay(year: 2027, month: 3, day: day)!)
        }
        #expect(on(1) == .underway && on(5) == .underway)
        #expect(on(6) == .unmarked)
        #expect(on(6, done: true) == .done)
        #expect(on(2, cancelled: true) == .cancelled)
        #expect(
            DevelopmentStatus.of(
                isCancelled: false, isCompleted: false, startsOn: first, endsOn: last,
                today: CivilDay(year: 2027, month: 2, day: 28)!) == .planned)
        // Over and not marked is not done: the schedule's completion does not count it.
        #expect(DevelopmentDue.completion([.done, .unmarked]) == 50)
    }
}
