import Documents
import Domain
import Fluent
import Vapor
import Views

/// Resource centres' activity programmes (issue 22, item 3; `003_256a4293e3c370c5.txt` §3.2, §3.5–3.6, §4.2): the
/// academic year's centres with their programmes, a programme started for a centre, written and submitted by its head,
/// agreed or returned by the department or the КМЦ; printable and DOCX, any version.
struct ActivityProgramsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("activity-programs", use: list)
        routes.post("activity-programs", use: create)
        routes.get("activity-programs", ":id", use: show)
        routes.get("activity-programs", ":id", "edit", use: editForm)
        routes.post("activity-programs", ":id", use: save)
        routes.post("activity-programs", ":id", "decision", use: decide)
        routes.get("activity-programs", ":id", "document", use: document)
        routes.get("activity-programs", ":id", "docx", use: docx)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .activityPrograms) }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let probes = [UUID()] + own
        guard
            probes.contains(where: {
                req.can(.read, .activityProgram(center: OrgRef(id: $0, municipalityID: municipalityID)))
            })
        else { throw AppError.forbidden }
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let year = ResourceCentersSection.selectedYear(req.query["year"], years: years)
        let designations = try await Designations.readable(req, year: year) { .activityProgram(center: $0) }
        let programs = try await ActivityProgram.query(on: req.db)
            .filter(\.$center.$id ~~ designations.compactMap(\.id)).all()
        let versions = try await ActivityProgramVersion.query(on: req.db)
            .filter(\.$program.$id ~~ programs.compactMap(\.id)).all(\.$program.$id)
            .reduce(into: [UUID: Int]()) { $0[$1, default: 0] += 1 }
        let byCenter = Dictionary(programs.map { ($0.$center.id, $0) }) { first, _ in first }
        let centers = designations.filter { Designations.shown($0, hasDocument: byCenter[$0.id ?? UUID()] != nil) }
        let zone = try await RegistrySupport.zone(req)
        let page = ActivityProgramListPage(
            years: years.map { ($0.id!.uuidString.lowercased(), $0.title) },
            year: year?.id?.uuidString.lowercased() ?? "",
            rows: try centers.map { center in
                let program = byCenter[try center.requireID()]
                return .init(
                    centerID: try center.requireID(), center: center.organization.shortName, programID: program?.id,
                    status: program?.programStatus,
                    submitted: program?.submittedAt.map { CivilDay($0, timeZone: zone).formatted } ?? "",
                    versions: program.flatMap { $0.id.flatMap { versions[$0] } } ?? 0,
                    canCreate: program == nil && center.status == RecordStatus.active.rawValue
                        && req.can(.create, .activityProgram(center: center.organization.ref)))
            }, ownOnly: !req.can(.read, .activityProgram(center: OrgRef(id: UUID(), municipalityID: municipalityID))))
        return req.render(page.render(await context(req)))
    }

    /// Starts the programme of a designation: an empty draft, or the one already started (a second click, or two
    /// people at once, land on the same programme).
    func create(req: Request) async throws -> Response {
        let center = try await Designations.chosen(req)
        try req.authorize(.create, .activityProgram(center: center.organization.ref))
        let (id, created) = try await ActivityProgramWrites.start(req, center: center)
        guard created else { return req.redirect(to: SiteURL.activityProgram(id).path) }
        return req.redirect(to: SiteURL.activityProgram(id).path + "/edit", flash: ActivityProgramWords.created)
    }

    func page(
        _ req: Request, _ program: ActivityProgram, values: FormValues = FormValues(),
        errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) async throws -> ActivityProgramPage {
        let id = try program.requireID()
        let zone = try await RegistrySupport.zone(req)
        let versions = try await ActivityProgramVersion.query(on: req.db).filter(\.$program.$id == id)
            .sort(\.$number, .descending).all()
        let mayReadPlan =
            program.$plan.id != nil
            && req.can(.read, .plan(owner: program.owner, municipalityID: program.$municipality.id))
        return ActivityProgramPage(
            id: id, center: program.organization.shortName, startYear: program.startYear,
            status: program.programStatus, returnComment: program.returnComment, content: program.body,
            planID: mayReadPlan ? program.$plan.id : nil,
            versions: versions.map {
                .init(
                    number: $0.number, submitted: CivilDay($0.submittedAt, timeZone: zone).formatted,
                    status: $0.versionStatus, comment: $0.comment)
            }, version: program.version,
            canEdit: program.programStatus.isOpen && req.can(.update, program.resource),
            canDecide: program.programStatus == .submitted && req.can(.approve, program.resource), values: values,
            errors: errors, conflict: conflict, history: try await Audit.history(entityID: id, req: req))
    }

    func show(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .read)
        return req.render(try await page(req, program).render(await context(req)))
    }

    func formPage(
        _ program: ActivityProgram, values: FormValues? = nil, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, submitting: Bool = false, version: Int? = nil
    ) throws -> ActivityProgramFormPage {
        ActivityProgramFormPage(
            id: try program.requireID(), center: program.organization.shortName, startYear: program.startYear,
            version: version ?? program.version, values: values ?? FormValues(single: program.body.fields),
            errors: errors, conflict: conflict, submitting: submitting)
    }

    func editForm(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .update)
        guard program.programStatus.isOpen else { throw AppError.conflict(ActivityProgramWords.locked) }
        return req.render(try formPage(program).render(await context(req)))
    }

    func save(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .update)
        let form = RegistrySupport.form(req)
        let submitting = form["action"] == "submit"
        let expected = form["version"].flatMap(Int.init) ?? -1
        switch try await ActivityProgramWrites.write(
            req, program, fields: { form[$0] }, submitting: submitting, expected: expected)
        {
        case .saved(let status):
            return req.redirect(
                to: SiteURL.activityProgram(try program.requireID()).path,
                flash: status == .submitted ? ActivityProgramWords.submitted : ActivityProgramWords.saved)
        case .invalid(let errors):
            // The version the form was read at stays: a stale form corrected is still refused as stale.
            let page = try formPage(program, values: form, errors: errors, submitting: submitting, version: expected)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        case .stale:
            let fresh = try await ActivityProgramWrites.program(req, .read)
            let page = try formPage(fresh, conflict: ActivityProgramWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        case .locked: throw AppError.conflict(ActivityProgramWords.locked)
        }
    }

    func decide(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .approve)
        let form = RegistrySupport.form(req)
        let agree = form["decision"] == "agree"
        switch try await ActivityProgramWrites.decide(
            req, program, agree: agree, comment: form["comment"], expected: form["version"].flatMap(Int.init) ?? -1)
        {
        case .saved:
            return req.redirect(
                to: SiteURL.activityProgram(try program.requireID()).path,
                flash: agree ? ActivityProgramWords.agreed : ActivityProgramWords.returned)
        case .invalid(let errors):
            let page = try await page(req, program, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        case .stale:
            let fresh = try await ActivityProgramWrites.program(req, .read)
            let page = try await page(req, fresh, conflict: ActivityProgramWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        case .locked: throw AppError.conflict(ActivityProgramWords.notSubmittedYet)
        }
    }

    /// The programme as a document: now, or a version submitted (`?version=N`).
    static func documentModel(_ req: Request, _ program: ActivityProgram) async throws -> (DocModel, String) {
        let zone = try await RegistrySupport.zone(req)
        var content = program.body
        var number: Int?
        if let raw = req.query[String.self, at: "version"] {
            guard let wanted = Int(raw),
                let version = try await ActivityProgramVersion.query(on: req.db)
                    .filter(\.$program.$id == program.requireID()).filter(\.$number == wanted).first()
            else { throw AppError.notFound(RegistryWords.notFound(ActivityProgramWords.version(Int(raw) ?? 0))) }
            content = version.body
            number = wanted
        }
        let agreed = program.programStatus == .agreed && number == nil
        let doc = ActivityProgramWords.document(
            center: program.organization.fullName, headName: program.organization.headName,
            startYear: program.startYear, content: content, version: number,
            agreed: agreed
                ? program.decidedAt.map {
                    ActivityProgramWords.agreedLine(CivilDay($0, timeZone: zone).formatted, by: program.decidedBy ?? "")
                } : nil)
        return (doc, number.map { "?version=\($0)" } ?? "")
    }

    func document(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .read)
        let (doc, query) = try await Self.documentModel(req, program)
        let path = SiteURL.activityProgram(try program.requireID()).path
        let page = DocumentPage(
            doc: doc,
            crumbs: [
                Crumb(ActivityProgramWords.title, SiteURL.activityPrograms.path),
                Crumb(program.organization.shortName, path),
            ], docxURL: path + "/docx" + query)
        return req.render(page.render(await context(req)))
    }

    func docx(req: Request) async throws -> Response {
        let program = try await ActivityProgramWrites.program(req, .read)
        let (doc, query) = try await Self.documentModel(req, program)
        let suffix = query.isEmpty ? "" : "-v" + query.dropFirst("?version=".count)
        return Response.docx(try DOCXWriter.data(doc), name: "programma-rc-\(program.startYear)\(suffix).docx")
    }
}
