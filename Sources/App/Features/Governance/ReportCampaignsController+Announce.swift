import Domain
import Fluent
import Vapor
import Views

/// A campaign announced — checked, then written with a report not begun for each organisation — one place for the
/// page, the API and the demo.
extension ReportCampaignsController {
    /// What a new campaign needs, checked: the form (with an own form's text), the quarter's period, who reports.
    struct Announcement {
        var form: ReportForm
        var text: String?
        var year: Int
        var quarter: Int
        var period: ReportPeriod
        var organizations: [Organization]
    }

    /// The campaign a form or a body asks for, or the problems named by field (`form`, `year`, `quarter`,
    /// `organizations`) — one check for the page and the API.
    static func read(
        _ req: Request, municipalityID: UUID, form formKey: String?, year rawYear: String?, quarter rawQuarter: String?,
        organizations rawOrganizations: [String]
    ) async throws -> (Announcement?, FieldErrors) {
        var errors = FieldErrors()
        let chosenForm = try await ReportForms.find(formKey, municipalityID: municipalityID, on: req.db)
        if chosenForm == nil { errors.add("form", ReportWords.chooseForm) }
        let (_, years) = try await RoadmapsController.year(req)
        let year = rawYear.flatMap { Int($0) }.flatMap { years.contains($0) ? $0 : nil }
        if year == nil { errors.add("year", GovernanceWords.chooseYear(years)) }
        let quarter = rawQuarter.flatMap { Int($0) }
        let period = year.flatMap { year in quarter.flatMap { ReportPeriod.quarter($0, of: year) } }
        if period == nil { errors.add("quarter", ReportWords.chooseQuarter) }
        if let chosenForm, let year, let quarter, period != nil,
            try await ReportCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$formKey == chosenForm.form.id).filter(\.$year == year).filter(\.$quarter == quarter).first()
                != nil
        {
            errors.add("quarter", ReportWords.exists)
        }
        let owners = try await PlansController.owners(municipalityID, on: req.db)
        let chosen = Set(rawOrganizations.compactMap(UUID.init(uuidString:)))
        let organizations = owners.filter { chosen.contains($0.id!) }
        if organizations.isEmpty || organizations.count != chosen.count || chosen.count != rawOrganizations.count {
            errors.add("organizations", ReportWords.chooseOrganizations)
        }
        guard errors.isEmpty, let chosenForm, let year, let quarter, let period else { return (nil, errors) }
        return (
            Announcement(
                form: chosenForm.form, text: chosenForm.text, year: year, quarter: quarter, period: period,
                organizations: organizations), errors
        )
    }

    /// The campaign announced, audited; a twin announced meanwhile (the unique index) is a 409.
    static func announce(_ announcement: Announcement, municipalityID: UUID, req: Request) async throws
        -> ReportCampaign
    {
        do {
            return try await announce(
                announcement.form, text: announcement.text, year: announcement.year, quarter: announcement.quarter,
                period: announcement.period, organizations: announcement.organizations,
                municipalityID: municipalityID, username: try req.requireUser().username, req: req)
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw AppError.conflict(ReportWords.exists)
        }
    }

    /// The campaign and a report not begun for each organisation, in one write, audited (`req` nil: the demo's).
    static func announce(
        _ form: ReportForm, text: String? = nil, year: Int, quarter: Int, period: ReportPeriod,
        organizations: [Organization],
        municipalityID: UUID, username: String, req: Request?, on database: (any Database)? = nil
    ) async throws -> ReportCampaign {
        let id = UUID()
        let title = form.title + " — " + ReportPeriod.quarterTitle(quarter, of: year)
        let organizationIDs = try organizations.map { try $0.requireID() }
        let write: @Sendable (any Database) async throws -> Void = { db in
            // Made inside the transaction: a PostgreSQL retry creates them afresh.
            let campaign = ReportCampaign()
            campaign.id = id
            campaign.$municipality.id = municipalityID
            campaign.formKey = form.id
            campaign.formText = text
            campaign.title = title
            campaign.year = year
            campaign.quarter = quarter
            campaign.periodFrom = period.from.number
            campaign.periodTo = period.to.number
            campaign.dueOn = period.due.number
            campaign.createdBy = username
            campaign.createdAt = Date()
            campaign.version = 1
            let reports = organizationIDs.map { organization in
                let report = Report()
                report.$campaign.id = id
                report.$municipality.id = municipalityID
                report.$organization.id = organization
                report.status = ReportStatus.pending.rawValue
                report.answers = "{}"
                report.computed = "{}"
                report.late = false
                report.version = 1
                return report
            }
            try await campaign.create(on: db)
            try await reports.create(on: db)
            try await Audit.record(
                on: db, req: req, username: req == nil ? username : nil, action: .create,
                entityType: "report_campaign", entityID: id, title: title,
                municipalityID: municipalityID, organizationID: nil,
                after: [
                    "Форма": form.title, "Период": period.from.formatted + " — " + period.to.formatted,
                    "Срок": period.due.formatted, "Организаций": String(reports.count),
                ])
        }
        if let database { try await write(database) } else { try await req!.application.writeTransaction(write) }
        guard let campaign = try await ReportCampaign.find(id, on: database ?? req!.db) else {
            throw AppError.notFound()
        }
        return campaign
    }
}
