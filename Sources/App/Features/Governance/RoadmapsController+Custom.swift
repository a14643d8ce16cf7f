import Domain
import Fluent
import Vapor
import Views

/// The municipality's own plan templates (issue 22, item 1): the administrator writes one as text (sections and
/// measures with the roadmaps' deadlines), every save a new version kept and shown; plans are made from it like from the
/// built-in roadmaps (`Templates`), and a plan once made keeps its items whatever the template becomes.
extension RoadmapsController {
    static func own(_ req: Request, _ action: Domain.Action) async throws -> CustomTemplate {
        guard let template = try await CustomTemplate.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(RoadmapTemplateWords.noun))
        }
        try req.authorize(action, .roadmapTemplate(municipalityID: template.$municipality.id))
        return template
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, .roadmapTemplate(municipalityID: try RegistrySupport.municipality(req)))
        let page = RoadmapFormPage(id: nil, version: 0, values: FormValues())
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    /// The title and text checked; the text's problems named by line.
    static func read(_ form: FormValues) -> (title: String, body: String, errors: FieldErrors) {
        var errors = FieldErrors()
        let title = errors.required("title", form["title"], max: 300)
        let body = errors.required("body", form["body"], max: 200_000)
        if !body.isEmpty, let sections = RoadmapTemplate.sections(body, field: "body", errors: &errors) {
            // Kept as the editor shows it back, so that a version reads the same whatever the spacing typed — and
            // checked as kept, so that a saved text is always saved again.
            let kept = RoadmapTemplate(id: "", title: title, sections: sections).text
            _ = errors.optional("body", kept, max: 200_000)
            return (title, kept, errors)
        }
        return (title, body, errors)
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .roadmapTemplate(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        let (title, body, errors) = Self.read(form)
        guard errors.isEmpty else {
            let page = RoadmapFormPage(id: nil, version: 0, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: .roadmaps)), status: .unprocessableEntity)
        }
        let id = try await OwnTexts.create(
            CustomTemplate.self, title: title, body: body, municipalityID: municipalityID, req: req)
        return req.redirect(to: SiteURL.roadmap(id.uuidString.lowercased()).path, flash: RoadmapTemplateWords.created)
    }

    static func keepVersion(_ template: CustomTemplate, user: String, on db: any Database) async throws {
        let version = CustomTemplateVersion()
        version.$template.id = try template.requireID()
        version.number = template.version
        (version.title, version.body, version.savedBy, version.savedAt) = (template.title, template.body, user, Date())
        try await version.create(on: db)
    }

    static func audit(title: String, body: String) -> [String: String] {
        [RoadmapTemplateWords.Field.title: title, RoadmapTemplateWords.Field.body: body]
    }

    func showOwn(req: Request) async throws -> Response {
        let template = try await Self.own(req, .read)
        let id = try template.requireID()
        let (year, years) = try await Self.year(req)
        let versions = try await CustomTemplateVersion.query(on: req.db).filter(\.$template.$id == id)
            .sort(\.$number, .descending).all()
        var shown = template.template ?? RoadmapTemplate(id: template.key, title: template.title, sections: [])
        var shownNumber: Int?
        if let raw = req.query[String.self, at: "version"], !raw.isEmpty {
            guard let number = Int(raw), let version = versions.first(where: { $0.number == number }) else {
                throw AppError.badParameters(["version": RoadmapTemplateWords.noSuchVersion])
            }
            if number != template.version {
                var errors = FieldErrors()
                shown = RoadmapTemplate(
                    id: template.key, title: version.title,
                    sections: RoadmapTemplate.sections(version.body, field: "body", errors: &errors) ?? [])
                shownNumber = number
            }
        }
        let zone = try await RegistrySupport.zone(req)
        let archived = template.status == RecordStatus.archived.rawValue
        let page = RoadmapPage(
            template: shown, year: year, years: years,
            own: RoadmapOwnPart(
                id: id,
                canEdit: shownNumber == nil && !archived
                    && req.can(.update, .roadmapTemplate(municipalityID: template.$municipality.id)),
                versions: versions.map {
                    (
                        $0.number,
                        RoadmapTemplateWords.version(
                            $0.number, saved: CivilDay($0.savedAt, timeZone: zone).formatted, by: $0.savedBy)
                    )
                }, shown: shownNumber, archived: archived,
                canArchive: req.can(.archive, .roadmapTemplate(municipalityID: template.$municipality.id))))
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    func editForm(req: Request) async throws -> Response {
        let template = try await Self.own(req, .update)
        try OwnTexts.requireActive(template)
        let page = RoadmapFormPage(
            id: try template.requireID(), version: template.version,
            values: FormValues(single: ["title": template.title, "body": template.body]))
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    func save(req: Request) async throws -> Response {
        let template = try await Self.own(req, .update)
        try OwnTexts.requireActive(template)
        let form = RegistrySupport.form(req)
        let expected = form["version"].flatMap(Int.init) ?? -1
        let (title, body, errors) = Self.read(form)
        guard errors.isEmpty else {
            // The version the form was read at stays: a stale form corrected is still refused as stale.
            let page = RoadmapFormPage(id: try template.requireID(), version: expected, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: .roadmaps)), status: .unprocessableEntity)
        }
        do {
            try await OwnTexts.save(
                template, title: title, body: body, expected: expected, changed: RoadmapTemplateWords.changed, req: req)
        } catch let error as AppError where error.status == .conflict {
            let fresh = try await Self.own(req, .read)
            let page = RoadmapFormPage(
                id: try fresh.requireID(), version: fresh.version,
                values: FormValues(single: ["title": fresh.title, "body": fresh.body]),
                conflict: RoadmapTemplateWords.changed)
            return req.render(page.render(await req.pageContext(active: .roadmaps)), status: .conflict)
        }
        return req.redirect(to: SiteURL.roadmap(template.key).path, flash: RoadmapTemplateWords.saved)
    }

    static let archiveWords = OwnTexts.Words(
        question: OwnTextWords.Template.question,
        consequence: OwnTextWords.Template.consequence, archived: OwnTextWords.Template.archived,
        restored: OwnTextWords.Template.restored)

    func archiveConfirm(req: Request) async throws -> Response {
        let template = try await Self.own(req, .archive)
        let page = try OwnTexts.confirm(
            template, path: SiteURL.roadmap(template.key).path,
            crumbs: [Crumb(GovernanceWords.roadmapsTitle, SiteURL.roadmaps.path)], words: Self.archiveWords)
        return req.render(page.render(await req.pageContext(active: .roadmaps)))
    }

    func archive(req: Request) async throws -> Response {
        let template = try await Self.own(req, .archive)
        try await OwnTexts.setStatus(template, to: .archived, municipalityID: template.$municipality.id, req: req)
        return req.redirect(to: SiteURL.roadmap(template.key).path, flash: Self.archiveWords.archived)
    }

    func restore(req: Request) async throws -> Response {
        let template = try await Self.own(req, .archive)
        try await OwnTexts.setStatus(template, to: .active, municipalityID: template.$municipality.id, req: req)
        return req.redirect(to: SiteURL.roadmap(template.key).path, flash: Self.archiveWords.restored)
    }
}
