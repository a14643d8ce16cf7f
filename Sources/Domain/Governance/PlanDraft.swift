import Foundation

/// A plan made from a roadmap template for a year (issue 22, item 2): each side of each row — the centre's measure, the
/// authority's — becomes an item of the side's organisation with the day its deadline makes; a recurring deadline (the
/// quarterly report, `004_5209da8e0aa92458.txt` № 43) one item per quarter; words that make no day an item whose date
/// the plan's author fixes.
public struct PlanItemDraft: Equatable, Sendable {
    /// Whose measure: the resource centre's or the municipal authority's (МОУО).
    public enum Side: String, CaseIterable, Sendable {
        case center, authority
    }

    public var side: Side
    public var section: String
    /// The row's number as the template prints it.
    public var number: String?
    /// The item's place in the plan (the template's order; a row's centre side before its authority side).
    public var position: Int
    public var measure: String
    /// The deadline in the template's words.
    public var deadline: String
    /// The day it is due (nil: the words make none; the author fixes it).
    public var dueOn: CivilDay?
    /// The day the work starts, when the deadline is a run of months or «с сентября».
    public var startsOn: CivilDay?
    /// For a recurring deadline: the quarter (1–4) this item is for.
    public var quarter: Int?
    /// Done only with evidence (`PlanEvidence`).
    public var evidenceRequired: Bool

    public init(
        side: Side, section: String, number: String?, position: Int, measure: String, deadline: String,
        dueOn: CivilDay?, startsOn: CivilDay?, quarter: Int?, evidenceRequired: Bool = false
    ) {
        self.side = side
        self.section = section
        self.number = number
        self.position = position
        self.measure = measure
        self.deadline = deadline
        self.dueOn = dueOn
        self.startsOn = startsOn
        self.quarter = quarter
        self.evidenceRequired = evidenceRequired
    }
}

extension RoadmapTemplate {
    /// The plan's items for a calendar year, in the template's order.
    public func planItems(year: Int) -> [PlanItemDraft] {
        var items: [PlanItemDraft] = []
        for section in sections {
            for measure in section.measures {
                let sides: [(PlanItemDraft.Side, String?, RoadmapDeadline?)] = [
                    (.center, measure.center, measure.centerDue), (.authority, measure.authority, measure.authorityDue),
                ]
                for case (let side, let text?, let due?) in sides {
                    let days = due.days(year: year)
                    let recurring = days.count > 1
                    for (index, day) in (days.isEmpty ? [nil] : days.map { Optional($0) }).enumerated() {
                        items.append(
                            PlanItemDraft(
                                side: side, section: section.title, number: measure.number, position: items.count,
                                measure: text, deadline: due.text, dueOn: day, startsOn: due.start(year: year),
                                quarter: recurring ? index + 1 : nil,
                                evidenceRequired: measure.evidence ?? PlanEvidence.required(text)))
                    }
                }
            }
        }
        return items
    }
}

/// An item's state (issue 22, item 2): not started, in progress, done, cancelled with a reason; overdue is not a state
/// but a fact of the day — due before today and neither done nor cancelled.
public enum PlanItemStatus: String, CaseIterable, Sendable {
    case notStarted, inProgress, done, cancelled

    public var title: String {
        switch self {
        case .notStarted: "не начато"
        case .inProgress: "выполняется"
        case .done: "выполнено"
        case .cancelled: "отменено"
        }
    }

    /// Done or cancelled: nothing is due any more.
    public var isClosed: Bool { self == .done || self == .cancelled }
}

/// What a plan's items say about it on a day: how many are due by then and how many of those were done on time, the
/// overdue ones, and the next deadlines (issue 22, item 2: the authority's side-by-side view).
public struct PlanProgress: Equatable, Sendable {
    /// An item as the progress reads it.
    public struct Item: Equatable, Sendable {
        public var status: PlanItemStatus
        public var dueOn: CivilDay?
        public var doneOn: CivilDay?
        public init(status: PlanItemStatus, dueOn: CivilDay?, doneOn: CivilDay?) {
            self.status = status
            self.dueOn = dueOn
            self.doneOn = doneOn
        }

        /// Due before `today` and neither done nor cancelled.
        public func isOverdue(today: CivilDay) -> Bool {
            guard let dueOn, !status.isClosed else { return false }
            return dueOn < today
        }

        /// Done on or before its day (an item without a day: done at all; done with no day recorded: not on time).
        public var doneOnTime: Bool {
            guard status == .done else { return false }
            guard let dueOn else { return true }
            guard let doneOn else { return false }
            return doneOn <= dueOn
        }
    }

    public var total: Int
    public var done: Int
    /// Items due before today (not cancelled), and those of them done on time.
    public var due: Int
    public var dueDoneOnTime: Int
    public var overdue: Int
    /// Items without a day yet: the author has to fix one.
    public var undated: Int

    /// The figures as counted elsewhere (the database: `PlanSummarySQL`).
    public init(total: Int, done: Int, due: Int, dueDoneOnTime: Int, overdue: Int, undated: Int) {
        self.total = total
        self.done = done
        self.due = due
        self.dueDoneOnTime = dueDoneOnTime
        self.overdue = overdue
        self.undated = undated
    }

    public init(_ items: [Item], today: CivilDay) {
        total = items.count
        done = items.filter { $0.status == .done }.count
        let dueItems = items.filter { $0.status != .cancelled && ($0.dueOn.map { $0 < today } ?? false) }
        due = dueItems.count
        dueDoneOnTime = dueItems.filter(\.doneOnTime).count
        overdue = items.filter { $0.isOverdue(today: today) }.count
        undated = items.filter { $0.dueOn == nil && !$0.status.isClosed }.count
    }

    /// The share of the items due by today done on time, in whole percent (nil: nothing was due yet).
    public var onTimePercent: Int? { due == 0 ? nil : (dueDoneOnTime * 100 + due / 2) / due }
}
