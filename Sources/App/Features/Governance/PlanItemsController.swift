import Domain
import Fluent
import Vapor
import Views

/// One plan item (issue 22, item 2): its facts and history for those who read it; its form — state, the day, who
/// answers, the evidence — for those who mark it, claimed by version (two people saving the same item: one wins, the
/// other sees the current values), audited.
struct PlanItemsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plan-items", ":id", use: show)
        routes.post("plan-items", ":id", use: update)
    }

    /// The accounts that may answer for an item of a plan: the owner's people, those who run the municipality.
    static func users(_ plan: Plan, on db: any Database) async throws -> [User] {
        let running = [Role.authorityAdmin, .coordinator, .methodologist].map(\.rawValue)
        let own = [Role.centerHead, .teacher, .schoolAdmin].map(\.rawValue)
        let assignments = try await RoleAssignment.query(on: db).filter(\.$municipality.$id == plan.$municipality.id)
            .group(.or) { group in
                group.filter(\.$role ~~ running)
                if let owner = plan.$organization.id {
                    group.group(.and) { $0.filter(\.$organization.$id == owner).filter(\.$role ~~ own) }
                }
            }
            .with(\.$user).all()
        let now = Date()
        var seen = Set<UUID>()
        return assignments.filter { ($0.validFrom ?? now) <= now && ($0.validTo.map { now < $0 } ?? true) }
            .map(\.user).filter { $0.isActive && seen.insert($0.id!).inserted }
            .sorted { $0.sortKey < $1.sortKey }
    }

    static func values(_ item: PlanItem) -> FormValues {
        FormValues(single: [
            "status": item.status, "dueOn": item.due?.formatted ?? "", "doneOn": item.done?.formatted ?? "",
            "responsibleUser": item.$responsibleUser.id?.uuidString.lowercased() ?? "",
            "responsible": item.responsible ?? "", "evidenceNote": item.evidenceNote ?? "",
            "evidenceLink": item.evidenceLink ?? "", "cancelReason": item.cancelReason ?? "",
        ])
    }

    /// The item's facts as the page lists them.
    static func facts(_ item: PlanItem) -> [(String, String)] {
        var deadline = item.deadline.isEmpty ? GovernanceWords.noDeadline : item.deadline
        if let due = item.due { deadline += " — " + due.formatted }
        if let quarter = item.quarter { deadline += " (" + PlanWords.quarter(quarter) + ")" }
        return PlanWords.facts(
            section: item.section, number: item.number, authority: item.itemSide == .authority,
            deadline: deadline, startsOn: item.startsOn.map { CivilDay(number: $0).formatted },
            responsible: PlanBoard.responsible(item), doneOn: item.done?.formatted, note: item.evidenceNote,
            link: item.evidenceLink, evidenceRequired: item.evidenceRequired, cancelReason: item.cancelReason)
    }

    func page(
        _ req: Request, _ item: PlanItem, values: FormValues? = nil, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> PlanItemPage {
        let id = try item.requireID()
        let today = try await PlanBoard.today(req)
        var form: PlanItemPage.Form?
        if req.can(.update, item.resource) {
            let users = try await Self.users(item.plan, on: req.db)
            form = PlanItemPage.Form(
                values: values ?? Self.values(item), errors: errors, version: item.version, conflict: conflict,
                users: users.map { ($0.id!.uuidString.lowercased(), $0.fullName) },
                locked: Set(Self.locked(req, item).keys))
        }
        let file = try await PlanEvidenceController.facts(of: id, on: req.db)
        return PlanItemPage(
            id: id, planID: item.$plan.id, planTitle: PlanBoard.title(item.plan), measure: item.measure,
            facts: Self.facts(item), status: item.itemStatus, overdue: item.progress.isOverdue(today: today),
            evidenceRequired: item.evidenceRequired, form: form,
            file: file.map { AchievementDocumentPage.describe(name: $0.fileName, size: $0.size) },
            history: try await Audit.history(entityID: id, req: req))
    }

    func show(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .read)
        return req.render(try await page(req, item).render(await req.pageContext(active: .plans)))
    }

    /// The fields the user may not change, with the reason: the day is moved by those who keep the plan (the
    /// administrator, the КМЦ); who answers for an item is named by them and by the owner — the person answering marks
    /// the item, they do not move its deadline or hand it on.
    static func locked(_ req: Request, _ item: PlanItem) -> [String: String] {
        var locked: [String: String] = [:]
        if !req.can(.update, item.plan.resource) { locked["dueOn"] = PlanWords.dueFixed }
        let unnamed = Resource.planItem(
            owner: item.owner, side: item.itemSide, responsibleUserID: nil, municipalityID: item.$municipality.id)
        if !req.can(.update, unnamed) {
            locked["responsibleUser"] = PlanWords.responsibleFixed
            locked["responsible"] = PlanWords.responsibleFixed
        }
        return locked
    }

    /// Checks a form against the item: the input and the chosen account, or the errors beside the fields. A field the
    /// form does not send keeps the item's value (the API's partial change; the day for those who may not move it).
    static func read(_ req: Request, _ item: PlanItem, _ sent: @escaping (String) -> String?) async throws -> (
        PlanItemInput?, User?, FieldErrors
    ) {
        let current = Self.values(item)
        let fixed = Self.locked(req, item)
        let form: (String) -> String? = { key in fixed[key] != nil ? current[key] : sent(key) ?? current[key] }
        var errors = FieldErrors()
        for (key, reason) in fixed where sent(key).map({ $0 != current[key] ?? "" }) ?? false {
            errors.add(key, reason)
        }
        let hasFile = try await PlanEvidenceController.facts(of: try item.requireID(), on: req.db) != nil
        let input = PlanItemInput.parse(
            form, evidenceRequired: item.evidenceRequired, hasFile: hasFile, today: try await PlanBoard.today(req),
            errors: &errors)
        var user: User?
        if let raw = form("responsibleUser"), !raw.isEmpty {
            user = try await UUID(uuidString: raw).asyncFlatMap { id in
                try await users(item.plan, on: req.db).first { $0.id == id }
            }
            if user == nil { errors.add("responsibleUser", PlanWords.chooseUser) }
        }
        return (errors.isEmpty ? input : nil, user, errors)
    }

    /// Saves a checked input under the version the form was read at; false when someone saved since.
    static func save(_ req: Request, _ item: PlanItem, _ input: PlanItemInput, user: User?, expected: Int)
        async throws -> Bool
    {
        let before = PlanBoard.audit(item)
        item.apply(input)
        item.$responsibleUser.id = user?.id
        item.$responsibleUser.value = .some(user)
        item.updatedBy = try req.requireUser().username
        item.updatedAt = Date()
        let title = item.measure
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: PlanItem.schema, id: item.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(PlanWords.changed) }
                item.version = expected + 1
                try await item.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "plan_item", entityID: item.id, title: title,
                    municipalityID: item.$municipality.id, organizationID: item.$organization.id, before: before,
                    after: PlanBoard.audit(item))
            }
        } catch let error as AppError where error.status == .conflict {
            return false
        }
        return true
    }

    func update(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .update)
        let form = RegistrySupport.form(req)
        let (input, user, errors) = try await Self.read(req, item, { form[$0] })
        guard let input else {
            let page = try await page(req, item, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: .plans)), status: .unprocessableEntity)
        }
        guard try await Self.save(req, item, input, user: user, expected: form["version"].flatMap(Int.init) ?? -1)
        else {
            let fresh = try await PlanBoard.item(req, .read)
            let page = try await page(req, fresh, conflict: PlanWords.changed)
            return req.render(page.render(await req.pageContext(active: .plans)), status: .conflict)
        }
        return req.redirect(to: SiteURL.planItem(try item.requireID()).path, flash: PlanWords.saved)
    }
}
