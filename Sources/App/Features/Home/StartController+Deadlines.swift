import Domain
import Fluent
import Vapor
import Views

/// «Мои сроки» (issue 22, item 2): the open plan items due within 14 days and the overdue ones, of the side the role
/// keeps — the authority's measures for those who run the municipality, the centre's for its head or the school's
/// administration — and, for every role, those the user answers for by name. Two statements, whatever the items.
extension StartController {
    static let deadlineDays = 14

    enum DeadlineScope {
        /// The authority's (МОУО's) measures in every plan of the municipality.
        case authority
        /// The centre's measures in the plans of an organisation.
        case organization(UUID)
        /// Only the items the user answers for.
        case responsible
    }

    static func deadlines(_ scope: Scope, _ whose: DeadlineScope) async throws -> StartPage.Task {
        let closed = [PlanItemStatus.done, .cancelled].map(\.rawValue)
        var query = PlanItem.query(on: scope.db).filter(\.$municipality.$id == scope.municipalityID)
            .filter(\.$status !~ closed).filter(\.$dueOn != nil)
            .filter(\.$dueOn <= scope.today.adding(days: deadlineDays).number)
        let userID = scope.user.userID
        query = query.group(.or) { group in
            group.filter(\.$responsibleUser.$id == userID)
            switch whose {
            case .authority: group.filter(\.$side == PlanItemDraft.Side.authority.rawValue)
            case .organization(let id):
                group.group(.and) {
                    $0.filter(\.$organization.$id == id).filter(\.$side == PlanItemDraft.Side.center.rawValue)
                }
            case .responsible: break
            }
        }
        query = query.sort(\.$dueOn).sort(\.$position).with(\.$plan) { $0.with(\.$organization) }
        // Someone who only answers for items has no plans' list to open: each line leads to its item.
        let more: String? = if case .responsible = whose { nil } else { SiteURL.plans.path }
        return try await task(.deadlines, query, more: more) { item in
            let due = item.due ?? scope.today
            return StartPage.Link(
                title: item.measure,
                detail: StartWords.deadline(
                    due.formatted, overdue: due < scope.today, owner: PlanBoard.owner(item.plan)),
                url: SiteURL.planItem(try item.requireID()).path)
        }
    }

    /// An organisation's reports not yet submitted (not begun, drafts, returned), the nearest due day first.
    static func reportsDue(_ scope: Scope, _ organization: UUID) async throws -> StartPage.Task {
        let query = Report.query(on: scope.db).filter(\.$organization.$id == organization)
            .filter(\.$status != ReportStatus.submitted.rawValue)
            .join(ReportCampaign.self, on: \Report.$campaign.$id == \ReportCampaign.$id)
            .sort(ReportCampaign.self, \.$dueOn).with(\.$campaign)
        return try await task(.reportsDue, query, more: SiteURL.reportCampaigns.path) { report in
            let due = report.campaign.period.due
            return StartPage.Link(
                title: report.campaign.title,
                detail: StartWords.reportDue(
                    due.formatted, passed: due < scope.today, state: report.reportStatus.title),
                url: SiteURL.report(try report.requireID()).path)
        }
    }

    /// The quarters of this year that ended without a held meeting of the КМЦ (`001_4390f67d15d9225c.txt` §5.6).
    static func quartersWithoutMeeting(_ scope: Scope) async throws -> StartPage.Task {
        let warnings = try await MeetingsController.warnings(scope.municipalityID, today: scope.today, on: scope.db)
        return StartPage.Task(
            kind: .quartersWithoutMeeting, total: warnings.count,
            items: warnings.map { StartPage.Link(title: $0, url: SiteURL.meetings.path) }, moreURL: nil)
    }

    /// The municipality's activity programmes submitted and awaiting agreement (issue 22, item 3), the longest waiting
    /// first.
    static func programsToAgree(_ scope: Scope) async throws -> StartPage.Task {
        let query = ActivityProgram.query(on: scope.db).filter(\.$municipality.$id == scope.municipalityID)
            .filter(\.$status == ActivityProgramStatus.submitted.rawValue).sort(\.$submittedAt).with(\.$organization)
        return try await task(.programsToAgree, query, more: SiteURL.activityPrograms.path) { program in
            StartPage.Link(
                title: program.organization.shortName,
                detail: StartWords.submittedOn(scope.date(program.submittedAt)),
                url: SiteURL.activityProgram(try program.requireID()).path)
        }
    }

    /// An organisation's activity programmes still to write: drafts, and those returned with a comment.
    static func programsToWrite(_ scope: Scope, _ organization: UUID) async throws -> StartPage.Task {
        let query = ActivityProgram.query(on: scope.db).filter(\.$organization.$id == organization)
            .filter(\.$status ~~ [ActivityProgramStatus.draft, .returned].map(\.rawValue))
            .sort(\.$startYear, .descending)
        return try await task(.programsToWrite, query, more: SiteURL.activityPrograms.path) { program in
            StartPage.Link(
                title: ActivityProgramWords.year(program.startYear),
                detail: program.programStatus == .returned
                    ? StartWords.returnedComment(program.returnComment) : program.programStatus.title,
                url: SiteURL.activityProgram(try program.requireID()).path)
        }
    }
}
