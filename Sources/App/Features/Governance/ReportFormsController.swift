import Domain
import Fluent
import Vapor
import Views

/// Report forms (issue 22, item 5: «The administrator defines a report form (indicators typed as number, share, text,
/// date, table, with validation and units)»): the built-in quarterly report and the municipality's own, written by the
/// administrator as text (`ReportForm.indicators`), every save a kept version. A campaign keeps the text it was announced
/// with (`ReportCampaign.formText`), so a form changed later changes no report already asked for.
struct ReportFormsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("report-forms", use: list)
        routes.get("report-forms", "new", use: newForm)
        routes.post("report-forms", use: create)
        routes.get("report-forms", ":id", use: showOwn)
        routes.get("report-forms", ":id", "edit", use: editForm)
        routes.post("report-forms", ":id", use: save)
        routes.get("report-forms", ":id", "archive", use: archiveConfirm)
        routes.post("report-forms", ":id", "archive", use: archive)
        routes.post("report-forms", ":id", "restore", use: restore)
        // The built-in forms are the same in every municipality: fixed addresses, no record's id in the path.
        for form in ReportForm.builtIn {
            routes.get("report-forms", PathComponent(stringLiteral: form.id)) { req in try await one(req, form) }
        }
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .reports) }

    /// The own form of the path's id, authorised for `action`.
    static func own(_ req: Request, _ action: Domain.Action) async throws -> CustomReportForm {
        guard let form = try await CustomReportForm.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(ReportFormWords.noun))
        }
        try req.authorize(action, .reportForm(municipalityID: form.$municipality.id))
        return form
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reportForm(municipalityID: municipalityID))
        let own = try await ReportForms.kept(municipalityID, on: req.db)
        let page = ReportFormListPage(
            rows: ReportForm.builtIn.map {
                .init(key: $0.id, title: $0.title, indicators: $0.indicators.count, builtIn: true)
            }
                + own.map {
                    .init(
                        key: $0.key, title: $0.title, indicators: $0.form?.indicators.count ?? 0, builtIn: false,
                        archived: $0.status == RecordStatus.archived.rawValue)
                },
            canCreate: req.can(.create, .reportForm(municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    func one(_ req: Request, _ form: ReportForm) async throws -> Response {
        try req.authorize(.read, .reportForm(municipalityID: try RegistrySupport.municipality(req)))
        let page = ReportFormPage(key: form.id, form: form, builtIn: true, canEdit: false, versions: [], shown: nil)
        return req.render(page.render(await context(req)))
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, .reportForm(municipalityID: try RegistrySupport.municipality(req)))
        let page = ReportFormEditPage(key: nil, version: 0, values: FormValues())
        return req.render(page.render(await context(req)))
    }

    /// The title and text checked; the text's problems named by line; the text kept as the editor shows it back.
    static func read(_ form: FormValues) -> (title: String, body: String, errors: FieldErrors) {
        var errors = FieldErrors()
        let title = errors.required("title", form["title"], max: 300)
        let body = errors.required("body", form["body"], max: 100_000)
        if !body.isEmpty, let indicators = ReportForm.indicators(body, field: "body", errors: &errors) {
            let kept = ReportForm.text(indicators)
            _ = errors.optional("body", kept, max: 100_000)
            return (title, kept, errors)
        }
        return (title, body, errors)
    }

    /// Whether another form of the municipality (or a built-in one) has the title: the campaign's choice and titles
    /// would not tell them apart.
    static func titleTaken(_ title: String, municipalityID: UUID, except: UUID?, on db: any Database) async throws
        -> Bool
    {
        let lowered = title.lowercased()
        if ReportForm.builtIn.contains(where: { $0.title.lowercased() == lowered }) { return true }
        return try await ReportForms.own(municipalityID, on: db)
            .contains { $0.id != except && $0.title.lowercased() == lowered }
    }

    static func audit(title: String, body: String) -> [String: String] {
        [ReportFormWords.Field.title: title, ReportFormWords.Field.body: body]
    }

    static func keepVersion(_ form: CustomReportForm, user: String, on db: any Database) async throws {
        let version = CustomReportFormVersion()
        version.$form.id = try form.requireID()
        version.number = form.version
        (version.title, version.body, version.savedBy, version.savedAt) = (form.title, form.body, user, Date())
        try await version.create(on: db)
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .reportForm(municipalityID: municipalityID))
        let values = RegistrySupport.form(req)
        let (title, body, checked) = Self.read(values)
        var errors = checked
        if !title.isEmpty, try await Self.titleTaken(title, municipalityID: municipalityID, except: nil, on: req.db) {
            errors.add("title", ReportFormWords.titleTaken)
        }
        guard errors.isEmpty else {
            let page = ReportFormEditPage(key: nil, version: 0, values: values, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let id = try await OwnTexts.create(
            CustomReportForm.self, title: title, body: body, municipalityID: municipalityID, req: req)
        return req.redirect(to: SiteURL.reportForm(id.uuidString.lowercased()).path, flash: ReportFormWords.created)
    }

    func showOwn(req: Request) async throws -> Response {
        let own = try await Self.own(req, .read)
        let id = try own.requireID()
        let versions = try await CustomReportFormVersion.query(on: req.db).filter(\.$form.$id == id)
            .field(\.$id).field(\.$form.$id).field(\.$number).field(\.$savedBy).field(\.$savedAt)
            .sort(\.$number, .descending).all()
        var shown = own.form ?? ReportForm(id: own.key, title: own.title, indicators: [])
        var shownNumber: Int?
        if let raw = req.query[String.self, at: "version"], !raw.isEmpty {
            guard let number = Int(raw), versions.contains(where: { $0.number == number }) else {
                throw AppError.badParameters(["version": ReportFormWords.noSuchVersion])
            }
            if number != own.version,
                let version = try await CustomReportFormVersion.query(on: req.db).filter(\.$form.$id == id)
                    .filter(\.$number == number).first()
            {
                shown =
                    ReportForms.form(key: own.key, title: version.title, body: version.body)
                    ?? ReportForm(id: own.key, title: version.title, indicators: [])
                shownNumber = number
            }
        }
        let zone = try await RegistrySupport.zone(req)
        let archived = own.status == RecordStatus.archived.rawValue
        let page = ReportFormPage(
            key: own.key, form: shown, builtIn: false,
            canEdit: shownNumber == nil && !archived
                && req.can(.update, .reportForm(municipalityID: own.$municipality.id)),
            versions: versions.map {
                (
                    $0.number,
                    ReportFormWords.version(
                        $0.number, saved: CivilDay($0.savedAt, timeZone: zone).formatted, by: $0.savedBy)
                )
            }, shown: shownNumber, archived: archived,
            canArchive: req.can(.archive, .reportForm(municipalityID: own.$municipality.id)))
        return req.render(page.render(await context(req)))
    }

    func editForm(req: Request) async throws -> Response {
        let own = try await Self.own(req, .update)
        try OwnTexts.requireActive(own)
        let page = ReportFormEditPage(
            key: own.key, version: own.version, values: FormValues(single: ["title": own.title, "body": own.body]))
        return req.render(page.render(await context(req)))
    }

    func save(req: Request) async throws -> Response {
        let own = try await Self.own(req, .update)
        try OwnTexts.requireActive(own)
        let values = RegistrySupport.form(req)
        let expected = values["version"].flatMap(Int.init) ?? -1
        let (title, body, checked) = Self.read(values)
        var errors = checked
        if !title.isEmpty,
            try await Self.titleTaken(title, municipalityID: own.$municipality.id, except: own.id, on: req.db)
        {
            errors.add("title", ReportFormWords.titleTaken)
        }
        guard errors.isEmpty else {
            // The version the form was read at stays: a stale form corrected is still refused as stale.
            let page = ReportFormEditPage(key: own.key, version: expected, values: values, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        do {
            try await OwnTexts.save(
                own, title: title, body: body, expected: expected, changed: ReportFormWords.changed, req: req)
        } catch let error as AppError where error.status == .conflict {
            // The current text to edit, and the refused one beside it so that nothing typed is lost.
            let fresh = try await Self.own(req, .read)
            let page = ReportFormEditPage(
                key: fresh.key, version: fresh.version,
                values: FormValues(single: ["title": fresh.title, "body": fresh.body]),
                conflict: ReportFormWords.changed, refused: body)
            return req.render(page.render(await context(req)), status: .conflict)
        }
        return req.redirect(to: SiteURL.reportForm(own.key).path, flash: ReportFormWords.saved)
    }

    static let archiveWords = OwnTexts.Words(
        question: OwnTextWords.Form.question, consequence: OwnTextWords.Form.consequence,
        archived: OwnTextWords.Form.archived, restored: OwnTextWords.Form.restored)

    func archiveConfirm(req: Request) async throws -> Response {
        let own = try await Self.own(req, .archive)
        let page = try OwnTexts.confirm(
            own, path: SiteURL.reportForm(own.key).path,
            crumbs: [
                Crumb(ReportWords.title, SiteURL.reportCampaigns.path),
                Crumb(ReportFormWords.title, SiteURL.reportForms.path),
            ], words: Self.archiveWords)
        return req.render(page.render(await context(req)))
    }

    func archive(req: Request) async throws -> Response {
        let own = try await Self.own(req, .archive)
        try await OwnTexts.setStatus(own, to: .archived, municipalityID: own.$municipality.id, req: req)
        return req.redirect(to: SiteURL.reportForm(own.key).path, flash: Self.archiveWords.archived)
    }

    /// Back among the active forms — unless an active one has taken its title meanwhile.
    func restore(req: Request) async throws -> Response {
        let own = try await Self.own(req, .archive)
        if try await Self.titleTaken(own.title, municipalityID: own.$municipality.id, except: own.id, on: req.db) {
            throw AppError.conflict(OwnTextWords.restoreTaken)
        }
        try await OwnTexts.setStatus(own, to: .active, municipalityID: own.$municipality.id, req: req)
        return req.redirect(to: SiteURL.reportForm(own.key).path, flash: Self.archiveWords.restored)
    }
}
