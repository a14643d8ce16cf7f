import Foundation
import Testing

@testable import Domain

/// Issue 22, item 2: a plan made from a roadmap for a year, and what its items say on a day (overdue, on time).
@Suite struct PlanDraftTests {
    func day(_ text: String) -> CivilDay { CivilDay.parse(text)! }

    @Test func eachSideOfEachRowBecomesItsItemsWithTheirDays() {
        let items = RoadmapTemplate.firstYear.planItems(year: 2027)
        let sides = RoadmapTemplate.firstYear.measures.flatMap { [$0.center, $0.authority] }.compactMap { $0 }
        // The quarterly report and its control recur four times each: three more items apiece.
        #expect(items.count == sides.count + 6)
        #expect(items.map(\.position) == Array(0..<items.count))
        let order = items.first { $0.number == "2" }
        #expect(order?.side == .center && order?.dueOn == day("31.05.2027") && order?.quarter == nil)
        let reports = items.filter { $0.number == "43" && $0.side == .center }
        #expect(reports.map(\.dueOn) == ["05.04.2027", "05.07.2027", "05.10.2027", "05.01.2028"].map(day))
        #expect(reports.map(\.quarter) == [1, 2, 3, 4])
        let control = items.filter { $0.number == "43" && $0.side == .authority }
        #expect(control.map(\.dueOn) == ["31.03.2027", "30.06.2027", "30.09.2027", "31.12.2027"].map(day))
        // A run of months starts and ends; words make no day.
        let run = items.first { $0.number == "4" && $0.side == .authority }
        #expect(run?.startsOn == day("01.04.2027") && run?.dueOn == day("31.08.2027"))
        let words = items.first { $0.number == "5" && $0.side == .center }
        #expect(words?.dueOn == nil && words?.deadline == "по отдельному графику")
        // The authority's unnumbered rows come first, as the seed has them.
        #expect(items.first?.side == .authority && items.first?.number == nil)
        #expect(RoadmapTemplate.secondYear.planItems(year: 2027).filter { $0.dueOn == nil }.isEmpty)
    }

    @Test func overdueIsDueBeforeTodayAndNeitherDoneNorCancelled() {
        let today = day("10.06.2027")
        let late = PlanProgress.Item(status: .inProgress, dueOn: day("31.05.2027"), doneOn: nil)
        let dueToday = PlanProgress.Item(status: .notStarted, dueOn: today, doneOn: nil)
        let doneLate = PlanProgress.Item(status: .done, dueOn: day("31.05.2027"), doneOn: day("02.06.2027"))
        let doneOnTime = PlanProgress.Item(status: .done, dueOn: day("31.05.2027"), doneOn: day("30.05.2027"))
        let cancelled = PlanProgress.Item(status: .cancelled, dueOn: day("01.05.2027"), doneOn: nil)
        let undated = PlanProgress.Item(status: .notStarted, dueOn: nil, doneOn: nil)
        let future = PlanProgress.Item(status: .notStarted, dueOn: day("31.08.2027"), doneOn: nil)
        #expect(late.isOverdue(today: today) && !dueToday.isOverdue(today: today))
        #expect(!doneLate.isOverdue(today: today) && !cancelled.isOverdue(today: today))
        #expect(!undated.isOverdue(today: today) && !doneLate.doneOnTime && doneOnTime.doneOnTime)
        // Done on the day itself is on time; done with no day recorded is not.
        #expect(PlanProgress.Item(status: .done, dueOn: today, doneOn: today).doneOnTime)
        #expect(!PlanProgress.Item(status: .done, dueOn: today, doneOn: nil).doneOnTime)
        let progress = PlanProgress(
            [late, dueToday, doneLate, doneOnTime, cancelled, undated, future], today: today)
        #expect(progress.total == 7 && progress.done == 2 && progress.overdue == 1 && progress.undated == 1)
        // Due before today, not cancelled: the late one and the two done; one of three on time.
        #expect(progress.due == 3 && progress.dueDoneOnTime == 1 && progress.onTimePercent == 33)
        #expect(PlanProgress([future], today: today).onTimePercent == nil)
    }
}
