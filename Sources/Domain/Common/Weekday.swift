import Foundation

/// Days of the week, Monday first (ISO 8601, as Russian calendars are printed).
public enum Weekday: Int, CaseIterable, Codable, Sendable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public var title: String {
        switch self {
        case .monday: "понедельник"
        case .tuesday: "вторник"
        case .wednesday: "среда"
        case .thursday: "четверг"
        case .friday: "пятница"
        case .saturday: "суббота"
        case .sunday: "воскресенье"
        }
    }

    public var short: String {
        switch self {
        case .monday: "пн"
        case .tuesday: "вт"
        case .wednesday: "ср"
        case .thursday: "чт"
        case .friday: "пт"
        case .saturday: "сб"
        case .sunday: "вс"
        }
    }

    /// «по понедельникам».
    public var every: String {
        switch self {
        case .monday: "по понедельникам"
        case .tuesday: "по вторникам"
        case .wednesday: "по средам"
        case .thursday: "по четвергам"
        case .friday: "по пятницам"
        case .saturday: "по субботам"
        case .sunday: "по воскресеньям"
        }
    }
}
