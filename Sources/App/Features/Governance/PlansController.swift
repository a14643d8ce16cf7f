import Domain
import Fluent
import Vapor
import Views

/// Plans made from roadmap templates (issue 22, item 2): the year's plans side by side, a new plan from a template for
/// an organisation or the municipality, one plan by section with its overdue items, its deletion after confirmation.
struct PlansController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: list)
        routes.get("plans", "new", use: newForm)
        routes.post("plans", use: create)
        routes.get("plans", ":id", use: one)
        routes.get("plans", ":id", "delete", use: deleteConfirm)
        routes.post("plans", ":id", "delete", use: delete)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .plans) }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let owners = [nil] + own.map { OrgRef(id: $0, municipalityID: municipalityID) }
        guard owners.contains(where: { req.can(.read, .plan(owner: $0, municipalityID: municipalityID)) }) else {
            throw AppError.forbidden
        }
        let (year, years) = try await RoadmapsController.year(req)
        let plans = try await PlanBoard.plans(req, municipalityID: municipalityID, year: year)
        let today = try await PlanBoard.today(req)
        let summaries = try await PlanBoard.summaries(plans.compactMap(\.id), today: today, on: req.db)
        let rows = try plans.map { plan in
            let summary = summaries[try plan.requireID()]
            return PlanListPage.Row(
                id: try plan.requireID(), title: plan.title, owner: PlanBoard.owner(plan),
                progress: summary?.progress ?? PlanProgress([], today: today),
                next: (summary?.next ?? []).map { ($0.day.formatted, $0.measure, $0.id) })
        }
        let page = PlanListPage(
            year: year, years: years, rows: rows,
            canCreate: req.can(.create, .plan(owner: nil, municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    /// The organisations a plan may be made for: the municipality's active ones that are not its governing bodies.
    static func owners(_ municipalityID: UUID, on db: any Database) async throws -> [Organization] {
        let governing = [OrganizationKind.authority, .coordinationCenter, .methodService].map(\.rawValue)
        return try await Organization.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).filter(\.$kind !~ governing).sort(\.$sortKey).all()
    }

    func formPage(_ req: Request, values: FormValues, errors: FieldErrors = FieldErrors()) async throws
        -> PlanNewPage
    {
        let municipalityID = try RegistrySupport.municipality(req)
        let (_, years) = try await RoadmapsController.year(req)
        let owners = try await Self.owners(municipalityID, on: req.db)
        return PlanNewPage(
            templates: try await Templates.all(municipalityID, on: req.db).map { ($0.id, $0.title) },
            owners: [(Plan.ownerKey(nil), PlanWords.municipalityOwner)]
                + owners.map { (Plan.ownerKey($0.id), $0.shortName) },
            years: years, values: values, errors: errors)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .plan(owner: nil, municipalityID: municipalityID))
        let (year, _) = try await RoadmapsController.year(req)
        let page = try await formPage(req, values: FormValues(single: ["year": String(year)]))
        return req.render(page.render(await context(req)))
    }

    /// The checked choice of template, owner and year: the values, or the errors beside the fields.
    struct Choice {
        var template: RoadmapTemplate
        var organization: Organization?
        var year: Int
    }

    static func choose(_ req: Request, _ form: FormValues, municipalityID: UUID) async throws -> (Choice?, FieldErrors)
    {
        var errors = FieldErrors()
        let template = try await Templates.find(form["template"], municipalityID: municipalityID, on: req.db)
        if template == nil { errors.add("template", PlanWords.chooseTemplate) }
        var organization: Organization?
        let ownerKey = form["owner"] ?? ""
        if ownerKey != Plan.ownerKey(nil) {
            organization = try await UUID(uuidString: ownerKey).asyncFlatMap { id in
                try await owners(municipalityID, on: req.db).first { $0.id == id }
            }
            if organization == nil { errors.add("owner", PlanWords.chooseOwner) }
        }
        let thisYear = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)).ymd.year
        let years = (thisYear - 1)...(thisYear + 2)
        let year = form["year"].flatMap { Int($0) }
        if year.map({ !years.contains($0) }) ?? true {
            errors.add("year", GovernanceWords.chooseYear(Array(years)))
        }
        guard errors.isEmpty, let template, let year else { return (nil, errors) }
        let exists = try await Plan.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$ownerKey == Plan.ownerKey(organization?.id)).filter(\.$templateKey == template.id)
            .filter(\.$year == year).first()
        if exists != nil {
            errors.add(
                "owner",
                organization.map { PlanWords.exists($0.shortName, year: year) }
                    ?? PlanWords.existsMunicipality(year: year))
            return (nil, errors)
        }
        return (Choice(template: template, organization: organization, year: year), errors)
    }

    /// Makes the plan and audits it; a simultaneous twin is a 409.
    static func write(_ choice: Choice, municipalityID: UUID, req: Request) async throws -> Plan {
        let username = try req.requireUser().username
        do {
            return try await req.application.writeTransaction { db in
                let (plan, items) = try await PlanBoard.make(
                    choice.template, year: choice.year, municipalityID: municipalityID,
                    organization: choice.organization, username: username, on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "plan", entityID: plan.id,
                    title: PlanBoard.title(plan), municipalityID: municipalityID,
                    organizationID: plan.$organization.id,
                    after: [
                        "Шаблон": plan.title, "Чей": PlanBoard.owner(plan), "Год": String(plan.year),
                        "Пунктов": String(items.count),
                    ])
                return plan
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw AppError.conflict(
                choice.organization.map { PlanWords.exists($0.shortName, year: choice.year) }
                    ?? PlanWords.existsMunicipality(year: choice.year))
        }
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .plan(owner: nil, municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        let (choice, errors) = try await Self.choose(req, form, municipalityID: municipalityID)
        guard let choice else {
            let page = try await formPage(req, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let plan = try await Self.write(choice, municipalityID: municipalityID, req: req)
        return req.redirect(to: SiteURL.plan(try plan.requireID()).path, flash: PlanWords.created)
    }

    func one(req: Request) async throws -> Response {
        let plan = try await PlanBoard.plan(req, .read)
        let id = try plan.requireID()
        let sideRaw = req.query[String.self, at: "side"] ?? ""
        let side = PlanItemDraft.Side(rawValue: sideRaw)
        let stateRaw = req.query[String.self, at: "state"] ?? ""
        let state = stateRaw.isEmpty ? PlanPage.State.all : PlanPage.State(rawValue: stateRaw)
        if !sideRaw.isEmpty && side == nil || state == nil {
            throw AppError.badParameters(
                (side == nil && !sideRaw.isEmpty ? ["side": "Выберите значение из списка."] : [:]).merging(
                    state == nil ? ["state": "Выберите значение из списка."] : [:]
                ) { $1 })
        }
        let today = try await PlanBoard.today(req)
        let items = try await PlanItem.query(on: req.db).filter(\.$plan.$id == id).with(\.$responsibleUser)
            .sort(\.$position).all()
        let files = try await PlanBoard.withFiles(items.compactMap(\.id), on: req.db)
        let shown = items.filter { item in
            guard side == nil || item.itemSide == side else { return false }
            switch state ?? .all {
            case .all: return true
            case .open: return !item.itemStatus.isClosed
            case .overdue: return item.progress.isOverdue(today: today)
            case .done: return item.itemStatus == .done
            }
        }
        var sections: [PlanPage.Section] = []
        for item in shown {
            let line = try PlanBoard.line(item, today: today, files: files)
            if sections.last?.title == item.section {
                sections[sections.count - 1].items.append(line)
            } else {
                sections.append(PlanPage.Section(title: item.section, items: [line]))
            }
        }
        let page = PlanPage(
            id: id, title: plan.title, owner: PlanBoard.owner(plan), year: plan.year, templateKey: plan.templateKey,
            templateVersion: plan.templateVersion,
            progress: PlanProgress(items.map(\.progress), today: today), sections: sections, side: side,
            state: state ?? .all, canDelete: req.can(.archive, plan.resource))
        return req.render(page.render(await context(req)))
    }

    func deleteConfirm(req: Request) async throws -> Response {
        let plan = try await PlanBoard.plan(req, .archive)
        let id = try plan.requireID()
        let page = ConfirmPage(
            title: PlanWords.deleteTitle, question: PlanWords.deleteQuestion(PlanBoard.title(plan)),
            consequence: PlanWords.deleteConsequence, action: SiteURL.plan(id).path + "/delete",
            button: PlanWords.deleteButton, cancelURL: SiteURL.plan(id).path,
            crumbs: [Crumb(PlanWords.title, SiteURL.plans.path)])
        return req.render(page.render(await context(req)))
    }

    func delete(req: Request) async throws -> Response {
        let plan = try await PlanBoard.plan(req, .archive)
        let id = try plan.requireID()
        let files = try await req.application.writeTransaction { db in
            let items = try await PlanItem.query(on: db).filter(\.$plan.$id == id).all(\.$id)
            let files = try await PlanItemFile.query(on: db).filter(\.$item.$id ~~ items).field(\.$id)
                .field(\.$storage).all()
            try await PlanItemFile.query(on: db).filter(\.$item.$id ~~ items).delete()
            // The meetings' decisions stay in their minutes, without the deleted items.
            try await MeetingDecisionRecord.query(on: db).filter(\.$planItem.$id ~~ items)
                .set(\.$planItem.$id, to: nil).update()
            // An agreed programme and an issued assignment stay, without the plan they made.
            try await ActivityProgram.query(on: db).filter(\.$plan.$id == id).set(\.$plan.$id, to: nil).update()
            try await TechnicalAssignment.query(on: db).filter(\.$plan.$id == id).set(\.$plan.$id, to: nil).update()
            try await PlanItem.query(on: db).filter(\.$plan.$id == id).delete()
            try await Plan.query(on: db).filter(\.$id == id).delete()
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "plan", entityID: id, title: PlanBoard.title(plan),
                municipalityID: plan.$municipality.id, organizationID: plan.$organization.id,
                before: ["Шаблон": plan.title, "Чей": PlanBoard.owner(plan), "Год": String(plan.year)], after: nil)
            return files
        }
        for file in files { ScanStore.removeFile(of: file, req: req) }
        return req.redirect(to: SiteURL.plans.path + "?year=\(plan.year)", flash: PlanWords.deleted)
    }
}
