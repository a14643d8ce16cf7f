import Documents
import Domain
import Fluent
import Vapor
import Views

/// Technical assignments (issue 22, item 4; `001_4390f67d15d9225c.txt` §2.5.2, §5.5; `000_5375b2a087477e6d.txt`): the
/// КМЦ drafts an assignment for an organisation — basis, goals, content of the work, expected results, term,
/// financing, the results to present — and issues it; the results become items of the organisation's plan, marked done
/// with evidence like any plan item, and the assignment shows how far they are. Printable and DOCX.
struct AssignmentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assignments", use: list)
        routes.get("assignments", "new", use: newForm)
        routes.post("assignments", use: create)
        routes.get("assignments", ":id", use: show)
        routes.get("assignments", ":id", "edit", use: editForm)
        routes.post("assignments", ":id", use: update)
        routes.get("assignments", ":id", "document", use: document)
        routes.get("assignments", ":id", "docx", use: docx)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .assignments) }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let visible = try AssignmentWrites.visible(req, municipalityID: municipalityID)
        var query = TechnicalAssignment.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let own = visible.own {
            query = query.filter(\.$organization.$id ~~ own).filter(\.$status == AssignmentStatus.issued.rawValue)
        }
        let assignments = try await query.sort(\.$startsOn, .descending).sort(\.$createdAt, .descending)
            .with(\.$organization).all()
        let today = try await PlanBoard.today(req)
        let summaries = try await PlanBoard.summaries(
            assignments.compactMap { $0.$plan.id }, today: today, upcoming: 0, on: req.db)
        let page = AssignmentListPage(
            rows: try assignments.map { assignment in
                let progress = assignment.$plan.id.flatMap { summaries[$0]?.progress }
                return .init(
                    id: try assignment.requireID(), title: assignment.title,
                    organization: assignment.organization.shortName,
                    term: AssignmentWords.term(assignment.input.startsOn.formatted, assignment.input.endsOn.formatted),
                    status: assignment.assignmentStatus,
                    progress: progress.map {
                        AssignmentWords.progress(done: $0.done, of: $0.total, overdue: $0.overdue)
                    }
                        ?? "—")
            }, canCreate: req.can(.create, .assignment(organization: visible.probe, issued: false)))
        return req.render(page.render(await context(req)))
    }

    func formPage(
        _ req: Request, editing: TechnicalAssignment?, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, version: Int? = nil
    ) async throws -> AssignmentFormPage {
        let municipalityID = try editing?.$municipality.id ?? RegistrySupport.municipality(req)
        let owners = editing == nil ? try await PlansController.owners(municipalityID, on: req.db) : []
        return AssignmentFormPage(
            editing: try editing.map { (try $0.requireID(), version ?? $0.version, $0.organization.shortName) },
            organizations: owners.map { ($0.id!.uuidString.lowercased(), $0.shortName) }, values: values,
            errors: errors, conflict: conflict)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(
            .create, .assignment(organization: OrgRef(id: UUID(), municipalityID: municipalityID), issued: false))
        let today = try await PlanBoard.today(req)
        let startYear = today.ymd.month >= 9 ? today.ymd.year : today.ymd.year - 1
        let values = FormValues(single: [
            "startsOn": CivilDay(year: startYear, month: 9, day: 1)!.formatted,
            "endsOn": CivilDay(year: startYear + 1, month: 6, day: 30)!.formatted,
            "deliverables": AssignmentDeliverable.standard(startYear: startYear).map(\.line).joined(separator: "\n"),
        ])
        return req.render(try await formPage(req, editing: nil, values: values).render(await context(req)))
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let chosen = form["organization"].flatMap(UUID.init(uuidString:))
        let organization = try await chosen.asyncFlatMap { id in
            try await PlansController.owners(municipalityID, on: req.db).first { $0.id == id }
        }
        try req.authorize(
            .create,
            .assignment(
                organization: organization?.ref ?? OrgRef(id: UUID(), municipalityID: municipalityID), issued: false))
        if organization == nil { errors.add("organization", AssignmentWords.chooseOrganization) }
        let input = AssignmentInput.check({ form[$0] }, errors: &errors)
        guard let input, let organization, errors.isEmpty else {
            let page = try await formPage(req, editing: nil, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let assignment = try await AssignmentWrites.create(
            req, input, organization: organization, issue: form["action"] == "issue")
        return req.redirect(
            to: SiteURL.assignment(try assignment.requireID()).path,
            flash: assignment.assignmentStatus == .issued ? AssignmentWords.issued : AssignmentWords.saved)
    }

    func show(req: Request) async throws -> Response {
        let assignment = try await AssignmentWrites.assignment(req, .read)
        let id = try assignment.requireID()
        var items: [PlanItem] = []
        if let plan = assignment.$plan.id {
            items = try await PlanItem.query(on: req.db).filter(\.$plan.$id == plan).sort(\.$position).all()
        }
        let zone = try await RegistrySupport.zone(req)
        let today = try await PlanBoard.today(req)
        let files = try await PlanItemFile.query(on: req.db).filter(\.$item.$id ~~ items.compactMap(\.id))
            .all(\.$item.$id)
        let page = AssignmentPage(
            id: id, title: assignment.title, organization: assignment.organization.shortName,
            status: assignment.assignmentStatus, input: assignment.input,
            issued: assignment.issuedAt.map { CivilDay($0, timeZone: zone).formatted },
            results: assignment.planned.enumerated().map { index, planned in
                let item = items.first { $0.position == index }
                return .init(
                    deliverable: planned, itemID: item?.id, state: item.map { $0.itemStatus.title },
                    overdue: item.map { $0.progress.isOverdue(today: today) } ?? false,
                    evidence: item.map { $0.evidenceNote != nil || $0.evidenceLink != nil || files.contains($0.id!) }
                        ?? false)
            }, canEdit: assignment.assignmentStatus == .draft && req.can(.update, assignment.resource),
            // The drafts' changes are the КМЦ's: the organisation sees the assignment as issued.
            history: req.can(.update, assignment.resource) ? try await Audit.history(entityID: id, req: req) : [])
        return req.render(page.render(await context(req)))
    }

    func editForm(req: Request) async throws -> Response {
        let assignment = try await AssignmentWrites.assignment(req, .update)
        guard assignment.assignmentStatus == .draft else { throw AppError.conflict(AssignmentWords.locked) }
        let page = try await formPage(req, editing: assignment, values: FormValues(single: assignment.input.fields))
        return req.render(page.render(await context(req)))
    }

    func update(req: Request) async throws -> Response {
        let assignment = try await AssignmentWrites.assignment(req, .update)
        let form = RegistrySupport.form(req)
        let expected = form["version"].flatMap(Int.init) ?? -1
        var errors = FieldErrors()
        guard let input = AssignmentInput.check({ form[$0] }, errors: &errors) else {
            let page = try await formPage(req, editing: assignment, values: form, errors: errors, version: expected)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        switch try await AssignmentWrites.update(
            req, assignment, input, issue: form["action"] == "issue", expected: expected)
        {
        case .saved(let status):
            return req.redirect(
                to: SiteURL.assignment(try assignment.requireID()).path,
                flash: status == .issued ? AssignmentWords.issued : AssignmentWords.saved)
        case .stale:
            let fresh = try await AssignmentWrites.assignment(req, .read)
            let page = try await formPage(
                req, editing: fresh, values: FormValues(single: fresh.input.fields), conflict: AssignmentWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        case .locked: throw AppError.conflict(AssignmentWords.locked)
        }
    }

    static func documentModel(_ assignment: TechnicalAssignment) -> DocModel {
        AssignmentWords.document(
            title: assignment.title, organization: assignment.organization.fullName, input: assignment.input,
            issued: assignment.assignmentStatus == .issued)
    }

    func document(req: Request) async throws -> Response {
        let assignment = try await AssignmentWrites.assignment(req, .read)
        let path = SiteURL.assignment(try assignment.requireID()).path
        let page = DocumentPage(
            doc: Self.documentModel(assignment),
            crumbs: [Crumb(AssignmentWords.title, SiteURL.assignments.path), Crumb(assignment.title, path)],
            docxURL: path + "/docx")
        return req.render(page.render(await context(req)))
    }

    func docx(req: Request) async throws -> Response {
        let assignment = try await AssignmentWrites.assignment(req, .read)
        return Response.docx(try DOCXWriter.data(Self.documentModel(assignment)), name: "tehnicheskoe-zadanie.docx")
    }
}
