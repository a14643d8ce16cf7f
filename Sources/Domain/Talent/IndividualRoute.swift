import Foundation

/// An individual educational route of a databank student (`GLOSSARY.md`: `IndividualRoute`; issue 21, item 6;
/// `001_4390f67d15d9225c.txt` §3.3.3 — individual trajectories through network courses, profile shifts, summer
/// schools, research; §3.3.2 summer and holiday schools, profile shifts; §3.3.4 psychological-pedagogical support): a
/// year's goals, the mentor and the responsible curator, and its steps — activities with their milestones' dates and
/// status.
public enum RouteStatus: String, CaseIterable, Sendable {
    case active, completed, cancelled

    public var title: String {
        switch self {
        case .active: "выполняется"
        case .completed: "завершён"
        case .cancelled: "прекращён"
        }
    }
}

/// What a step of a route is.
public enum RouteStepKind: String, CaseIterable, Sendable {
    case course, olympiadPreparation, profileShift, summerSchool, research, other

    public var title: String {
        switch self {
        case .course: "сетевой курс"
        case .olympiadPreparation: "подготовка к олимпиаде"
        case .profileShift: "профильная смена"
        case .summerSchool: "летняя (каникулярная) школа"
        case .research: "исследовательский проект"
        case .other: "другое"
        }
    }
}

/// Where a step stands by its milestone.
public enum RouteStepStatus: String, CaseIterable, Sendable {
    case planned, inProgress, done, missed

    public var title: String {
        switch self {
        case .planned: "запланирован"
        case .inProgress: "выполняется"
        case .done: "выполнен"
        case .missed: "не выполнен"
        }
    }

    /// Whether a step in this status with its milestone before `today` is overdue.
    public func isOverdue(due: CivilDay, today: CivilDay) -> Bool {
        (self == .planned || self == .inProgress) && due < today
    }
}

/// A route's own fields as the form sends them, checked.
public struct RouteInput: Sendable, Equatable {
    public var goals: String
    public var mentor: String?
    public var curator: String
    public var status: RouteStatus

    public init(goals: String, mentor: String?, curator: String, status: RouteStatus) {
        self.goals = goals
        self.mentor = mentor
        self.curator = curator
        self.status = status
    }

    public static func parse(_ form: (String) -> String?, errors: inout FieldErrors) -> RouteInput? {
        let goals = errors.required("goals", form("goals"), max: 2000)
        let mentor = errors.optional("mentor", form("mentor"), max: 200)
        let curator = errors.required("curator", form("curator"), max: 200)
        let status = errors.choice("status", form("status"), as: RouteStatus.self)
        guard errors.isEmpty, let status else { return nil }
        return RouteInput(goals: goals, mentor: mentor, curator: curator, status: status)
    }
}

/// A step's fields as the form sends them, checked: what, when it starts (optional) and its milestone's date, status,
/// result.
public struct RouteStepInput: Sendable, Equatable {
    public var kind: RouteStepKind
    public var title: String
    public var startsOn: CivilDay?
    public var dueOn: CivilDay
    public var status: RouteStepStatus
    public var result: String?

    public init(
        kind: RouteStepKind, title: String, startsOn: CivilDay?, dueOn: CivilDay, status: RouteStepStatus,
        result: String?
    ) {
        self.kind = kind
        self.title = title
        self.startsOn = startsOn
        self.dueOn = dueOn
        self.status = status
        self.result = result
    }

    public static func parse(_ form: (String) -> String?, errors: inout FieldErrors) -> RouteStepInput? {
        let kind = errors.choice("kind", form("kind"), as: RouteStepKind.self)
        let title = errors.required("title", form("title"))
        let startsOn = errors.day("startsOn", form("startsOn"), required: false)
        let dueOn = errors.day("dueOn", form("dueOn"), required: true)
        if let startsOn, let dueOn, dueOn < startsOn {
            errors.add("dueOn", "Срок не раньше начала.")
        }
        let status = errors.choice("status", form("status"), as: RouteStepStatus.self)
        let result = errors.optional("result", form("result"), max: 1000)
        if status == .done && result == nil { errors.add("result", "Опишите результат выполненного этапа.") }
        guard errors.isEmpty, let kind, let dueOn, let status else { return nil }
        return RouteStepInput(
            kind: kind, title: title, startsOn: startsOn, dueOn: dueOn, status: status, result: result)
    }
}
