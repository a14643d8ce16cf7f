import Documents
import Domain
import Fluent
import Vapor
import Views

/// Report campaigns (issue 22, item 5): those who run the municipality announce one — a form, a quarter (the period and
/// the due day follow: the 5th of the month after it), the organisations that report — and follow it: who submitted on
/// time, late, not at all; the consolidated report of the submitted ones as a page and XLSX. An organisation sees its
/// own reports in the list.
struct ReportCampaignsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("report-campaigns", use: list)
        routes.get("report-campaigns", "new", use: newForm)
        routes.post("report-campaigns", use: create)
        routes.get("report-campaigns", ":id", use: one)
        routes.get("report-campaigns", ":id", "consolidated", use: consolidated)
        routes.get("report-campaigns", ":id", "consolidated", "xlsx", use: workbook)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .reports) }

    /// The campaign of the path's id, authorised for `action`.
    static func campaign(_ req: Request, _ action: Domain.Action) async throws -> ReportCampaign {
        guard let campaign = try await ReportCampaign.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(ReportWords.campaignNoun))
        }
        try req.authorize(action, campaign.resource)
        return campaign
    }

    static func period(_ campaign: ReportCampaign) -> String {
        campaign.period.from.formatted + " — " + campaign.period.to.formatted
    }

    /// How a campaign stands: submitted, of them late, all, and whether its day has passed.
    static func summary(_ campaign: ReportCampaign, _ reports: [Report], today: CivilDay) -> String {
        let submitted = reports.filter { $0.reportStatus == .submitted }
        return ReportWords.summary(
            submitted: submitted.count, late: submitted.filter(\.late).count, total: reports.count,
            overdue: today > campaign.period.due)
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let user = try req.requireUser()
        let runs = req.can(.read, .reportCampaign(municipalityID: municipalityID))
        let orgs = user.actor.activeGrants(at: Date()).filter { [.centerHead, .schoolAdmin].contains($0.role) }
            .compactMap(\.scope.organizationID)
        guard runs || !orgs.isEmpty else { throw AppError.forbidden }
        let today = try await PlanBoard.today(req)
        var campaigns: [ReportCampaignListPage.Campaign]?
        if runs {
            let all = try await ReportCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .sort(\.$dueOn, .descending).all()
            let reports = try await Report.query(on: req.db).filter(\.$campaign.$id ~~ all.compactMap(\.id))
                .field(\.$id).field(\.$campaign.$id).field(\.$status).field(\.$late).all()
            let byCampaign = Dictionary(grouping: reports, by: { $0.$campaign.id })
            campaigns = try all.map { campaign in
                let own = byCampaign[try campaign.requireID()] ?? []
                return .init(
                    id: try campaign.requireID(), title: campaign.title, period: Self.period(campaign),
                    due: campaign.period.due.formatted, summary: Self.summary(campaign, own, today: today),
                    overdue: today > campaign.period.due && own.contains { $0.reportStatus != .submitted })
            }
        }
        let own =
            orgs.isEmpty
            ? []
            : try await Report.query(on: req.db).filter(\.$organization.$id ~~ orgs).with(\.$campaign)
                .with(\.$organization).all().filter { req.can(.read, $0.resource) }
                .sorted { $0.campaign.dueOn > $1.campaign.dueOn }
        let page = ReportCampaignListPage(
            campaigns: campaigns,
            own: try own.map { report in
                let overdue = report.reportStatus != .submitted && today > report.campaign.period.due
                return .init(
                    id: try report.requireID(), title: report.campaign.title,
                    organization: report.organization.shortName, due: report.campaign.period.due.formatted,
                    state: ReportWords.state(report.reportStatus, late: report.late, overdue: overdue),
                    overdue: overdue)
            }, canCreate: req.can(.create, .reportCampaign(municipalityID: municipalityID)),
            canReadForms: req.can(.read, .reportForm(municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    func formPage(_ req: Request, values: FormValues, errors: FieldErrors = FieldErrors()) async throws
        -> ReportCampaignNewPage
    {
        let municipalityID = try RegistrySupport.municipality(req)
        let (_, years) = try await RoadmapsController.year(req)
        return ReportCampaignNewPage(
            forms: try await ReportForms.all(municipalityID, on: req.db).map { ($0.form.id, $0.form.title) },
            years: years,
            organizations: try await PlansController.owners(municipalityID, on: req.db).map {
                (try $0.requireID().uuidString.lowercased(), $0.shortName)
            }, values: values, errors: errors)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .reportCampaign(municipalityID: municipalityID))
        let today = try await PlanBoard.today(req)
        // This year's last quarter that has ended, and the organisations with a plan that year.
        let (year, month) = (today.ymd.year, today.ymd.month)
        let quarter = (month - 1) / 3 == 0 ? 4 : (month - 1) / 3
        let planYear = quarter == 4 && month <= 3 ? year - 1 : year
        let owners = try await Plan.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$year == planYear).all(\.$organization.$id).compactMap { $0?.uuidString.lowercased() }
        let page = try await formPage(
            req,
            values: FormValues([
                "form": [ReportForm.quarterly.id], "year": [String(planYear)], "quarter": [String(quarter)],
                "organizations": Array(Set(owners)).sorted(),
            ]))
        return req.render(page.render(await context(req)))
    }

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

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .reportCampaign(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        let (announcement, errors) = try await Self.read(
            req, municipalityID: municipalityID, form: form["form"], year: form["year"], quarter: form["quarter"],
            organizations: form.values["organizations"] ?? [])
        guard let announcement else {
            let page = try await formPage(req, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let campaign = try await Self.announce(announcement, municipalityID: municipalityID, req: req)
        return req.redirect(to: SiteURL.reportCampaign(try campaign.requireID()).path, flash: ReportWords.created)
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

    func one(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req, .read)
        let today = try await PlanBoard.today(req)
        let reports = try await Report.query(on: req.db).filter(\.$campaign.$id == campaign.requireID())
            .with(\.$organization).all().sorted { $0.organization.sortKey < $1.organization.sortKey }
        let zone = try await RegistrySupport.zone(req)
        let overdue = today > campaign.period.due
        let page = ReportCampaignPage(
            id: try campaign.requireID(), title: campaign.title, period: Self.period(campaign),
            due: campaign.period.due.formatted, summary: Self.summary(campaign, reports, today: today),
            rows: try reports.map { report in
                .init(
                    id: try report.requireID(), organization: report.organization.shortName,
                    state: ReportWords.state(report.reportStatus, late: report.late, overdue: overdue),
                    submitted: report.reportStatus == .submitted ? RegistrySupport.date(report.submittedAt, zone) : "",
                    overdue: overdue && report.reportStatus != .submitted)
            })
        return req.render(page.render(await context(req)))
    }

    /// The submitted reports of a campaign, consolidated.
    static func consolidate(_ campaign: ReportCampaign, on db: any Database) async throws -> (
        ReportConsolidation, [Report]
    ) {
        let reports = try await Report.query(on: db).filter(\.$campaign.$id == campaign.requireID())
            .with(\.$organization).all().sorted { $0.organization.sortKey < $1.organization.sortKey }
        let submitted = reports.filter { $0.reportStatus == .submitted }
        return (
            ReportConsolidation(
                campaign.form, reports: submitted.map { ($0.organization.shortName, $0.answerValues) }), reports
        )
    }

    func consolidated(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req, .read)
        let (consolidation, reports) = try await Self.consolidate(campaign, on: req.db)
        let page = ReportConsolidatedPage(
            campaignID: try campaign.requireID(), title: campaign.title,
            summary: Self.summary(campaign, reports, today: try await PlanBoard.today(req)),
            consolidation: consolidation,
            kinds: Dictionary(uniqueKeysWithValues: campaign.form.indicators.map { ($0.key, $0.kind) }))
        return req.render(page.render(await context(req)))
    }

    func workbook(req: Request) async throws -> Response {
        let campaign = try await Self.campaign(req, .read)
        let (consolidation, _) = try await Self.consolidate(campaign, on: req.db)
        var rows: [[XLSXCell]] = []
        let form = campaign.form
        for line in consolidation.lines {
            let kind = form.indicator(line.key)?.kind
            let total: XLSXCell =
                switch kind {
                case .number: .integer(Int(line.total) ?? 0)
                case .share: Double(line.total).map { .decimal($0) } ?? .empty
                default: .text(ReportConsolidatedPage.total(line, kind: kind))
                }
            rows.append([.text(line.title), .text(line.unit), total, .text("")])
            if case .table = kind {
                for row in line.rows {
                    rows.append([.text(""), .text(""), .text(""), .text(row.joined(separator: "; "))])
                }
            } else {
                for answer in line.byOrganization {
                    rows.append([.text(""), .text(""), .text(""), .text(answer.organization + ": " + answer.value)])
                }
            }
        }
        let data = try XLSXWriter.workbook(
            sheetName: "Сводный отчёт", header: ["Показатель", "Ед.", "Итого", "По организациям"], rows: rows)
        return Response.download(data, name: "svodnyj-otchet.xlsx", type: .xlsx)
    }
}
