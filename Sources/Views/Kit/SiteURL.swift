import Foundation

/// Every link of the site, used by both the routes (App) and the views.
public enum SiteURL: Sendable {
    case home, login, logout, setup, profile, password, tokens
    case organizations, organizationNew
    case organization(UUID)
    case enrollmentList(UUID)
    case organizationEdit(UUID)
    case organizationArchive(UUID)
    case organizationRestore(UUID)
    case supportCandidates
    case audit, municipality, catalog, winners, children, invite, lists, enrollments, applications, coverage
    case users
    /// The timetable: the user's own week (or the network's month), a group's lessons, weeks of a teacher, a student
    /// and a
    /// centre's rooms, one lesson, the network's monthly schedule (public) and its XLSX.
    case certificates
    case certificate(UUID)
    case verify, orders
    case order(UUID)
    /// The roadmap templates and one of them (by its key).
    case roadmaps
    case roadmap(String)
    /// Plans made from templates: the list, a new one, one plan, one item.
    case plans, newPlan
    case plan(UUID)
    case planItem(UUID)
    /// Report campaigns, one campaign, one organisation's report.
    case reportCampaigns
    case reportCampaign(UUID)
    case report(UUID)
    /// Report forms: the built-in one and the municipality's own; one of them by its key.
    case reportForms
    case reportForm(String)
    /// The КМЦ's meetings and one meeting.
    case meetings
    case meeting(UUID)
    /// Resource centres' activity programmes and one programme.
    case activityPrograms
    case activityProgram(UUID)
    /// Technical assignments and one assignment.
    case assignments
    case assignment(UUID)
    /// Analytic notes and one note.
    case analyticNotes
    case analyticNote(UUID)
    /// An event's registrations (the form to register, the list, attendance), the consolidated plan of events and its
    /// XLSX, the public calendar of open events and its iCal feed.
    case eventRegistrations(UUID)
    case eventAttendance(UUID)
    case eventPlan, eventPlanXLSX, publicCalendar, publicCalendarICS
    /// Who is due for professional development and how the year's plan-schedule is done (issue 23, item 2).
    case developmentDue
    /// Teachers' financial support: the rounds by year, one round, its approval (issue 23, item 3).
    case awards
    case award(UUID)
    case awardApprove(UUID)
    /// The programme's budget beyond its registry pages: a line's new entry and the approved awards taken into it, an
    /// entry paid or cancelled, the year's XLSX (issue 23, item 6).
    case budgetEntries(UUID)
    case budgetEntryNew(UUID)
    case budgetAwards(UUID)
    case budgetEntryPay(UUID)
    case budgetEntryCancel(UUID)
    case budgetXLSX
    case hours, journal
    case groupJournal(UUID)
    case timetable
    case groupTimetable(UUID)
    case teacherWeek(UUID)
    case studentWeek(UUID)
    case centerWeek(UUID)
    case schoolWeek(UUID)
    case lesson(UUID)
    case schedule, scheduleXLSX, talentStatisticsXLSX, giftedXLSX, achievementsXLSX
    /// A registry section: its list, one record, and the record's actions.
    case list(Registry)
    case new(Registry)
    case record(Registry, UUID)
    case edit(Registry, UUID)
    case archive(Registry, UUID)
    case restore(Registry, UUID)
    case health
    /// The API's readable description and its OpenAPI document.
    case apiDocs, openAPI
    case stylesheet

    public var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .setup: "/setup"
        case .profile: "/profile"
        case .password: "/profile/password"
        case .tokens: "/profile/tokens"
        case .organizations: "/organizations"
        case .organizationNew: "/organizations/new"
        case .organization(let id): "/organizations/\(id.uuidString.lowercased())"
        case .organizationEdit(let id): "/organizations/\(id.uuidString.lowercased())/edit"
        case .organizationArchive(let id): "/organizations/\(id.uuidString.lowercased())/archive"
        case .organizationRestore(let id): "/organizations/\(id.uuidString.lowercased())/restore"
        case .audit: "/audit"
        case .municipality: "/municipality"
        case .catalog: "/catalog"
        case .supportCandidates: "/support/candidates"
        case .winners: "/winners"
        case .children: "/children"
        case .lists: "/lists"
        case .enrollmentList(let id): "/lists/\(id.uuidString.lowercased())"
        case .enrollments: "/enrollments"
        case .applications: "/applications"
        case .coverage: "/coverage"
        case .invite: "/invite"
        case .users: "/users"
        case .timetable: "/timetable"
        case .certificates: "/certificates"
        case .certificate(let id): "/certificates/\(id.uuidString.lowercased())"
        case .verify: "/verify"
        case .orders: "/orders"
        case .hours: "/hours"
        case .journal: "/journal"
        case .groupJournal(let id): "/groups/\(id.uuidString.lowercased())/register"
        case .order(let id): "/orders/\(id.uuidString.lowercased())"
        case .roadmaps: "/roadmaps"
        case .roadmap(let key): "/roadmaps/\(key)"
        case .plans: "/plans"
        case .newPlan: "/plans/new"
        case .plan(let id): "/plans/\(id.uuidString.lowercased())"
        case .planItem(let id): "/plan-items/\(id.uuidString.lowercased())"
        case .reportCampaigns: "/report-campaigns"
        case .reportCampaign(let id): "/report-campaigns/\(id.uuidString.lowercased())"
        case .report(let id): "/reports/\(id.uuidString.lowercased())"
        case .reportForms: "/report-forms"
        case .reportForm(let key): "/report-forms/\(key)"
        case .meetings: "/meetings"
        case .eventRegistrations(let id): "/events/\(id.uuidString.lowercased())/registrations"
        case .eventAttendance(let id): "/events/\(id.uuidString.lowercased())/attendance"
        case .eventPlan: "/events/plan"
        case .eventPlanXLSX: "/events/plan.xlsx"
        case .publicCalendar: "/calendar"
        case .publicCalendarICS: "/calendar.ics"
        case .developmentDue: "/professional-development/due"
        case .awards: "/awards"
        case .award(let id): "/awards/\(id.uuidString.lowercased())"
        case .awardApprove(let id): "/awards/\(id.uuidString.lowercased())/approve"
        case .budgetEntries(let id): "/budget-lines/\(id.uuidString.lowercased())/entries"
        case .budgetEntryNew(let id): "/budget-lines/\(id.uuidString.lowercased())/entries/new"
        case .budgetAwards(let id): "/budget-lines/\(id.uuidString.lowercased())/awards"
        case .budgetEntryPay(let id): "/budget-entries/\(id.uuidString.lowercased())/pay"
        case .budgetEntryCancel(let id): "/budget-entries/\(id.uuidString.lowercased())/cancel"
        case .budgetXLSX: "/budget-lines/budget.xlsx"
        case .meeting(let id): "/meetings/\(id.uuidString.lowercased())"
        case .activityPrograms: "/activity-programs"
        case .activityProgram(let id): "/activity-programs/\(id.uuidString.lowercased())"
        case .assignments: "/assignments"
        case .assignment(let id): "/assignments/\(id.uuidString.lowercased())"
        case .analyticNotes: "/analytic-notes"
        case .analyticNote(let id): "/analytic-notes/\(id.uuidString.lowercased())"
        case .groupTimetable(let id): "/groups/\(id.uuidString.lowercased())/timetable"
        case .teacherWeek(let id): "/timetable/teachers/\(id.uuidString.lowercased())"
        case .studentWeek(let id): "/timetable/students/\(id.uuidString.lowercased())"
        case .centerWeek(let id): "/timetable/centers/\(id.uuidString.lowercased())"
        case .schoolWeek(let id): "/timetable/schools/\(id.uuidString.lowercased())"
        case .lesson(let id): "/lessons/\(id.uuidString.lowercased())"
        case .schedule: "/schedule"
        case .scheduleXLSX: "/schedule.xlsx"
        case .talentStatisticsXLSX: "/talent-statistics.xlsx"
        case .giftedXLSX: "/gifted.xlsx"
        case .achievementsXLSX: "/achievements.xlsx"
        case .list(let registry): "/" + registry.rawValue
        case .new(let registry): "/\(registry.rawValue)/new"
        case .record(let registry, let id): "/\(registry.rawValue)/\(id.uuidString.lowercased())"
        case .edit(let registry, let id): "/\(registry.rawValue)/\(id.uuidString.lowercased())/edit"
        case .archive(let registry, let id): "/\(registry.rawValue)/\(id.uuidString.lowercased())/archive"
        case .restore(let registry, let id): "/\(registry.rawValue)/\(id.uuidString.lowercased())/restore"
        case .health: "/health"
        case .apiDocs: "/api"
        case .openAPI: "/api/openapi.json"
        case .stylesheet: "/assets/setka.css"
        }
    }

    /// The path with a query string built from non-empty values.
    public func with(_ query: [(String, String?)]) -> String {
        let parts = query.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
        }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}
