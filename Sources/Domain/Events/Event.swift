import Foundation

/// What kind of event it is (`000_5375b2a087477e6d.txt` §3.2.8: seminars, round tables, webinars held by the centres;
/// `004_5209da8e0aa92458.txt`: profile shifts and summer schools; issue 23, item 1).
public enum EventKind: String, CaseIterable, Sendable {
    case seminar
    case roundTable = "round-table"
    case webinar, conference
    case masterClass = "master-class"
    case contest
    case profileShift = "profile-shift"
    case summerSchool = "summer-school"

    public var title: String {
        switch self {
        case .seminar: "Семинар"
        case .roundTable: "Круглый стол"
        case .webinar: "Вебинар"
        case .conference: "Конференция"
        case .masterClass: "Мастер-класс"
        case .contest: "Конкурс"
        case .profileShift: "Профильная смена"
        case .summerSchool: "Летняя школа"
        }
    }
}

/// Whom an event is held for — and so who registers: a student themselves or their parent for them, a teacher
/// themselves, a parent themselves.
public enum EventAudience: String, CaseIterable, Sendable {
    case students, teachers, parents

    public var title: String {
        switch self {
        case .students: "Обучающиеся"
        case .teachers: "Педагоги"
        case .parents: "Родители"
        }
    }

    /// «для обучающихся».
    public var forWhom: String {
        switch self {
        case .students: "для обучающихся"
        case .teachers: "для педагогов"
        case .parents: "для родителей"
        }
    }
}

/// Who is registered for an event: a student (by a parent, by themselves) or a user (a teacher, a parent).
public enum EventRegistrant: Hashable, Sendable {
    case student(UUID)
    case user(UUID)
}

/// Why a registration is refused before anything is written; the capacity itself is checked by the database's
/// conditional write (`EventRegistrationRefusal.full` then comes from there).
public enum EventRegistrationRefusal: Error, Equatable, Sendable {
    /// The event was cancelled (archived).
    case cancelled
    /// The event has begun or is over.
    case started
    /// The registration's last day has passed.
    case closed
    /// Every place is taken.
    case full
    /// The person is already registered.
    case already
    /// The event is for another audience than the person (a student for a teachers' seminar).
    case otherAudience
    /// The user may not register this person (not their child, not themselves).
    case notYours
}

/// The facts of an event that decide whether someone may still register for it.
public struct EventRegistrationWindow: Sendable, Equatable {
    public var audience: EventAudience
    public var startsOn: CivilDay
    /// The last day a registration is taken (nil: the day before the event starts).
    public var registrationUntil: CivilDay?
    public var cancelled: Bool

    public init(audience: EventAudience, startsOn: CivilDay, registrationUntil: CivilDay?, cancelled: Bool) {
        self.audience = audience
        self.startsOn = startsOn
        self.registrationUntil = registrationUntil
        self.cancelled = cancelled
    }

    /// The last day a registration is taken.
    public var lastDay: CivilDay {
        min(registrationUntil ?? startsOn.adding(days: -1), startsOn.adding(days: -1))
    }

    /// Whether registration is still open on `today` (the capacity aside).
    public func isOpen(today: CivilDay) -> Bool { refusal(today: today) == nil }

    /// Why a registration is refused on `today` whoever registers, or nil.
    public func refusal(today: CivilDay) -> EventRegistrationRefusal? {
        if cancelled { return .cancelled }
        if today >= startsOn { return .started }
        if today > lastDay { return .closed }
        return nil
    }

    /// Why `registrant` may not be registered on `today` by a user whose own id is `userID`, whose linked students
    /// (children, or themselves as a student) are `students`, who is a parent (`isGuardian`) or staff (`isStaff`).
    public func refusal(
        of registrant: EventRegistrant, by userID: UUID, students: Set<UUID>, isGuardian: Bool, isStaff: Bool,
        today: CivilDay
    ) -> EventRegistrationRefusal? {
        if let refusal = refusal(today: today) { return refusal }
        switch (registrant, audience) {
        case (.student(let id), .students):
            return students.contains(id) ? nil : .notYours
        case (.user(let id), .teachers):
            guard id == userID else { return .notYours }
            return isStaff ? nil : .otherAudience
        case (.user(let id), .parents):
            guard id == userID else { return .notYours }
            return isGuardian ? nil : .otherAudience
        case (.student, _), (.user, .students):
            return .otherAudience
        }
    }
}

/// The consolidated plan of events (`003_256a4293e3c370c5.txt` §3.10: «формирование сводного плана, информирование
/// образовательных организаций о сроках проведения мероприятий»): the events of a period by the month they start in.
public enum ConsolidatedPlan {
    /// The months from `from` to `to` (inclusive, each its first day) and, in each, the indices of `starts` that begin in
    /// it, in the order given; months without events are kept, so a printed plan shows every month of the year.
    public static func months(from: CivilDay, to: CivilDay, starts: [CivilDay]) -> [(month: CivilDay, items: [Int])] {
        var result: [(month: CivilDay, items: [Int])] = []
        var month = from.startOfMonth
        while month <= to {
            result.append((month, []))
            month = month.adding(days: month.daysInMonth)
        }
        for (index, day) in starts.enumerated() {
            guard let slot = result.lastIndex(where: { $0.month <= day }), day <= to, day >= from else { continue }
            result[slot].items.append(index)
        }
        return result
    }
}

/// Where an event stands on a day, as lists and the calendar say it.
public enum EventPhase: String, Sendable {
    case open, full, closed, underway, held, cancelled

    /// The phase of an event with `window` ending on `endsOn`, with `taken` of `capacity` places, on `today`.
    public static func of(
        _ window: EventRegistrationWindow, endsOn: CivilDay, capacity: Int?, taken: Int, today: CivilDay
    ) -> EventPhase {
        if window.cancelled { return .cancelled }
        if today > endsOn { return .held }
        if today >= window.startsOn { return .underway }
        if today > window.lastDay { return .closed }
        if let capacity, taken >= capacity { return .full }
        return .open
    }

    public var title: String {
        switch self {
        case .open: "Идёт запись"
        case .full: "Мест нет"
        case .closed: "Запись закрыта"
        case .underway: "Идёт"
        case .held: "Проведено"
        case .cancelled: "Отменено"
        }
    }

    /// The badge's colour class (a word beside it always says the phase).
    public var badge: String {
        switch self {
        case .open: "active"
        case .full, .closed: "expiring"
        case .underway: "plan-in"
        case .held: "plan-done"
        case .cancelled: "archived"
        }
    }
}
