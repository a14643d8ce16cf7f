import Foundation

/// A student's presence at a lesson, as the teacher marks it in the register.
public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present, excused, absent
    public var title: String {
        switch self {
        case .present: "присутствовал(а)"
        case .excused: "отсутствовал(а) по уважительной причине"
        case .absent: "отсутствовал(а) без уважительной причины"
        }
    }
    /// A column heading of the register form.
    public var short: String {
        switch self {
        case .present: "был(а)"
        case .excused: "нет, уважительная причина"
        case .absent: "нет, без причины"
        }
    }

    /// The letter of the printed register: «+», «у», «н».
    public var mark: String {
        switch self {
        case .present: "+"
        case .excused: "у"
        case .absent: "н"
        }
    }
}

/// What the register allows (issue 4: lessons cannot be marked in the future; hours delivered are 0…the lesson's).
public enum RegisterRules {
    /// Whether a lesson that starts at `start` minutes on `day` may be marked at the local moment (`today`, `minute`).
    public static func mayMark(day: CivilDay, start: Int, today: CivilDay, minute: Int) -> Bool {
        day < today || (day == today && start <= minute)
    }

    public static let futureMessage = "Занятие ещё не началось: отметить его можно с начала занятия."

    /// Adds the errors of a register entry to the fields: a topic, and hours between 0 and the lesson's.
    public static func check(topic: String, hours: Int?, lessonHours: Int, errors: inout FieldErrors) {
        if topic.isEmpty { errors.add("topic", "Укажите тему занятия.") }
        if let hours, !(0...lessonHours).contains(hours) { errors.add("hours", "Проведено от 0 до \(lessonHours) ак. ч — столько, сколько длится занятие.") }
    }
}

/// Hours of a group: planned by the programme (64 by default, `000_5375b2a087477e6d.txt` §4.1), delivered by the register.
public struct GroupHours: Equatable, Sendable {
    public var planned: Int
    public var scheduled: Int
    public var delivered: Int
    public init(planned: Int, scheduled: Int, delivered: Int) { self.planned = planned; self.scheduled = scheduled; self.delivered = delivered }
    /// Hours still to deliver to reach the plan (never negative).
    public var gap: Int { max(0, planned - delivered) }
}

/// One student's attendance over the marked lessons of a group.
public struct StudentAttendance: Equatable, Sendable {
    public var marked: Int
    public var present: Int
    public var excused: Int
    public var absent: Int
    /// Academic hours of the lessons attended, and of all marked lessons.
    public var attendedHours: Int
    public var deliveredHours: Int
    public init(marked: Int = 0, present: Int = 0, excused: Int = 0, absent: Int = 0, attendedHours: Int = 0, deliveredHours: Int = 0) {
        self.marked = marked; self.present = present; self.excused = excused; self.absent = absent
        self.attendedHours = attendedHours; self.deliveredHours = deliveredHours
    }

    /// Adds one marked lesson of `hours` delivered hours.
    public mutating func add(_ status: AttendanceStatus, hours: Int) {
        marked += 1; deliveredHours += hours
        switch status {
        case .present: present += 1; attendedHours += hours
        case .excused: excused += 1
        case .absent: absent += 1
        }
    }

    /// Share of delivered hours attended, in percent rounded down (0 when nothing was delivered).
    public var percent: Int { deliveredHours == 0 ? 0 : attendedHours * 100 / deliveredHours }
    /// Whether the student attended at least `minimum` percent of the hours delivered (the certificate rule, default 75 %).
    public func attended(atLeast minimum: Int) -> Bool { deliveredHours > 0 && attendedHours * 100 >= minimum * deliveredHours }
}
