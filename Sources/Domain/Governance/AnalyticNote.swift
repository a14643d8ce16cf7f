import Foundation

/// An analytic note (аналитическая справка; `GLOSSARY.md`: analytic note; issue 22, item 7; `000_5375b2a087477e6d.txt`
/// §3.3 4)): a resource centre's academic year in figures that Setka counts — groups, students, hours planned and
/// delivered, attendance, results, certificates, achievements, the plans' completion, the reports — drafted into text
/// that its author then edits.
public struct AnalyticFigures: Codable, Equatable, Sendable {
    public var groups: Int
    public var studentsCovered: Int
    public var hoursPlanned: Int
    public var hoursDelivered: Int
    /// Marks «present» of all attendance marks, %; nil without marks.
    public var attendancePercent: Int?
    public var resultsPassed: Int
    public var resultsTotal: Int
    public var certificates: Int
    public var achievements: Int
    public var planItemsDone: Int
    public var planItemsOverdue: Int
    public var reportsSubmitted: Int
    public var reportsLate: Int
    public var reportsTotal: Int
    /// `ActivityProgramStatus` of the year's programme, if any.
    public var programStatus: String?

    public init(
        groups: Int = 0, studentsCovered: Int = 0, hoursPlanned: Int = 0, hoursDelivered: Int = 0,
        attendancePercent: Int? = nil, resultsPassed: Int = 0, resultsTotal: Int = 0, certificates: Int = 0,
        achievements: Int = 0, planItemsDone: Int = 0, planItemsOverdue: Int = 0, reportsSubmitted: Int = 0,
        reportsLate: Int = 0, reportsTotal: Int = 0, programStatus: String? = nil
    ) {
        self.groups = groups
        self.studentsCovered = studentsCovered
        self.hoursPlanned = hoursPlanned
        self.hoursDelivered = hoursDelivered
        self.attendancePercent = attendancePercent
        self.resultsPassed = resultsPassed
        self.resultsTotal = resultsTotal
        self.certificates = certificates
        self.achievements = achievements
        self.planItemsDone = planItemsDone
        self.planItemsOverdue = planItemsOverdue
        self.reportsSubmitted = reportsSubmitted
        self.reportsLate = reportsLate
        self.reportsTotal = reportsTotal
        self.programStatus = programStatus
    }

    /// Hours delivered of those planned, %; nil when none are planned.
    public var hoursPercent: Int? {
        hoursPlanned == 0 ? nil : Int((Double(hoursDelivered) * 100 / Double(hoursPlanned)).rounded())
    }

    /// The share of a part, rounded, or nil of nothing.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : Int((Double(part) * 100 / Double(whole)).rounded())
    }
}

/// The note's sections: what the draft writes from the figures, and the conclusions its author adds.
public enum AnalyticNoteSection: String, CaseIterable, Codable, Sendable {
    case general, teaching, results, plans, reporting, conclusions

    public var title: String {
        switch self {
        case .general: "Общие сведения"
        case .teaching: "Образовательная деятельность"
        case .results: "Результаты обучающихся"
        case .plans: "Выполнение планов и программы деятельности"
        case .reporting: "Отчётность"
        case .conclusions: "Выводы и предложения"
        }
    }
}
