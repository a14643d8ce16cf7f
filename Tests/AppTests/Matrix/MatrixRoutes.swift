import Foundation
import Vapor

@testable import App

/// A route of the application as the matrix asks it: its method and path pattern (`GET /groups/:id`).
struct MatrixRoute: Sendable, Hashable, Comparable {
    let method: HTTPMethod
    let components: [PathComponent]

    var pattern: String { "/" + components.map(\.description).joined(separator: "/") }
    var name: String { "\(method.rawValue) \(pattern)" }
    var isAPI: Bool { components.first?.description == "api" }
    var isWrite: Bool { method != .GET && method != .HEAD }

    /// Each parameter as `<the segment before it>/:<name>` (`groups/:id`, `withdraw/:enrollment`, `:school/:center`):
    /// the key `MatrixRoutes.parameters` knows it by.
    var parameterKeys: [String] {
        components.indices.compactMap { i in
            guard case .parameter = components[i] else { return nil }
            let before = i > 0 ? components[i - 1].description : ""
            return "\(before)/\(components[i].description)"
        }
    }

    static func < (lhs: MatrixRoute, rhs: MatrixRoute) -> Bool {
        (lhs.pattern, lhs.method.rawValue) < (rhs.pattern, rhs.method.rawValue)
    }

    static func == (lhs: MatrixRoute, rhs: MatrixRoute) -> Bool { lhs.name == rhs.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// What the authorisation matrix knows about the routes: what each path parameter names, which routes anyone may use,
/// and which reads cross organisations of one municipality by design.
enum MatrixRoutes {
    /// Path parameter (the segment before it and its name) → the kind of record it names. A new route whose parameters
    /// are here is in the matrix without a test of its own; a new parameter must be added here (and, for a new kind, a
    /// builder in `World+Matrix.swift` that makes one in every side).
    static let parameters: [String: MatrixEntity] = [
        "tokens/:id": .apiToken, "users/:id": .user, "roles/:role": .roleAssignment,
        "organizations/:id": .organization, "subjects/:id": .subject, "resource-centers/:id": .resourceCenter,
        "rooms/:id": .room, "staff/:id": .staff, "partners/:id": .partner, "agreements/:id": .agreement,
        "kmc-members/:id": .kmcMember, "academic-years/:id": .academicYear, "students/:id": .student,
        "programs/:id": .program, "imports/:batch": .importBatch, "guardians/:guardian": .guardian,
        "children/:id": .student, "groups/:id": .group, "withdraw/:enrollment": .enrollment, "lists/:list": .list,
        "remove/:student": .student, "applications/:id": .application, "campaigns/:id": .campaign,
        "contracts/:school": .school, ":school/:center": .center, "headcount/:school": .school,
        "holidays/:id": .holiday, "busy-slots/:id": .busySlot, "travel-times/:id": .travelTime,
        "lessons/:id": .lesson, "teachers/:id": .staff, "centers/:id": .center, "schools/:id": .school,
        "feeds/:id": .calendarFeed, "certificates/:certificate": .certificate, "certificates/:id": .certificate,
        "diagnostics/:id": .diagnostic, "orders/:id": .order, "olympiad-subjects/:id": .olympiadSubject,
        "contests/:id": .contest, "contest-editions/:id": .contestEdition, "achievements/:id": .achievement,
        "olympiad-stages/:id": .olympiadStage, "participants/:participant": .olympiadParticipant,
        "sessions/:session": .olympiadSession, "gifted/:id": .student, "support/:id": .supportMeasure,
        "support-measures/:id": .supportMeasure, "routes/:id": .individualRoute, "steps/:step": .routeStep,
        "individual-routes/:id": .individualRoute, "plans/:id": .plan, "plan-items/:id": .planItem,
        "report-campaigns/:id": .reportCampaign, "reports/:id": .report, "meetings/:id": .meeting,
        "activity-programs/:id": .activityProgram, "assignments/:id": .assignment,
        "analytic-notes/:id": .analyticNote, "roadmaps/:id": .customTemplate, "roadmap-templates/:id": .customTemplate,
        "report-forms/:id": .customReportForm, "events/:id": .event, "registrations/:registration": .eventRegistration,
        "professional-development/:id": .developmentCourse, "awards/:id": .awardRound,
        "budget-lines/:id": .budgetLine, "budget-entries/:id": .budgetEntry,
    ]

    /// Routes with an id in the path that anyone may use, each with the reason.
    static let publicRoutes: [String: String] = [
        "GET /ical/:file":
            "a calendar feed's secret file name is its credential (made by a user who may read that timetable)",
        "GET /olympiad-stages/:id/public":
            "a published protocol of the olympiad is public by law: students with consent to publication, initials only",
    ]

    /// Reads of another organisation's records of the same municipality that the policy opens to an organisation's
    /// people by design (route → roles, and why).
    static let sharedReads: [String: (roles: Set<MatrixRole>, reason: String)] = [
        "GET /organizations/:id": (staff, "an organisation's card is public facts (`.organization`: read across it)"),
        "GET /api/v1/organizations/:id": (staff, "the same card through the API"),
        "GET /resource-centers/:id": (staff, "which schools are resource centres is the network's reference data"),
        "GET /api/v1/resource-centers/:id": (staff, "the same designation through the API"),
        "GET /programs/:id": (staff, "programmes are offered to the whole municipality (`.program`; the catalogue)"),
        "GET /api/v1/programs/:id": (staff, "the same programme through the API"),
        "GET /groups/:id": (staff, "a group's facts and places (`.group`); its students only by `.groupStudent`"),
        "GET /api/v1/groups/:id": (staff, "the same group's facts through the API (no students)"),
        "GET /groups/:id/timetable": (staff, "a group's lessons are read wherever the group is (`.group`)"),
        "GET /busy-slots/:id": (staff, "centres schedule around every school's busy time (`.schoolTime`: read)"),
        "GET /roadmaps/:id": (
            staff, "a template is the municipality's, read by its centres and schools (`.roadmapTemplate`)"
        ),
        "GET /api/v1/roadmap-templates/:id": (staff, "the same template through the API"),
        "GET /events/:id": (organizational, "events are the network's: the consolidated plan tells every organisation"),
        "GET /api/v1/events/:id": (organizational, "the same event through the API"),
        "GET /events/:id/registrations": (
            organizational, "anyone of the municipality registers there; others' names only to the organiser's side"
        ),
        "GET /api/v1/events/:id/registrations": (
            organizational, "one's own registrations only (`.eventRegistrations`)"
        ),
    ]

    /// Writes to another organisation's record of the same municipality that are open by design (route → roles, and
    /// why): asked with an empty body, they must refuse it (a 4xx) and change nothing.
    static let sharedWrites: [String: (roles: Set<MatrixRole>, reason: String)] = [
        "POST /events/:id/registrations": (
            organizational, "a network event takes registrations from every organisation (`003_…` §3.10)"
        ),
        "POST /api/v1/events/:id/registrations": (organizational, "the same registration through the API"),
    ]

    /// Everyone bound to one organisation, families included.
    static let organizational: Set<MatrixRole> = Set(MatrixRole.allCases.filter(\.isOrganizational))

    /// The people of an organisation: the reads above are theirs; students and guardians read none of them.
    static let staff: Set<MatrixRole> = [.centerHead, .teacher, .schoolAdmin]

    /// Violations known and not yet fixed, as `AuthorizationMatrixTests` prints them (`role METHOD /path [probe]`).
    /// The test fails when one of them no longer happens (remove it) and when a new one appears (fix it).
    static let knownViolations: Set<String> = []
}
