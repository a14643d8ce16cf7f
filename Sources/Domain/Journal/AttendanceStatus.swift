import Foundation

/// A student's presence at a lesson, as the teacher marks it in the journal.
public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present, excused, absent
    /// The mark in general words, for a legend that speaks of every student: «присутствовал(а)».
    public var title: String { title(for: nil) }

    /// The mark of one student, agreeing with the student's sex: «присутствовала» for a girl; both forms when the
    /// registry does not know the sex.
    public func title(for sex: Sex?) -> String {
        switch self {
        case .present: Sex.agree(sex, masculine: "присутствовал", feminine: "присутствовала")
        case .excused: Sex.agree(sex, masculine: "отсутствовал", feminine: "отсутствовала") + " по уважительной причине"
        case .absent: Sex.agree(sex, masculine: "отсутствовал", feminine: "отсутствовала") + " без уважительной причины"
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
