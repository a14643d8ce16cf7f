import Foundation

/// How long lessons are: an academic hour is 45 minutes, with a 10-minute break between two hours of one lesson
/// (a lesson of 2 academic hours lasts 15:00–16:40). Group volumes are counted in these hours
/// (`000_5375b2a087477e6d.txt` §4.1: 64 teaching hours a year per group).
public enum LessonLength {
    public static let academicHourMinutes = 45
    public static let breakMinutes = 10
    public static let maxHours = 4
    public static func minutes(hours: Int) -> Int { hours * academicHourMinutes + max(0, hours - 1) * breakMinutes }
}

/// When a lesson takes place: a day and a half-open interval of minutes [start, end).
public struct LessonSpan: Hashable, Sendable {
    public var day: CivilDay
    public var start: Int
    public var end: Int
    public init(day: CivilDay, start: Int, end: Int) { self.day = day; self.start = start; self.end = end }
    public init(day: CivilDay, start: ClockTime, hours: Int) {
        self.init(day: day, start: start.minutes, end: start.minutes + LessonLength.minutes(hours: hours))
    }
    public func overlaps(_ other: LessonSpan) -> Bool { day == other.day && start < other.end && other.start < end }
    /// «15:00–16:40».
    public var times: String { ClockTime(minutes: start).formatted + "–" + ClockTime(minutes: end).formatted }
}

/// A weekly pattern of a group: the same weekday, time and room every week between two dates.
public struct WeeklyPattern: Hashable, Sendable {
    public var weekday: Weekday
    public var start: ClockTime
    public var hours: Int
    public var from: CivilDay
    public var to: CivilDay
    public init(weekday: Weekday, start: ClockTime, hours: Int, from: CivilDay, to: CivilDay) {
        self.weekday = weekday; self.start = start; self.hours = hours; self.from = from; self.to = to
    }
}

public enum Recurrence {
    /// The days of the pattern from its first to its last date (both included), without the days that fall on a
    /// holiday of the academic-year calendar; the skipped days come back with the holiday's title.
    public static func days(_ p: WeeklyPattern, holidays: [HolidayPeriod]) -> (days: [CivilDay], skipped: [(day: CivilDay, holiday: String)]) {
        guard p.from <= p.to else { return ([], []) }
        var day = p.from.adding(days: (p.weekday.rawValue - p.from.weekday.rawValue + 7) % 7)
        var days: [CivilDay] = [], skipped: [(CivilDay, String)] = []
        while day <= p.to {
            if let h = holidays.first(where: { $0.contains(day) }) { skipped.append((day, h.title)) } else { days.append(day) }
            day = day.adding(days: 7)
        }
        return (days, skipped)
    }
}

/// A lesson as the clash rules see it.
public struct TimetableLesson: Hashable, Sendable {
    public var id: UUID?
    public var groupID: UUID
    public var groupName: String
    public var centerID: UUID
    public var centerName: String
    public var span: LessonSpan
    /// The teacher who gives this lesson (the substitute, when there is one).
    public var teacherID: UUID?
    public var teacherName: String
    public var roomID: UUID?
    public var roomName: String
    public init(id: UUID? = nil, groupID: UUID, groupName: String, centerID: UUID, centerName: String, span: LessonSpan,
                teacherID: UUID?, teacherName: String, roomID: UUID?, roomName: String) {
        self.id = id; self.groupID = groupID; self.groupName = groupName; self.centerID = centerID; self.centerName = centerName
        self.span = span; self.teacherID = teacherID; self.teacherName = teacherName; self.roomID = roomID; self.roomName = roomName
    }
}

/// A student of a group, with where they come from (for the home school's busy time).
public struct TimetableStudent: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var schoolID: UUID
    public var grade: Int
    public init(id: UUID, name: String, schoolID: UUID, grade: Int) { self.id = id; self.name = name; self.schoolID = schoolID; self.grade = grade }
}

/// Time a school keeps for its own lessons for a grade on a weekday (e.g. lessons until 14:30).
public struct BusySlot: Hashable, Sendable {
    public var schoolID: UUID
    public var schoolName: String
    public var grade: Int
    public var weekday: Weekday
    public var start: Int
    public var end: Int
    public init(schoolID: UUID, schoolName: String, grade: Int, weekday: Weekday, start: Int, end: Int) {
        self.schoolID = schoolID; self.schoolName = schoolName; self.grade = grade; self.weekday = weekday; self.start = start; self.end = end
    }
}

/// The travel time the administrator sets between two centres (either direction).
public struct TravelTime: Hashable, Sendable {
    public var a: UUID
    public var b: UUID
    public var minutes: Int
    public init(a: UUID, b: UUID, minutes: Int) { self.a = a; self.b = b; self.minutes = minutes }
}

/// One thing wrong with a proposed lesson. Clashes refuse the change; warnings are shown and may be accepted.
public struct TimetableIssue: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case group, teacher, room, student, busy, travel, holiday
        public var isClash: Bool { self != .busy && self != .travel && self != .holiday }
    }
    public var kind: Kind
    public var day: CivilDay
    /// What the issue is about, without the date: issues with the same text are shown as one line with their dates.
    public var text: String
    public init(kind: Kind, day: CivilDay, text: String) { self.kind = kind; self.day = day; self.text = text }
}

/// What the clash rules need to know around a change (`issue 4`: a teacher, a room or a student may not be in two
/// places at once; the home school's busy time and travel between centres are warnings).
public struct TimetableContext: Sendable {
    /// Lessons already scheduled (not cancelled) that may meet the proposed ones: the same teachers, rooms, groups,
    /// and the other groups of the students.
    public var existing: [TimetableLesson]
    /// The students of each group among the proposed and existing lessons' groups.
    public var members: [UUID: [TimetableStudent]]
    public var busy: [BusySlot]
    public var travel: [TravelTime]
    public var holidays: [HolidayPeriod]
    /// Whether the one who asks may learn which group (of which centre) a student of which school attends
    /// (`AccessPolicy` `.groupStudent`); when not, a clash says only «в другой группе сети».
    public var reveal: @Sendable (_ centerID: UUID, _ schoolID: UUID) -> Bool
    public init(existing: [TimetableLesson], members: [UUID: [TimetableStudent]], busy: [BusySlot] = [], travel: [TravelTime] = [],
                holidays: [HolidayPeriod] = [], reveal: @escaping @Sendable (UUID, UUID) -> Bool = { _, _ in true }) {
        self.existing = existing; self.members = members; self.busy = busy; self.travel = travel; self.holidays = holidays; self.reveal = reveal
    }
}

public enum ClashRules {
    /// Every clash and warning of the proposed lessons against the existing ones and against each other. A proposed
    /// lesson with an id replaces the existing lesson of that id (a move or a substitution).
    public static func check(_ proposed: [TimetableLesson], in ctx: TimetableContext) -> [TimetableIssue] {
        let replaced = Set(proposed.compactMap(\.id))
        let others = ctx.existing.filter { $0.id.map { !replaced.contains($0) } ?? true }
        var issues: [TimetableIssue] = []
        var studentLessons: [UUID: [TimetableLesson]] = [:]
        for l in others { for s in ctx.members[l.groupID] ?? [] { studentLessons[s.id, default: []].append(l) } }
        let byDay = Dictionary(grouping: others, by: \.span.day)
        for (i, p) in proposed.enumerated() {
            let sameDay = (byDay[p.span.day] ?? []) + proposed[..<i].filter { $0.span.day == p.span.day }
            for o in sameDay where o.span.overlaps(p.span) {
                if o.groupID == p.groupID {
                    issues.append(TimetableIssue(kind: .group, day: p.span.day, text: "у группы уже есть занятие в это время (\(o.span.times))"))
                }
                if let t = p.teacherID, t == o.teacherID {
                    issues.append(TimetableIssue(kind: .teacher, day: p.span.day,
                                                 text: "педагог \(p.teacherName) в это время ведёт занятие группы «\(o.groupName)» (\(o.span.times), \(o.centerName))"))
                }
                if let r = p.roomID, r == o.roomID {
                    issues.append(TimetableIssue(kind: .room, day: p.span.day,
                                                 text: "кабинет «\(p.roomName)» в это время занят группой «\(o.groupName)» (\(o.span.times))"))
                }
            }
            if let h = ctx.holidays.first(where: { $0.contains(p.span.day) }) {
                issues.append(TimetableIssue(kind: .holiday, day: p.span.day, text: "день попадает на период «\(h.title)» (\(h.kind.title))"))
            }
            // A teacher working at two centres needs the travel time between lessons of one day.
            if let t = p.teacherID {
                for o in sameDay where o.teacherID == t && o.centerID != p.centerID && !o.span.overlaps(p.span) {
                    if let need = travelMinutes(p.centerID, o.centerID, ctx.travel) {
                        let gap = o.span.end <= p.span.start ? p.span.start - o.span.end : o.span.start - p.span.end
                        if gap < need {
                            issues.append(TimetableIssue(kind: .travel, day: p.span.day,
                                                         text: "педагогу \(p.teacherName) не успеть из «\(o.centerName)» (группа «\(o.groupName)», \(o.span.times)): на дорогу нужно \(need) мин, остаётся \(gap) мин"))
                        }
                    }
                }
            }
            let students = ctx.members[p.groupID] ?? []
            for s in students {
                for o in studentLessons[s.id] ?? [] where o.groupID != p.groupID && o.span.day == p.span.day {
                    let shown = ctx.reveal(o.centerID, s.schoolID)
                    let other = shown ? "группе «\(o.groupName)» (\(o.span.times), \(o.centerName))" : "другой группе сети (\(o.span.times))"
                    if o.span.overlaps(p.span) {
                        issues.append(TimetableIssue(kind: .student, day: p.span.day, text: "обучающийся \(s.name) в это время занят в \(other)"))
                    } else if o.centerID != p.centerID, let need = travelMinutes(p.centerID, o.centerID, ctx.travel) {
                        let gap = o.span.end <= p.span.start ? p.span.start - o.span.end : o.span.start - p.span.end
                        if gap < need {
                            issues.append(TimetableIssue(kind: .travel, day: p.span.day,
                                                         text: "обучающемуся \(s.name) не успеть с занятия в \(other): на дорогу нужно \(need) мин, остаётся \(gap) мин"))
                        }
                    }
                }
            }
            var busyCount: [BusySlot: Int] = [:]
            for s in students {
                for b in ctx.busy where b.schoolID == s.schoolID && b.grade == s.grade && b.weekday == p.span.day.weekday
                    && b.start < p.span.end && p.span.start < b.end { busyCount[b, default: 0] += 1 }
            }
            for (b, n) in busyCount.sorted(by: { $0.key.schoolName < $1.key.schoolName }) {
                issues.append(TimetableIssue(kind: .busy, day: p.span.day,
                                             text: "у \(b.grade) классов \(b.schoolName) \(b.weekday.every) своё время \(LessonSpan(day: p.span.day, start: b.start, end: b.end).times) — "
                                                + RussianPlural.count(n, "обучающийся", "обучающихся", "обучающихся") + " группы"))
            }
        }
        return issues
    }

    static func travelMinutes(_ a: UUID, _ b: UUID, _ travel: [TravelTime]) -> Int? {
        travel.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }?.minutes
    }

    /// Issues with the same text as one line with their dates: «педагог … ведёт … — 07.09.2026, 14.09.2026 и ещё 3».
    public static func summary(_ issues: [TimetableIssue], showDates: Int = 4) -> [String] {
        var order: [String] = []
        var days: [String: [CivilDay]] = [:]
        for i in issues {
            if days[i.text] == nil { order.append(i.text) }
            days[i.text, default: []].append(i.day)
        }
        return order.map { text in
            let d = Array(Set(days[text]!)).sorted()
            var dates = d.prefix(showDates).map(\.formatted).joined(separator: ", ")
            if d.count > showDates { dates += " и ещё \(d.count - showDates)" }
            return dates + ": " + text + "."
        }
    }
}

/// The limits every lesson keeps: within the group's dates, between 07:00 and 22:00, 1–4 academic hours.
public enum LessonRules {
    public static let earliest = 7 * 60
    public static let latest = 22 * 60

    /// Adds the errors of a lesson's time (start and length) to the fields named.
    public static func checkTime(start: ClockTime?, hours: Int?, startField: String, errors: inout FieldErrors) {
        guard let start, let hours else { return }
        if start.minutes < earliest { errors.add(startField, "Занятия начинаются не раньше 07:00.") }
        else if start.minutes + LessonLength.minutes(hours: hours) > latest {
            errors.add(startField, "Занятие в \(hours) ак. ч закончится позже 22:00.")
        }
    }

    /// Adds an error when a day is outside the group's dates.
    public static func checkDay(_ day: CivilDay?, window: ClosedRange<CivilDay>, field: String, errors: inout FieldErrors) {
        guard let day, !window.contains(day) else { return }
        errors.add(field, "Дата вне сроков группы (\(window.lowerBound.formatted) — \(window.upperBound.formatted)).")
    }
}
