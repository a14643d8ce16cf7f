import Domain
import Fluent
import Vapor
import Views

/// Plans and their items as JSON (issue 22, items 2 and 8): the plans the user may read with their progress, a new
/// plan from a template, the items the user may read (a plan's, the overdue ones, those answered by the user), one item,
/// and an item marked under its version — by the same rules as the pages.
struct PlanAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: list)
        routes.post("plans", use: create)
        routes.get("plans", ":id", use: one)
        routes.get("plan-items", use: items)
        routes.get("plan-items", ":id", use: item)
        routes.put("plan-items", ":id", use: update)
    }

    struct PlanDTO: Content {
        var id: UUID
        var templateKey: String
        /// The own template's version the plan was made from.
        var templateVersion: Int?
        var title: String
        var organizationId: UUID?
        var owner: String
        var year: Int
        var items: Int
        var done: Int
        var overdue: Int
        var undated: Int
        var onTimePercent: Int?
        var version: Int

        init(_ plan: Plan, progress: PlanProgress) throws {
            id = try plan.requireID()
            templateKey = plan.templateKey
            templateVersion = plan.templateVersion
            title = plan.title
            organizationId = plan.$organization.id
            owner = PlanBoard.owner(plan)
            year = plan.year
            items = progress.total
            done = progress.done
            overdue = progress.overdue
            undated = progress.undated
            onTimePercent = progress.onTimePercent
            version = plan.version
        }
    }

    struct ItemDTO: Content {
        var id: UUID
        var planId: UUID
        var organizationId: UUID?
        var side: String
        var section: String
        var number: String?
        var position: Int
        var measure: String
        var deadline: String
        var dueOn: String?
        var startsOn: String?
        var quarter: Int?
        var evidenceRequired: Bool
        var status: String
        var overdue: Bool
        var doneOn: String?
        var responsible: String?
        var responsibleUserId: UUID?
        var evidenceNote: String?
        var evidenceLink: String?
        var evidenceFile: Bool
        var cancelReason: String?
        var version: Int

        init(_ item: PlanItem, today: CivilDay, hasFile: Bool) throws {
            id = try item.requireID()
            planId = item.$plan.id
            organizationId = item.$organization.id
            side = item.side
            section = item.section
            number = item.number
            position = item.position
            measure = item.measure
            deadline = item.deadline
            dueOn = item.due?.iso
            startsOn = item.startsOn.map { CivilDay(number: $0).iso }
            quarter = item.quarter
            evidenceRequired = item.evidenceRequired
            status = item.status
            overdue = item.progress.isOverdue(today: today)
            doneOn = item.done?.iso
            responsible = item.responsible
            responsibleUserId = item.$responsibleUser.id
            evidenceNote = item.evidenceNote
            evidenceLink = item.evidenceLink
            evidenceFile = hasFile
            cancelReason = item.cancelReason
            version = item.version
        }
    }

    static let planChoices: [String: [String]] = [
        "template": RoadmapTemplate.builtIn.map(\.id) + [
            MeetingsController.decisionsKey, ActivityProgramWrites.planTemplateKey, assignmentTemplate,
        ]
    ]

    /// The `template` filter's values: those of `planChoices`, or the id of a template of the municipality's own.
    static func checkTemplate(_ req: Request) throws {
        guard let raw = try? req.query.get(String.self, at: "template"), !raw.isEmpty, UUID(uuidString: raw) == nil
        else { return }
        try RegistrySupport.checkChoices(req, planChoices)
    }
    /// The filter's value for every technical assignment's plan (each keyed `assignment-<id>`).
    static let assignmentTemplate = "assignment"

    /// Whether a plan's template key answers the `template` filter.
    static func matches(_ key: String, template: String?) -> Bool {
        guard let template else { return true }
        return template == assignmentTemplate ? key.hasPrefix(assignmentTemplate + "-") : key == template.lowercased()
    }
    static let itemChoices: [String: [String]] = [
        "status": PlanItemStatus.allCases.map(\.rawValue), "side": PlanItemDraft.Side.allCases.map(\.rawValue),
        "overdue": ["true", "false"], "mine": ["true", "false"],
    ]

    /// A filter's id, or a 400 naming it.
    static func uuid(_ query: ListQuery, _ key: String) throws -> UUID? {
        guard let raw = query.filters[key] else { return nil }
        guard let id = UUID(uuidString: raw) else { throw AppError.badParameters([key: "Ожидается id (UUID)."]) }
        return id
    }

    func list(req: Request) async throws -> PageDTO<PlanDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try Self.checkTemplate(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["year", "organization", "template"], sorts: ["owner"], defaultSort: "owner")
        var year: Int?
        if let raw = query.filters["year"] {
            guard let value = Int(raw), (1900...2200).contains(value) else {
                throw AppError.badParameters(["year": "Год — число, например 2027."])
            }
            year = value
        }
        let organization = try Self.uuid(query, "organization")
        var plans = try await PlanBoard.plans(req, municipalityID: municipalityID, year: year).filter { plan in
            (organization == nil || plan.$organization.id == organization)
                && Self.matches(plan.templateKey, template: query.filters["template"])
        }
        if query.descending { plans.reverse() }
        let page = Array(plans.dropFirst((query.page - 1) * query.per).prefix(query.per))
        let today = try await PlanBoard.today(req)
        let summaries = try await PlanBoard.summaries(page.compactMap(\.id), today: today, on: req.db)
        return PageDTO(
            items: try page.map {
                try PlanDTO($0, progress: summaries[try $0.requireID()]?.progress ?? PlanProgress([], today: today))
            }, metadata: .init(page: query.page, per: query.per, total: plans.count))
    }

    func one(req: Request) async throws -> PlanDTO {
        let plan = try await PlanBoard.plan(req, .read)
        let today = try await PlanBoard.today(req)
        let summary = try await PlanBoard.summaries([try plan.requireID()], today: today, on: req.db)
        return try PlanDTO(plan, progress: summary[try plan.requireID()]?.progress ?? PlanProgress([], today: today))
    }

    struct NewPlan: Content {
        var templateKey: String?
        var organizationId: UUID?
        var year: Int?
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .plan(owner: nil, municipalityID: municipalityID))
        let input = try req.content.decode(NewPlan.self)
        let form = FormValues(single: [
            "template": input.templateKey ?? "", "owner": Plan.ownerKey(input.organizationId),
            "year": input.year.map(String.init) ?? "",
        ])
        let (choice, errors) = try await PlansController.choose(req, form, municipalityID: municipalityID)
        guard let choice else {
            var fields = FieldErrors()
            for (key, message) in errors.messages {
                fields.add(["template": "templateKey", "owner": "organizationId"][key] ?? key, message)
            }
            throw AppError.validation(ValidationFailure(fields: fields))
        }
        let plan = try await PlansController.write(choice, municipalityID: municipalityID, req: req)
        let response = Response(status: .created)
        let today = try await PlanBoard.today(req)
        let summary = try await PlanBoard.summaries([try plan.requireID()], today: today, on: req.db)
        try response.content.encode(
            try PlanDTO(plan, progress: summary[try plan.requireID()]?.progress ?? PlanProgress([], today: today)))
        return response
    }

    func items(req: Request) async throws -> PageDTO<ItemDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, Self.itemChoices)
        let query = RegistrySupport.listQuery(
            req, filters: ["plan", "status", "side", "overdue", "mine"], sorts: ["due", "position"],
            defaultSort: "due")
        let plan = try Self.uuid(query, "plan")
        let user = try req.requireUser()
        let today = try await PlanBoard.today(req)
        var builder = PlanItem.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        // The items the user may read: the whole municipality's for those who run it, else their organisations'
        // and those they answer for.
        let running = req.can(.read, .plan(owner: nil, municipalityID: municipalityID))
        if !running || query.filters["mine"] == "true" {
            let orgs =
                query.filters["mine"] == "true"
                ? []
                : user.actor.activeGrants(at: Date()).filter { [.centerHead, .schoolAdmin].contains($0.role) }
                    .compactMap(\.scope.organizationID)
            builder = builder.group(.or) { group in
                group.filter(\.$responsibleUser.$id == user.userID)
                if !orgs.isEmpty { group.filter(\.$organization.$id ~~ orgs) }
            }
        }
        if let plan { builder = builder.filter(\.$plan.$id == plan) }
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        if let side = query.filters["side"] { builder = builder.filter(\.$side == side) }
        let closed = [PlanItemStatus.done, .cancelled].map(\.rawValue)
        switch query.filters["overdue"] {
        case "true": builder = builder.filter(\.$status !~ closed).filter(\.$dueOn < today.number)
        case "false":
            builder = builder.group(.or) {
                $0.filter(\.$status ~~ closed).filter(\.$dueOn == nil).filter(\.$dueOn >= today.number)
            }
        default: break
        }
        let total = try await builder.copy().count()
        builder =
            query.sort == "position"
            ? builder.sort(\.$plan.$id, query.descending ? .descending : .ascending)
                .sort(\.$position, query.descending ? .descending : .ascending)
            : builder.sort(\.$dueOn, query.descending ? .descending : .ascending).sort(\.$position)
        let rows = try await builder.range(((query.page - 1) * query.per)..<(query.page * query.per)).all()
        let files = try await PlanBoard.withFiles(rows.compactMap(\.id), on: req.db)
        return PageDTO(
            items: try rows.map { try ItemDTO($0, today: today, hasFile: files.contains(try $0.requireID())) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func item(req: Request) async throws -> ItemDTO {
        let item = try await PlanBoard.item(req, .read)
        let hasFile = try await PlanEvidenceController.facts(of: try item.requireID(), on: req.db) != nil
        return try ItemDTO(item, today: try await PlanBoard.today(req), hasFile: hasFile)
    }

    struct ItemChange: Content {
        var status: String?
        var dueOn: String?
        var doneOn: String?
        var responsible: String?
        var responsibleUserId: UUID?
        var evidenceNote: String?
        var evidenceLink: String?
        var cancelReason: String?
        var version: Int?
    }

    func update(req: Request) async throws -> ItemDTO {
        let item = try await PlanBoard.item(req, .update)
        let change = try req.content.decode(ItemChange.self)
        let values: [String: String?] = [
            "status": change.status, "dueOn": change.dueOn, "doneOn": change.doneOn,
            "responsible": change.responsible, "responsibleUser": change.responsibleUserId?.uuidString,
            "evidenceNote": change.evidenceNote, "evidenceLink": change.evidenceLink,
            "cancelReason": change.cancelReason,
        ]
        let (input, user, errors) = try await PlanItemsController.read(req, item, { values[$0] ?? nil })
        guard let input else { throw AppError.validation(ValidationFailure(fields: errors)) }
        let version = try RegistrySupport.version(change.version, missing: PlanWords.itemVersionRequired)
        guard try await PlanItemsController.save(req, item, input, user: user, expected: version) else {
            throw AppError.conflict(PlanWords.changed)
        }
        let fresh = try await PlanBoard.item(req, .read)
        let hasFile = try await PlanEvidenceController.facts(of: try fresh.requireID(), on: req.db) != nil
        return try ItemDTO(fresh, today: try await PlanBoard.today(req), hasFile: hasFile)
    }
}
