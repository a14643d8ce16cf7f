import Foundation

/// The registry sections that share the list / card / form pattern; the raw value is the URL segment.
public enum Registry: String, CaseIterable, Sendable {
    case resourceCenters = "resource-centers"
    case agreements
    case partners
    case staff
    case rooms
    case subjects
    case academicYears = "academic-years"
    case kmcMembers = "kmc-members"
    case programs
    case groups
    case students
    case campaigns
    case holidays
    case busySlots = "busy-slots"
    case travelTimes = "travel-times"
    case users
    case olympiadSubjects = "olympiad-subjects"
    /// The talent registry (issue 21): achievements and contests have their own place in the menu, a contest's
    /// editions are reached from its card.
    case achievements
    case contests
    case contestEditions = "contest-editions"
    /// The municipal stage of the ВсОШ by subject and year (issue 21, item 3).
    case olympiadStages = "olympiad-stages"
    /// The databank of gifted students (issue 21, item 4): a student's databank card is `/gifted/<student id>`.
    case gifted
    /// Support measures of gifted students (issue 21, item 5): candidates, measures, the order that awards them.
    case support
    /// Individual educational routes of databank students (issue 21, item 6).
    case routes
    /// The olympiads' and contests' statistics (issue 21, item 8).
    case talentStatistics = "talent-statistics"
    /// Events of the network (issue 23, item 1): seminars, webinars, shifts… with registration.
    case events
    /// Teachers' professional development, the plan-schedule (issue 23, item 2).
    case development = "professional-development"
    /// The municipal programme's budget: lines, commitments and payments (issue 23, item 6).
    case budget = "budget-lines"
    /// Lists with their own menu area (not shown among the registry sections).
    case certificates
    case orders
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
