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
        routes.get("reports", use: reports)
        routes.get("reports", ":id", use: report)
        routes.put("reports", ":id", use: update)
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

        init(_ report: Report) throws {
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
            items: try rows.map(ReportDTO.init), metadata: .init(page: query.page, per: query.per, total: total))
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
        guard let version = change.version else {
            var fields = FieldErrors()
            fields.add("version", "Укажите версию отчёта.")
            throw AppError.validation(ValidationFailure(fields: fields))
        }
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
}

/// The reports' API description.
extension ReportAPIController {
    static let campaignSchema = OpenAPISchema.named(
        "ReportCampaign",
        .object([
            .field("id", .uuid), .field("formKey", .string, "Форма отчёта."), .field("title", .string),
            .field("year", .integer), .optional("quarter", .integer), .field("periodFrom", .date),
            .field("periodTo", .date), .field("dueOn", .date, "Срок сдачи."),
            .field("reports", .integer, "Организаций, которые отчитываются."), .field("submitted", .integer),
            .field("late", .integer, "Сдано с опозданием."),
            .optional("totals", .stringMap, "Сводные значения сданных отчётов по показателям."),
            .optional(
                "indicators", .array(ReportFormAPIController.indicatorSchema),
                "Показатели формы, какой её объявили в кампании (только в одной кампании)."),
        ]))

    static let reportSchema = OpenAPISchema.named(
        "Report",
        .object([
            .field("id", .uuid), .field("campaignId", .uuid), .field("campaign", .string, "Название кампании."),
            .field("formKey", .string, "Форма отчёта."), .field("periodFrom", .date), .field("periodTo", .date),
            .field("dueOn", .date, "Срок сдачи."), .field("organizationId", .uuid),
            .field("organization", .string), .field("status", .oneOf(ReportStatus.allCases.map(\.rawValue))),
            .field("late", .boolean, "Сдан после срока."), .optional("submittedAt", .dateTime),
            .optional("returnComment", .string, "Замечания при возврате."),
            .field("answers", .stringMap, "Ответы: ключ показателя → значение."),
            .field("computed", .stringMap, "Что посчитала Setka при заполнении: ключ показателя → число."),
            .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/report-campaigns", id: "listReportCampaigns", area: .governance, summary: "Кампании отчётности",
            description: "Кампании отчётности муниципалитета: период, срок, сколько сдано и с опозданием.",
            list: APIParameter.list(sorts: ["due"]), responses: [.ok(.page(campaignSchema))]),
        APIOperation(
            .GET, "/report-campaigns/{id}", id: "getReportCampaign", area: .governance, summary: "Кампания отчётности",
            description: "Одна кампания со сводными значениями сданных отчётов.", responses: [.ok(campaignSchema)]),
        APIOperation(
            .GET, "/reports", id: "listReports", area: .governance, summary: "Отчёты",
            description: "Отчёты организаций: МОУО и КМЦ — все, организация — свои.",
            list: APIParameter.list(
                sorts: ["organization"],
                filters: [
                    APIParameter("campaign", "Кампания (id).", schema: .uuid),
                    APIParameter("status", "Состояние.", values: ReportStatus.allCases.map(\.rawValue)),
                ]),
            responses: [.ok(.page(reportSchema))]),
        APIOperation(
            .GET, "/reports/{id}", id: "getReport", area: .governance, summary: "Отчёт",
            description: "Один отчёт организации.", responses: [.ok(reportSchema)]),
        APIOperation(
            .PUT, "/reports/{id}", id: "updateReport", area: .governance, summary: "Сохранить или сдать отчёт",
            description: """
                Ответы по показателям формы — по тем же правилам, что и на сайте: неверное значение — 422 с полем; \
                `submit: true` сдаёт отчёт (без обязательного показателя — 422), после срока — с отметкой об \
                опоздании. Сданный отчёт меняется только после возврата на доработку (409). `version` — версия, с \
                которой читали отчёт: если его уже изменили, — 409.
                """,
            body: APIBody(
                schema: .object([
                    .optional("answers", OpenAPISchema.stringMap.nullable, "Ключ показателя → значение."),
                    .optional("submit", OpenAPISchema.boolean.nullable, "Сдать отчёт."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия отчёта."),
                ])),
            responses: [.ok(reportSchema, "Сохранено.")], errors: [.conflict]),
    ]
}
