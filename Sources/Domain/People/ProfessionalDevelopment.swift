import Foundation

/// Where a course of the qualification-improvement plan-schedule takes the teacher (`004_5209da8e0aa92458.txt`, second
/// year §3: «план-график выездов педагогов: в другие регионы РФ; в Забайкальском крае»).
public enum DevelopmentTrip: String, CaseIterable, Sendable {
    case none
    case withinRegion = "within-region"
    case otherRegion = "other-region"

    public var title: String {
        switch self {
        case .none: "Без выезда (дистанционно или на месте)"
        case .withinRegion: "Выезд в пределах края"
        case .otherRegion: "Выезд в другой регион"
        }
    }
}

/// The state of one course in the plan-schedule.
public enum DevelopmentStatus: String, CaseIterable, Sendable {
    case planned, underway
    /// Over, not marked completed: the schedule asks whoever keeps it to mark it (with the certificate) or cancel it.
    case unmarked = "not-marked"
    case done, cancelled

    public var title: String {
        switch self {
        case .planned: "Запланировано"
        case .underway: "Идёт обучение"
        case .unmarked: "Окончено, не отмечено"
        case .done: "Пройдено"
        case .cancelled: "Отменено"
        }
    }

    /// The badge's colour class (a word beside it always says the state).
    public var badge: String {
        switch self {
        case .planned: "active"
        case .underway: "plan-in"
        case .unmarked: "expiring"
        case .done: "plan-done"
        case .cancelled: "archived"
        }
    }
}

extension DevelopmentStatus {
    /// A course's state on `today`: cancelled or done as recorded, otherwise planned before its first day, underway
    /// until its last, and over but not marked after it.
    public static func of(
        isCancelled: Bool, isCompleted: Bool, startsOn: CivilDay, endsOn: CivilDay, today: CivilDay
    ) -> DevelopmentStatus {
        if isCancelled { return .cancelled }
        if isCompleted { return .done }
        if today < startsOn { return .planned }
        return today <= endsOn ? .underway : .unmarked
    }
}

/// Who is due for professional development: a teacher whose last completed course ended more than `everyYears` years
/// ago, or who has none (issue 23, item 2: «the authority's view of who is due»).
public enum DevelopmentDue {
    /// The day by which the next course is due: `everyYears` after the last one ended; nil without any (due now).
    public static func dueBy(lastCompleted: CivilDay?, everyYears: Int = 3) -> CivilDay? {
        guard let last = lastCompleted else { return nil }
        let (year, month, day) = last.ymd
        return CivilDay(
            year: year + everyYears, month: month, day: min(day, RuDate.daysInMonth(year + everyYears, month)))
    }

    /// Whether the teacher is due on `today`.
    public static func isDue(lastCompleted: CivilDay?, today: CivilDay, everyYears: Int = 3) -> Bool {
        guard let due = dueBy(lastCompleted: lastCompleted, everyYears: everyYears) else { return true }
        return today >= due
    }

    /// The share of the schedule done: courses done among those not cancelled, in whole percent (nil: none planned).
    public static func completion(_ statuses: [DevelopmentStatus]) -> Int? {
        let counted = statuses.filter { $0 != .cancelled }
        guard !counted.isEmpty else { return nil }
        return counted.filter { $0 == .done }.count * 100 / counted.count
    }
}
