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
