import Documents
import Domain
import Fluent
import Vapor
import Views

/// Analytic notes (issue 22, item 7; `000_5375b2a087477e6d.txt` §3.3; `003_256a4293e3c370c5.txt` §3.10 «анализ
/// деятельности РЦ»): the year's centres with their notes; a note drafted for a centre from Setka's figures, edited by
/// its author under its version, printable and DOCX.
struct AnalyticNotesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("analytic-notes", use: list)
        routes.post("analytic-notes", use: create)
        routes.get("analytic-notes", ":id", use: show)
        routes.get("analytic-notes", ":id", "edit", use: editForm)
        routes.post("analytic-notes", ":id", use: save)
        routes.post("analytic-notes", ":id", "recount", use: recount)
        routes.get("analytic-notes", ":id", "document", use: document)
        routes.get("analytic-notes", ":id", "docx", use: docx)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .analyticNotes) }

    static func note(_ req: Request, _ action: Domain.Action) async throws -> AnalyticNote {
        guard
            let note = try await AnalyticNote.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$organization).with(\.$center) { $0.with(\.$academicYear) }.first()
        else { throw AppError.notFound(RegistryWords.notFound(AnalyticNoteWords.noun)) }
        try req.authorize(action, note.resource)
        return note
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        guard
            ([UUID()] + own).contains(where: {
                req.can(.read, .analyticNote(center: OrgRef(id: $0, municipalityID: municipalityID)))
            })
        else { throw AppError.forbidden }
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let year = ResourceCentersSection.selectedYear(req.query["year"], years: years)
        let designations = try await Designations.readable(req, year: year) { .analyticNote(center: $0) }
        let notes = try await AnalyticNote.query(on: req.db).filter(\.$center.$id ~~ designations.compactMap(\.id))
            .all()
        let byCenter = Dictionary(notes.map { ($0.$center.id, $0) }) { first, _ in first }
        let centers = designations.filter { Designations.shown($0, hasDocument: byCenter[$0.id ?? UUID()] != nil) }
        let zone = try await RegistrySupport.zone(req)
        let page = AnalyticNoteListPage(
            years: years.map { ($0.id!.uuidString.lowercased(), $0.title) },
            year: year?.id?.uuidString.lowercased() ?? "",
            rows: try centers.map { center in
                let note = byCenter[try center.requireID()]
                return .init(
                    centerID: try center.requireID(), center: center.organization.shortName, noteID: note?.id,
                    updated: note.map { CivilDay($0.updatedAt, timeZone: zone).formatted } ?? "",
                    canCreate: note == nil && center.status == RecordStatus.active.rawValue
                        && req.can(.create, .analyticNote(center: center.organization.ref)))
            })
        return req.render(page.render(await context(req)))
    }

    /// Drafts the note of a designation from the figures counted now; a second click (or a simultaneous twin) lands on
    /// the note already drafted.
    func create(req: Request) async throws -> Response {
        let center = try await Designations.chosen(req)
        try req.authorize(.create, .analyticNote(center: center.organization.ref))
        let (id, created) = try await AnalyticNoteWrites.draft(req, center: center)
        return created
            ? req.redirect(to: SiteURL.analyticNote(id).path, flash: AnalyticNoteWords.drafted)
            : req.redirect(to: SiteURL.analyticNote(id).path)
    }

    static func startYear(_ note: AnalyticNote, zone: TimeZone) -> Int {
        CivilDay(note.center.academicYear.startsOn, timeZone: zone).ymd.year
    }

    func show(req: Request) async throws -> Response {
        let note = try await Self.note(req, .read)
        let id = try note.requireID()
        let zone = try await RegistrySupport.zone(req)
        let page = AnalyticNotePage(
            id: id, center: note.organization.shortName, startYear: Self.startYear(note, zone: zone),
            texts: note.texts, figures: note.counted,
            countedOn: CivilDay(note.countedAt, timeZone: zone).formatted, version: note.version,
            canEdit: req.can(.update, note.resource),
            history: try await Audit.history(entityID: id, req: req))
        return req.render(page.render(await context(req)))
    }

    func formPage(
        _ req: Request, _ note: AnalyticNote, values: FormValues? = nil, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, version: Int? = nil
    ) async throws -> AnalyticNoteFormPage {
        AnalyticNoteFormPage(
            id: try note.requireID(), center: note.organization.shortName,
            startYear: Self.startYear(note, zone: try await RegistrySupport.zone(req)),
            version: version ?? note.version,
            values: values ?? FormValues(single: note.texts), errors: errors, conflict: conflict)
    }

    func editForm(req: Request) async throws -> Response {
        let note = try await Self.note(req, .update)
        return req.render(try await formPage(req, note).render(await context(req)))
    }

    func save(req: Request) async throws -> Response {
        let note = try await Self.note(req, .update)
        let form = RegistrySupport.form(req)
        let expected = form["version"].flatMap(Int.init) ?? -1
        switch try await AnalyticNoteWrites.save(req, note, sent: { form[$0] ?? "" }, expected: expected) {
        case .saved:
            return req.redirect(to: SiteURL.analyticNote(try note.requireID()).path, flash: AnalyticNoteWords.saved)
        case .invalid(let errors):
            let page = try await formPage(req, note, values: form, errors: errors, version: expected)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        case .stale:
            let fresh = try await Self.note(req, .read)
            let page = try await formPage(req, fresh, conflict: AnalyticNoteWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        }
    }

    /// The figures counted again; a stale page is told the note changed.
    func recount(req: Request) async throws -> Response {
        let note = try await Self.note(req, .update)
        let expected = RegistrySupport.form(req)["version"].flatMap(Int.init) ?? -1
        switch try await AnalyticNoteWrites.recount(req, note, expected: expected) {
        case .saved:
            return req.redirect(to: SiteURL.analyticNote(try note.requireID()).path, flash: AnalyticNoteWords.recounted)
        case .invalid, .stale: throw AppError.conflict(AnalyticNoteWords.changed)
        }
    }

    static func documentModel(_ req: Request, _ note: AnalyticNote) async throws -> DocModel {
        let zone = try await RegistrySupport.zone(req)
        return AnalyticNoteWords.document(
            center: note.organization.fullName, headName: note.organization.headName,
            startYear: startYear(note, zone: zone), texts: note.texts, figures: note.counted,
            countedOn: CivilDay(note.countedAt, timeZone: zone).formatted)
    }

    func document(req: Request) async throws -> Response {
        let note = try await Self.note(req, .read)
        let path = SiteURL.analyticNote(try note.requireID()).path
        let page = DocumentPage(
            doc: try await Self.documentModel(req, note),
            crumbs: [
                Crumb(AnalyticNoteWords.title, SiteURL.analyticNotes.path), Crumb(note.organization.shortName, path),
            ], docxURL: path + "/docx")
        return req.render(page.render(await context(req)))
    }

    func docx(req: Request) async throws -> Response {
        let note = try await Self.note(req, .read)
        let doc = try await Self.documentModel(req, note)
        return Response.docx(try DOCXWriter.data(doc), name: "analiticheskaya-spravka.docx")
    }
}
