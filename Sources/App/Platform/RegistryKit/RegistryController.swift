import Domain
import Fluent
import Vapor
import Views

struct RegistryController<S: RegistrySection>: RouteCollection {
    let section: S

    func boot(routes: any RoutesBuilder) throws {
        let sectionRoutes = routes.grouped(PathComponent(stringLiteral: section.area.rawValue))
        sectionRoutes.get(use: index)
        sectionRoutes.get("new", use: newForm)
        sectionRoutes.post("new", use: create)
        sectionRoutes.get(":id", use: show)
        sectionRoutes.get(":id", "edit", use: editForm)
        sectionRoutes.post(":id", "edit", use: update)
        sectionRoutes.get(":id", "archive", use: archiveConfirm)
        sectionRoutes.post(":id", "archive", use: archive)
        sectionRoutes.post(":id", "restore", use: restore)
    }

    var active: MenuArea { .registry(section.menuArea) }

    /// The section's fields plus the record's state, as the audit log compares them.
    func fullAudit(_ record: S.Record, on db: any Database) async throws -> [String: String] {
        var fields = try await section.auditFields(record, on: db)
        fields[RegistryWords.stateField] = (RecordStatus(rawValue: record.status) ?? .active).title
        return fields
    }

    func index(req: Request) async throws -> Response {
        let page = try await section.list(req)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func find(_ req: Request, _ action: Domain.Action) async throws -> S.Record {
        guard let record = try await S.Record.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(section.noun))
        }
        try req.authorize(action, try await section.resource(record, on: req.db))
        return record
    }

    func show(req: Request) async throws -> Response {
        let record = try await find(req, .read)
        let resource = try await section.resource(record, on: req.db)
        let (facts, sections, warnings) = try await section.card(record, req: req)
        let status = RecordStatus(rawValue: record.status) ?? .active
        let card = RegistryCard(
            title: section.title(record), area: section.area, status: section.showsStatus ? status : nil, facts: facts,
            actions: RegistrySupport.cardActions(
                section.area, id: try record.requireID(), status: status,
                canEdit: req.can(.update, resource) && section.isEditable(record),
                canArchive: req.can(.archive, resource)) + (try await section.extraActions(record, req: req)),
            warnings: warnings, sections: sections,
            history: try await Audit.history(
                entityID: try record.requireID(), more: try await section.extraHistory(record, req: req), req: req))
        return req.render(card.render(await req.pageContext(active: active)))
    }

    func formPage(
        _ req: Request, record: S.Record?, values: FormValues, errors: FieldErrors = FieldErrors(),
        version: Int?, conflict: String? = nil
    ) async throws -> RegistryForm {
        let id = try record?.requireID()
        return RegistryForm(
            title: id == nil ? section.newTitle : RegistryWords.editTitle(record.map(section.title) ?? ""),
            crumbs: [Crumb(MenuArea.registry(section.area).title, SiteURL.list(section.area).path)],
            action: id.map { SiteURL.edit(section.area, $0).path } ?? SiteURL.new(section.area).path,
            cancelURL: id.map { SiteURL.record(section.area, $0).path } ?? SiteURL.list(section.area).path,
            fields: try await section.fields(req, record: record), values: values, errors: errors, version: version,
            conflict: conflict)
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, try section.newResource(req))
        let page = try await formPage(req, record: nil, values: try await section.newValues(req), version: nil)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func create(req: Request) async throws -> Response {
        let form = RegistrySupport.form(req)
        let (record, errors) = try await insert(form, req: req)
        guard let record else {
            let page = try await formPage(req, record: nil, values: form, errors: errors, version: nil)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.record(section.area, try record.requireID()).path,
            flash: RegistryWords.added(section.title(record)))
    }

    /// Checks a new record's form and creates it with its audit entry — the page's «new» form and an API's `POST`
    /// alike; nil with the errors of the fields when a check fails (nothing written).
    func insert(_ form: FormValues, req: Request) async throws -> (S.Record?, FieldErrors) {
        try req.authorize(.create, try section.newResource(req))
        let record = S.Record()
        record.status = RecordStatus.active.rawValue
        record.version = 1
        var errors = FieldErrors()
        let after = try await section.apply(form, to: record, isNew: true, req: req, errors: &errors)
        guard errors.isEmpty, let after else { return (nil, errors) }
        // The record is checked against the policy as it will be (its organisation may come from the form).
        try req.authorize(.create, try await section.resource(record, on: req.db))
        let section = self.section
        do {
            try await req.db.transaction { db in
                try await record.create(on: db)
                try await after(db)
                let scope = section.scope(record)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: section.entityType, entityID: record.id,
                    title: section.title(record), municipalityID: scope.municipalityID,
                    organizationID: scope.organizationID,
                    before: nil, after: try await self.fullAudit(record, on: db))
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            errors.add(section.duplicate.field, section.duplicate.message)
            return (nil, errors)
        }
        return (record, errors)
    }

    func editForm(req: Request) async throws -> Response {
        let record = try await find(req, .update)
        guard section.isEditable(record) else { throw AppError.conflict(RegistryWords.notEditable) }
        let page = try await formPage(
            req, record: record, values: try await section.values(record, req: req), version: record.version)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let record = try await find(req, .update)
        let form = RegistrySupport.form(req)
        let expected = Int(form["version"] ?? "") ?? -1
        let before = try await fullAudit(record, on: req.db)
        var errors = FieldErrors()
        let after = try await section.apply(form, to: record, isNew: false, req: req, errors: &errors)
        guard errors.isEmpty, let after else {
            let page = try await formPage(req, record: record, values: form, errors: errors, version: expected)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        // Moving a record to another organisation must be allowed there too.
        try req.authorize(.update, try await section.resource(record, on: req.db))
        let section = self.section
        let saved: Bool
        do {
            saved = try await req.db.transaction { db -> Bool in
                guard
                    try await RegistrySupport.claimVersion(
                        table: S.Record.schema, id: try record.requireID(), expected: expected, on: db)
                else {
                    return false
                }
                record.version = expected + 1
                try await record.save(on: db)
                try await after(db)
                let scope = section.scope(record)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: section.entityType, entityID: record.id,
                    title: section.title(record), municipalityID: scope.municipalityID,
                    organizationID: scope.organizationID,
                    before: before, after: try await self.fullAudit(record, on: db))
                return true
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            // Another user saved the same record a moment after this form was checked.
            errors.add(section.duplicate.field, section.duplicate.message)
            let page = try await formPage(req, record: record, values: form, errors: errors, version: expected)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        guard saved else {
            guard let current = try await S.Record.find(try record.requireID(), on: req.db) else {
                throw AppError.notFound()
            }
            let page = try await formPage(
                req, record: current, values: try await section.values(current, req: req),
                version: current.version, conflict: RegistrySupport.conflictMessage)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(section.area, try record.requireID()).path, flash: RegistryWords.saved)
    }

    func archiveConfirm(req: Request) async throws -> Response {
        let record = try await find(req, .archive)
        return await RegistrySupport.archiveConfirm(
            section.area, id: try record.requireID(), title: section.title(record),
            consequence: section.archiveConsequence, req: req)
    }

    func archive(req: Request) async throws -> Response {
        try await setStatus(req, .archived)
        return req.redirect(
            to: SiteURL.record(section.area, try req.idParameter()).path, flash: RegistryWords.archived)
    }

    func restore(req: Request) async throws -> Response {
        try await setStatus(req, .active)
        return req.redirect(
            to: SiteURL.record(section.area, try req.idParameter()).path, flash: RegistryWords.restored)
    }

    func setStatus(_ req: Request, _ status: RecordStatus) async throws {
        let record = try await find(req, .archive)
        guard record.status != status.rawValue else { return }
        let before = try await fullAudit(record, on: req.db)
        let section = self.section
        try await req.db.transaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: S.Record.schema, id: try record.requireID(), expected: record.version, on: db)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            record.version += 1
            record.status = status.rawValue
            try await record.save(on: db)
            let scope = section.scope(record)
            try await Audit.record(
                on: db, req: req, action: status == .archived ? .archive : .restore, entityType: section.entityType,
                entityID: record.id, title: section.title(record), municipalityID: scope.municipalityID,
                organizationID: scope.organizationID, before: before, after: try await self.fullAudit(record, on: db))
        }
    }
}
