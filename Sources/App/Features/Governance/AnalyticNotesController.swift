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
        let centers = try await Designations.readable(req, year: year) { .analyticNote(center: $0) }
        let notes = try await AnalyticNote.query(on: req.db).filter(\.$center.$id ~~ centers.compactMap(\.id)).all()
        let byCenter = Dictionary(notes.map { ($0.$center.id, $0) }) { first, _ in first }
        let zone = try await RegistrySupport.zone(req)
        let page = AnalyticNoteListPage(
            years: years.map { ($0.id!.uuidString.lowercased(), $0.title) },
            year: year?.id?.uuidString.lowercased() ?? "",
            rows: try centers.map { center in
                let note = byCenter[try center.requireID()]
                return .init(
                    centerID: try center.requireID(), center: center.organization.shortName, noteID: note?.id,
                    updated: note.map { CivilDay($0.updatedAt, timeZone: zone).formatted } ?? "",
                    canCreate: note == nil && req.can(.create, .analyticNote(center: center.organization.ref)))
            })
        return req.render(page.render(await context(req)))
    }

    /// Drafts the note of a designation from the figures counted now; a second click (or a simultaneous twin) lands on
    /// the note already drafted.
    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let center = try await Designations.chosen(req)
        let centerID = try center.requireID()
        try req.authorize(.create, .analyticNote(center: center.organization.ref))
        if let existing = try await AnalyticNote.query(on: req.db).filter(\.$center.$id == centerID).first() {
            return req.redirect(to: SiteURL.analyticNote(try existing.requireID()).path)
        }
        let zone = try await RegistrySupport.zone(req)
        let today = try await PlanBoard.today(req)
        let figures = try await AnalyticFiguresSource.figures(center, today: today, zone: zone, on: req.db)
        let startYear = CivilDay(center.academicYear.startsOn, timeZone: zone).ymd.year
        let draft = AnalyticNoteWords.draft(
            figures, center: center.organization.shortName, startYear: startYear, asOf: today.formatted)
        let user = try req.requireUser().username
        let id = UUID()
        do {
            try await req.application.writeTransaction { db in
                // Made inside the transaction: a PostgreSQL retry creates a fresh one.
                let note = AnalyticNote()
                note.id = id
                note.$municipality.id = municipalityID
                note.$organization.id = center.$organization.id
                note.$center.id = centerID
                note.sections = Report.encode(draft)
                note.figures = AnalyticNote.encode(figures)
                note.countedAt = Date()
                (note.createdBy, note.createdAt, note.updatedBy, note.updatedAt, note.version) =
                    (user, Date(), user, Date(), 1)
                try await note.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "analytic_note", entityID: id,
                    title: AnalyticNoteWords.heading(center.organization.shortName, startYear: startYear),
                    municipalityID: municipalityID, organizationID: center.$organization.id,
                    after: AnalyticNoteWords.audit(draft))
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            let existing = try await AnalyticNote.query(on: req.db).filter(\.$center.$id == centerID).first()
            return req.redirect(to: SiteURL.analyticNote(try existing?.requireID() ?? centerID).path)
        }
        return req.redirect(to: SiteURL.analyticNote(id).path, flash: AnalyticNoteWords.drafted)
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
            countedOn: CivilDay(note.countedAt, timeZone: zone).formatted, canEdit: req.can(.update, note.resource),
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
        var errors = FieldErrors()
        var texts: [String: String] = [:]
        for section in AnalyticNoteSection.allCases {
            texts[section.rawValue] = errors.optional(section.rawValue, form[section.rawValue], max: 20_000) ?? ""
        }
        if texts[AnalyticNoteSection.conclusions.rawValue]?.isEmpty != false {
            errors.add(AnalyticNoteSection.conclusions.rawValue, AnalyticNoteWords.conclusionsRequired)
        }
        guard errors.isEmpty else {
            let page = try await formPage(req, note, values: form, errors: errors, version: expected)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let before = AnalyticNoteWords.audit(note.texts)
        let user = try req.requireUser().username
        let written = texts
        do {
            try await req.application.writeTransaction { db in
                // Set inside the transaction: a PostgreSQL retry writes them again.
                note.sections = Report.encode(written)
                (note.updatedBy, note.updatedAt) = (user, Date())
                guard
                    try await RegistrySupport.claimVersion(
                        table: AnalyticNote.schema, id: note.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(AnalyticNoteWords.changed) }
                note.version = expected + 1
                try await note.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "analytic_note", entityID: note.id,
                    title: AnalyticNoteWords.noun + ": " + note.organization.shortName,
                    municipalityID: note.$municipality.id, organizationID: note.$organization.id, before: before,
                    after: AnalyticNoteWords.audit(written))
            }
        } catch let error as AppError where error.status == .conflict {
            let fresh = try await Self.note(req, .read)
            let page = try await formPage(req, fresh, conflict: AnalyticNoteWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        }
        return req.redirect(to: SiteURL.analyticNote(try note.requireID()).path, flash: AnalyticNoteWords.saved)
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
