import Domain
import Fluent
import Vapor
import Views

/// Report campaigns and reports as JSON (issue 22, items 5 and 8): the campaigns with who has submitted, one campaign
/// with its consolidated answers, the reports the user may read, one report, and a report saved or submitted under its
/// version — by the same rules as the pages.
struct ReportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("report-campaigns", use: campaigns)
        routes.get("report-campaigns", ":id", use: campaign)
        routes.post("report-campaigns", use: announce)
        routes.get("reports", use: reports)
        routes.get("reports", ":id", use: report)
        routes.put("reports", ":id", use: update)
        routes.post("reports", ":id", "return", use: giveBack)
    }

    struct CampaignDTO: Content {
        var id: UUID
        var formKey: String
        var title: String
        var year: Int
        var quarter: Int?
        var periodFrom: String
        var periodTo: String
        var dueOn: String
        var reports: Int
        var submitted: Int
        var late: Int
        /// Consolidated answers of the submitted reports: indicator key → total (only on one campaign).
        var totals: [String: String]?
        /// The form's indicators as the campaign keeps them (only on one campaign).
        var indicators: [ReportFormAPIController.IndicatorDTO]?
    }

    struct ReportDTO: Content {
        var id: UUID
        var campaignId: UUID
        var campaign: String
        var formKey: String
        var periodFrom: String
        var periodTo: String
        var dueOn: String
        var organizationId: UUID
        var organization: String
        var status: String
        var late: Bool
        var submittedAt: Date?
        var returnComment: String?
        var answers: [String: String]
        var computed: [String: String]
        var version: Int
        /// The indicators the answers are keyed by, as the campaign keeps its form (only on one report).
        var indicators: [ReportFormAPIController.IndicatorDTO]?

        init(_ report: Report, detailed: Bool = true) throws {
            id = try report.requireID()
            campaignId = report.$campaign.id
            campaign = report.campaign.title
            formKey = report.campaign.formKey
            periodFrom = report.campaign.period.from.iso
            periodTo = report.campaign.period.to.iso
            dueOn = report.campaign.period.due.iso
            organizationId = report.$organization.id
            organization = report.organization.shortName
            status = report.status
            late = report.late
            submittedAt = report.submittedAt
            returnComment = report.returnComment
            answers = report.answerValues
            computed = report.computedValues
            version = report.version
            indicators = detailed ? report.campaign.form.indicators.map(ReportFormAPIController.IndicatorDTO.init) : nil
        }
    }

    static func dto(
        _ campaign: ReportCampaign, _ reports: [Report], totals: [String: String]?, detailed: Bool = false
    ) throws -> CampaignDTO {
        let submitted = reports.filter { $0.reportStatus == .submitted }
        return CampaignDTO(
            id: try campaign.requireID(), formKey: campaign.formKey, title: campaign.title, year: campaign.year,
            quarter: campaign.quarter, periodFrom: campaign.period.from.iso, periodTo: campaign.period.to.iso,
            dueOn: campaign.period.due.iso, reports: reports.count, submitted: submitted.count,
            late: submitted.filter(\.late).count, totals: totals,
            indicators: detailed ? campaign.form.indicators.map(ReportFormAPIController.IndicatorDTO.init) : nil)
    }

    func campaigns(req: Request) async throws -> PageDTO<CampaignDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reportCampaign(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["due"], defaultSort: "due")
        let builder = ReportCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        let total = try await builder.copy().count()
        let page = try await builder.sort(\.$dueOn, query.descending ? .descending : .ascending).sort(\.$id)
            .range(((query.page - 1) * query.per)..<(query.page * query.per)).all()
        let reports = try await Report.query(on: req.db).filter(\.$campaign.$id ~~ page.compactMap(\.id))
            .field(\.$id).field(\.$campaign.$id).field(\.$status).field(\.$late).all()
        let byCampaign = Dictionary(grouping: reports, by: { $0.$campaign.id })
        return PageDTO(
            items: try page.map { try Self.dto($0, byCampaign[try $0.requireID()] ?? [], totals: nil) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func campaign(req: Request) async throws -> CampaignDTO {
        let campaign = try await ReportCampaignsController.campaign(req, .read)
        let (consolidation, reports) = try await ReportCampaignsController.consolidate(campaign, on: req.db)
        return try Self.dto(
            campaign, reports,
            totals: Dictionary(uniqueKeysWithValues: consolidation.lines.map { ($0.key, $0.total) }), detailed: true)
    }

    static let choices: [String: [String]] = ["status": ReportStatus.allCases.map(\.rawValue)]

    func reports(req: Request) async throws -> PageDTO<ReportDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, Self.choices)
        let query = RegistrySupport.listQuery(
            req, filters: ["campaign", "status"], sorts: ["organization"], defaultSort: "organization")
        var builder = Report.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        // Those who run the municipality read every report; an organisation its own.
        if !req.can(.read, .reportCampaign(municipalityID: municipalityID)) {
            let orgs = try req.requireUser().actor.activeGrants(at: Date())
                .filter { [.centerHead, .schoolAdmin].contains($0.role) }.compactMap(\.scope.organizationID)
            guard !orgs.isEmpty else { throw AppError.forbidden }
            builder = builder.filter(\.$organization.$id ~~ orgs)
        }
        if let raw = query.filters["campaign"] {
            guard let id = UUID(uuidString: raw) else {
                throw AppError.badParameters(["campaign": "Ожидается id (UUID)."])
            }
            builder = builder.filter(\.$campaign.$id == id)
        }
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        let total = try await builder.copy().count()
        let rows = try await builder.join(Organization.self, on: \Report.$organization.$id == \Organization.$id)
            .sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending).sort(\.$id)
            .range(((query.page - 1) * query.per)..<(query.page * query.per)).with(\.$organization)
            .with(\.$campaign).all()
        return PageDTO(
            items: try rows.map { try ReportDTO($0, detailed: false) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func report(req: Request) async throws -> ReportDTO {
        try ReportDTO(try await ReportsController.report(req, .read))
    }

    struct ReportChange: Content {
        var answers: [String: String]?
        var submit: Bool?
        var version: Int?
    }

    func update(req: Request) async throws -> ReportDTO {
        let report = try await ReportsController.report(req, .update)
        let change = try req.content.decode(ReportChange.self)
        let version = try RegistrySupport.version(change.version, missing: ReportWords.versionRequired)
        // The answers sent replace those kept, key by key; those not sent stay.
        let answers = report.answerValues.merging(change.answers ?? [:]) { _, sent in sent }
        switch try await ReportsController.write(
            req, report, fields: { answers[$0] }, submitting: change.submit ?? false, expected: version)
        {
        case .saved: return try ReportDTO(try await ReportsController.report(req, .read))
        case .invalid(let errors): throw AppError.validation(ValidationFailure(fields: errors))
        case .stale: throw AppError.conflict(ReportWords.changed)
        case .locked: throw AppError.conflict(ReportWords.locked)
        }
    }

    struct Announce: Content {
        /// A form's key: tochka-rosta-quarter or an own form's id.
        var form: String?
        var year: Int?
        var quarter: Int?
        var organizations: [String]?
    }

    /// A campaign announced by the same checks as the page's; 201 with the campaign and its indicators.
    func announce(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .reportCampaign(municipalityID: municipalityID))
        let body = try req.content.decode(Announce.self)
        let (announcement, errors) = try await ReportCampaignsController.read(
            req, municipalityID: municipalityID, form: body.form, year: body.year.map(String.init),
            quarter: body.quarter.map(String.init), organizations: body.organizations ?? [])
        guard let announcement else { throw AppError.validation(ValidationFailure(fields: errors)) }
        let campaign = try await ReportCampaignsController.announce(
            announcement, municipalityID: municipalityID, req: req)
        let reports = try await Report.query(on: req.db).filter(\.$campaign.$id == campaign.requireID()).all()
        let response = Response(status: .created)
        try response.content.encode(Self.dto(campaign, reports, totals: [:], detailed: true))
        return response
    }

    struct GiveBack: Content {
        var comment: String?
        var version: Int?
    }

    /// A submitted report returned with a comment, under its version — as on the page.
    func giveBack(req: Request) async throws -> ReportDTO {
        let report = try await ReportsController.report(req, .approve)
        let body = try req.content.decode(GiveBack.self)
        let version = try RegistrySupport.version(body.version, missing: ReportWords.versionRequired)
        switch try await ReportsController.giveBack(req, report, comment: body.comment, expected: version) {
        case .saved: return try ReportDTO(try await ReportsController.report(req, .read))
        case .invalid(let errors): throw AppError.validation(ValidationFailure(fields: errors))
        case .stale: throw AppError.conflict(ReportWords.changed)
        case .locked: throw AppError.conflict(ReportWords.notSubmittedYet)
        }
    }
}
