import Foundation

/// A student's presence at a lesson, as the teacher marks it in the journal.
public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present, excused, absent
    public var title: String {
        switch self {
        case .present: "присутствовал(а)"
        case .excused: "отсутствовал(а) по уважительной причине"
        case .absent: "отсутствовал(а) без уважительной причины"
        }
    }
    /// A column heading of the journal form.
    public var short: String {
        switch self {
        case .present: "был(а)"
        case .excused: "нет, уважительная причина"
        case .absent: "нет, без причины"
        }
    }

    /// The letter of the printed journal: «+», «у», «н».
    public var mark: String {
        switch self {
        case .present: "+"
        case .excused: "у"
        case .absent: "н"
        }
    }
}
