import Foundation

/// What a line of the municipal programme's budget pays for (issue 23, item 6): outside trainers' work
/// (`000_5375b2a087477e6d.txt` §4.3), pupils' trips to final events (§4.5), teachers' financial support
/// (`002_f5d848fa5a191e3f.txt` §15), students' support (premiums, stipends, grants) and events, all «из средств
/// долгосрочной муниципальной целевой программы» (§5).
public enum BudgetKind: String, CaseIterable, Sendable {
    case trainers, trips, awards
    case studentSupport = "student-support"
    case events, other

    public var title: String {
        switch self {
        case .trainers: "Оплата работы педагогов-тренеров"
        case .trips: "Поездки на финальные мероприятия"
        case .awards: "Финансовая поддержка педагогов"
        case .studentSupport: "Поддержка обучающихся"
        case .events: "Мероприятия"
        case .other: "Прочие расходы"
        }
    }

    /// The records a line of this kind pays for: an entry of the line names one of them (or none, for «other»).
    public var source: BudgetSource? {
        switch self {
        case .trainers: .trainer
        case .trips, .studentSupport: .supportMeasure
        case .awards: .teacherAward
        case .events: .event
        case .other: nil
        }
    }
}

/// The kind of record an entry pays for.
public enum BudgetSource: String, CaseIterable, Sendable {
    /// A teacher's amount in an approved round of financial support.
    case teacherAward = "teacher-award"
    /// A student's support measure: a premium, a stipend, a grant or a trip.
    case supportMeasure = "support-measure"
    /// An event of the consolidated plan.
    case event
    /// An outside trainer's hours (a staff member marked as an outside trainer).
    case trainer

    public var title: String {
        switch self {
        case .teacherAward: "Назначение поддержки педагогу"
        case .supportMeasure: "Мера поддержки обучающегося"
        case .event: "Мероприятие"
        case .trainer: "Педагог-тренер"
        }
    }

    /// Whether one record may be paid by one entry only (an award or a measure is paid once; an event or a trainer's
    /// work may be paid in parts).
    public var isPaidOnce: Bool { self == .teacherAward || self == .supportMeasure }
}

/// An entry's state: money committed (an obligation taken), paid, or the commitment cancelled (the money back in the
/// line).
public enum BudgetEntryState: String, CaseIterable, Sendable {
    case committed, paid, cancelled

    public var title: String {
        switch self {
        case .committed: "Обязательство"
        case .paid: "Оплачено"
        case .cancelled: "Отменено"
        }
    }

    /// Whether the entry holds the line's money.
    public var holdsMoney: Bool { self != .cancelled }
}

/// A line's balance: the planned amount, what is committed and not yet paid, what is paid, and what remains.
public struct BudgetBalance: Sendable, Equatable {
    public var planned: Int
    public var committed: Int
    public var paid: Int

    public init(planned: Int, committed: Int = 0, paid: Int = 0) {
        self.planned = planned
        self.committed = committed
        self.paid = paid
    }

    /// The balance of a line with these entries.
    public init(planned: Int, entries: [(amount: Int, state: BudgetEntryState)]) {
        self.init(
            planned: planned, committed: entries.filter { $0.state == .committed }.map(\.amount).reduce(0, +),
            paid: entries.filter { $0.state == .paid }.map(\.amount).reduce(0, +))
    }

    /// Committed and paid: the money the line no longer has.
    public var used: Int { committed + paid }
    public var remaining: Int { planned - used }

    /// Why `amounts` cannot be taken from the line at once, or nil when they can.
    public func refusal(taking amounts: [Int]) -> BudgetRefusal? {
        if amounts.isEmpty || amounts.contains(where: { $0 <= 0 }) { return .notPositive }
        let total = amounts.reduce(0, +)
        return total > remaining ? .aboveRemainder(remaining: remaining) : nil
    }

    /// Why the line's plan cannot become `planned`, or nil when it can: never below what is already used.
    public func refusal(planning planned: Int) -> BudgetRefusal? {
        if planned < 0 { return .notPositive }
        return planned < used ? .belowUsed(used: used) : nil
    }
}

/// Why money is not taken or a plan not changed.
public enum BudgetRefusal: Sendable, Equatable {
    /// An amount of zero or below.
    case notPositive
    /// More than the line has left.
    case aboveRemainder(remaining: Int)
    /// A plan below what is already committed and paid.
    case belowUsed(used: Int)
}
