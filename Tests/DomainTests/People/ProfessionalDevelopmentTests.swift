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
