import Foundation
import Testing

@testable import Domain

/// Issue 23, item 1: who may register for an event and until when, its phase, the consolidated plan by month.
@Suite struct EventRulesTests {
    let start = CivilDay(year: 2027, month: 3, day: 12)!
    let parent = UUID(), child = UUID(), teacher = UUID()

    func window(_ audience: EventAudience, until: CivilDay? = nil, cancelled: Bool = false) -> EventRegistrationWindow {
        EventRegistrationWindow(audience: audience, startsOn: start, registrationUntil: until, cancelled: cancelled)
    }

    @Test func aParentRegistersTheirChildForAStudentsEventUntilTheDayBefore() {
        let students = window(.students)
        let before = start.adding(days: -1)
        #expect(
            students.refusal(
                of: .student(child), by: parent, students: [child], isGuardian: true, isStaff: false, today: before)
                == nil)
        #expect(
            students.refusal(
                of: .student(UUID()), by: parent, students: [child], isGuardian: true, isStaff: false, today: before)
                == .notYours)
        #expect(
            students.refusal(
                of: .user(parent), by: parent, students: [child], isGuardian: true, isStaff: false,
                today: before) == .otherAudience)
        #expect(students.refusal(today: start) == .started)
        #expect(window(.students, until: start.adding(days: -5)).refusal(today: start.adding(days: -4)) == .closed)
        #expect(window(.students, cancelled: true).refusal(today: before) == .cancelled)
    }

    @Test func teachersAndParentsRegisterThemselves() {
        let day = start.adding(days: -3)
        #expect(
            window(.teachers).refusal(
                of: .user(teacher), by: teacher, students: [], isGuardian: false, isStaff: true, today: day) == nil)
        #expect(
            window(.teachers).refusal(
                of: .user(parent), by: parent, students: [child], isGuardian: true, isStaff: false, today: day)
                == .otherAudience)
        #expect(
            window(.teachers).refusal(
                of: .user(UUID()), by: teacher, students: [], isGuardian: false, isStaff: true, today: day)
                == .notYours)
        #expect(
            window(.parents).refusal(
                of: .user(parent), by: parent, students: [child], isGuardian: true, isStaff: false, today: day) == nil)
    }

    @Test func thePhaseFollowsTheDaysAndPlaces() {
        let students = window(.students)
        let end = start.adding(days: 2)
        #expect(EventPhase.of(students, endsOn: end, capacity: 5, taken: 4, today: start.adding(days: -2)) == .open)
        #expect(EventPhase.of(students, endsOn: end, capacity: 5, taken: 5, today: start.adding(days: -2)) == .full)
        #expect(EventPhase.of(students, endsOn: end, capacity: nil, taken: 500, today: start.adding(days: -2)) == .open)
        #expect(EventPhase.of(students, endsOn: end, capacity: 5, taken: 1, today: start) == .underway)
        #expect(EventPhase.of(students, endsOn: end, capacity: 5, taken: 1, today: end.adding(days: 1)) == .held)
        #expect(
            EventPhase.of(window(.students, cancelled: true), endsOn: end, capacity: 5, taken: 1, today: start)
                == .cancelled)
    }

    @Test func theConsolidatedPlanKeepsEveryMonthOfTheYear() {
        let from = CivilDay(year: 2026, month: 9, day: 1)!
        let to = CivilDay(year: 2027, month: 8, day: 31)!
        let starts = [
            CivilDay(year: 2026, month: 9, day: 30)!, CivilDay(year: 2027, month: 3, day: 1)!,
            CivilDay(year: 2027, month: 3, day: 31)!, CivilDay(year: 2027, month: 9, day: 1)!,
        ]
        let months = ConsolidatedPlan.months(from: from, to: to, starts: starts)
        #expect(months.count == 12)
        #expect(months[0].items == [0] && months[6].items == [1, 2])
        #expect(months.map(\.items).joined().count == 3)
    }
}
