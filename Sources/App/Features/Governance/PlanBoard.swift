import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// The plans' reads and the one write that makes a plan (page, API and demo): each read a fixed number of statements
/// whatever the plans and items (issue 22, item 2).
enum PlanBoard {
    /// The plan of the path's `id`, authorised for `action` (404 unknown, 403 not the user's).
    static func plan(_ req: Request, _ action: Domain.Action, parameter: String = "id") async throws -> Plan {
        guard
            let plan = try await Plan.query(on: req.db).filter(\.$id == req.idParameter(parameter))
                .with(\.$organization).first()
        else { throw AppError.notFound(RegistryWords.notFound(PlanWords.planNoun)) }
        try req.authorize(action, plan.resource)
        return plan
    }

    /// The item of the path's `id` with its plan, authorised for `action`.
    static func item(_ req: Request, _ action: Domain.Action) async throws -> PlanItem {
        guard
            let item = try await PlanItem.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$plan) { $0.with(\.$organization) }.with(\.$responsibleUser).first()
        else { throw AppError.notFound(RegistryWords.notFound(PlanWords.itemNoun)) }
        try req.authorize(action, item.resource)
        return item
    }

    /// The municipality's day today.
    static func today(_ req: Request) async throws -> CivilDay {
        CivilDay(Date(), timeZone: try await RegistrySupport.zone(req))
    }

    /// «МБОУ «СОШ № 3»» or «Муниципалитет (план МОУО)».
    static func owner(_ plan: Plan) -> String {
        plan.organization?.shortName
            ?? (plan.templateKey == MeetingsController.decisionsKey ? PlanWords.kmcOwner : PlanWords.municipalityOwner)
    }

    /// «Дорожная карта … — МБОУ «СОШ № 3», 2027».
    static func title(_ plan: Plan) -> String { "\(plan.title) — \(owner(plan)), \(plan.year)" }

    /// The year's plans the user may read, by owner and template.
    static func plans(_ req: Request, municipalityID: UUID, year: Int?) async throws -> [Plan] {
        var query = Plan.query(on: req.db).filter(\.$municipality.$id == municipalityID).with(\.$organization)
        if let year { query = query.filter(\.$year == year) }
        return try await query.sort(\.$year, .descending).sort(\.$title).all()
            .filter { req.can(.read, $0.resource) }
            .sorted { (owner($0), $0.title) < (owner($1), $1.title) }
    }

    /// What a plan's line says: its progress and the next open deadlines.
    struct Summary {
        var progress: PlanProgress
        var next: [(day: CivilDay, measure: String, id: UUID)]
    }

    /// Every plan's progress and its next `upcoming` open deadlines from today: two statements whatever the plans
    /// (`PlanSummarySQL`).
    static func summaries(_ planIDs: [UUID], today: CivilDay, upcoming: Int = 2, on db: any Database) async throws
        -> [UUID: Summary]
    {
        guard !planIDs.isEmpty else { return [:] }
        let counts = try await PlanSummarySQL.counts(planIDs, today: today, on: db)
        let next = try await PlanSummarySQL.next(planIDs, today: today, count: upcoming, on: db)
        return counts.mapValues { Summary(progress: $0, next: []) }.merging(
            next.mapValues { Summary(progress: PlanProgress([], today: today), next: $0) }
        ) { counted, upcoming in Summary(progress: counted.progress, next: upcoming.next) }
    }

    /// Makes the plan of a template for an owner and a year, with every item of `planItems(year:)`, inside `db`'s
    /// transaction; a plan of the same owner, template and year is refused by the unique index (the caller checks
    /// first for a message beside the field).
    static func make(
        _ template: RoadmapTemplate, year: Int, municipalityID: UUID, organization: Organization?, username: String,
        on db: any Database
    ) async throws -> (plan: Plan, items: [PlanItem]) {
        let now = Date()
        let plan = Plan()
        plan.id = UUID()
        plan.$municipality.id = municipalityID
        plan.$organization.id = try organization?.requireID()
        plan.$organization.value = .some(organization)
        plan.ownerKey = Plan.ownerKey(organization?.id)
        plan.templateKey = template.id
        plan.templateVersion = template.version
        plan.title = template.title
        plan.year = year
        plan.createdBy = username
        plan.createdAt = now
        plan.updatedBy = username
        plan.updatedAt = now
        plan.version = 1
        try await plan.create(on: db)
        let items = template.planItems(year: year).map { draft in
            let item = PlanItem()
            item.id = UUID()
            item.$plan.id = plan.id!
            item.$municipality.id = municipalityID
            item.$organization.id = plan.$organization.id
            item.side = draft.side.rawValue
            item.section = draft.section
            item.number = draft.number
            item.position = draft.position
            item.measure = draft.measure
            item.deadline = draft.deadline
            item.dueOn = draft.dueOn?.number
            item.startsOn = draft.startsOn?.number
            item.quarter = draft.quarter
            item.evidenceRequired = draft.evidenceRequired
            item.status = PlanItemStatus.notStarted.rawValue
            item.updatedBy = username
            item.updatedAt = now
            item.version = 1
            return item
        }
        // In slices: SQLite takes at most 32 766 bound values per statement.
        for start in stride(from: 0, to: items.count, by: 500) {
            try await items[start..<min(start + 500, items.count)].create(on: db)
        }
        return (plan, items)
    }

    /// The audit's fields of an item.
    static func audit(_ item: PlanItem) -> [String: String] {
        [
            "Состояние": item.itemStatus.title, "Срок": item.due?.formatted ?? "",
            "Дата выполнения": item.done?.formatted ?? "", "Ответственный": responsible(item),
            "Подтверждение": item.evidenceNote ?? "", "Ссылка": item.evidenceLink ?? "",
            "Причина отмены": item.cancelReason ?? "",
        ]
    }

    /// Who answers for an item: the account's name and the words written, or the words alone.
    static func responsible(_ item: PlanItem) -> String {
        [item.responsibleUser?.fullName, item.responsible].compactMap { $0 }.joined(separator: ", ")
    }

    /// An item's line on the plan's page (responsible users loaded; `files`: the items with an evidence file).
    static func line(_ item: PlanItem, today: CivilDay, files: Set<UUID>) throws -> PlanPage.Item {
        let id = try item.requireID()
        var evidence: [String] = []
        if let note = item.evidenceNote {
            evidence.append(note.count > 60 ? String(note.prefix(60)) + "…" : note)
        }
        if item.evidenceLink != nil { evidence.append(PlanWords.evidenceLinkTitle) }
        if files.contains(id) { evidence.append(PlanWords.evidenceFile) }
        return PlanPage.Item(
            id: id, number: item.number, side: item.itemSide, measure: item.measure, deadline: item.deadline,
            due: item.due?.formatted, quarter: item.quarter, responsible: responsible(item), status: item.itemStatus,
            overdue: item.progress.isOverdue(today: today), evidence: evidence.joined(separator: "; "),
            evidenceRequired: item.evidenceRequired)
    }

    /// The items among `ids` with an evidence file (one statement).
    static func withFiles(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        return Set(try await PlanItemFile.query(on: db).filter(\.$item.$id ~~ ids).all(\.$item.$id))
    }
}
