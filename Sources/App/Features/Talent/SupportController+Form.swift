import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A measure's form (new from the candidates or a search; a proposed one changed), its deletion after a confirmation
/// page, and the draft order of the year's proposed measures — each write audited, a change claimed by version.
extension SupportController {
    /// The student a measure would be for: one of the municipality's active students whose measures the user keeps.
    static func student(_ req: Request, _ raw: String?) async throws -> Student? {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first(),
            student.status == RecordStatus.active.rawValue
        else { return nil }
        let resource = Resource.supportMeasure(
            school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id), shared: student.hasConsent
        )
        return req.can(.create, resource) ? student : nil
    }

    /// The audit's fields of a measure (student, school and year loaded).
    static func audit(_ measure: SupportMeasure) -> [String: String] {
        let line = SupportBoard.line(measure)
        return SupportWords.audit(
            student: line.student, kind: line.kind,
            sum: line.details.isEmpty ? line.sum : "\(line.sum); \(line.details)", basis: line.basis,
            decree: line.decree, status: line.status)
    }

    func formPage(
        _ req: Request, student: Student?, q: String = "", found: [(id: UUID, title: String)] = [], values: FormValues,
        errors: FieldErrors = FieldErrors(), editing: SupportMeasure? = nil, conflict: String? = nil
    ) async throws -> SupportFormPage {
        let municipalityID = try RegistrySupport.municipality(req)
        var chosen: (id: UUID, title: String, points: String)?
        if let student, let id = student.id {
            let year = try await SupportBoard.year(values["year"], municipalityID: municipalityID, on: req.db)
            let points = try await SupportBoard.points(of: id, year: year, municipalityID: municipalityID, on: req.db)
            chosen = (
                id, GiftedController.title(student),
                RussianPlural.count(points, "балл", "балла", "баллов")
                    + (year.map { " за достижения к \($0.title)" } ?? "")
            )
        }
        return SupportFormPage(
            q: q, found: found, student: chosen, years: try await Self.yearOptions(municipalityID, on: req.db),
            values: values, errors: errors, editing: try editing.map { (try $0.requireID(), $0.version) },
            conflict: conflict)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, Self.probe(municipalityID))
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        var found: [(id: UUID, title: String)] = []
        let needle = TextKey.needle(q)
        if needle.count >= 3 {
            found = try await Student.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue).filter(\.$consentOn != nil)
                .filter(\.$consentWithdrawnAt == nil).filter(\.$searchKey ~~ needle).sort(\.$sortKey).limit(20)
                .with(\.$school).all().map { ($0.id!, GiftedController.title($0)) }
        }
        let student = try await Self.student(req, try? req.query.get(String.self, at: "student"))
        let year = try await SupportBoard.year(
            try? req.query.get(String.self, at: "year"), municipalityID: municipalityID, on: req.db)
        let page = try await formPage(
            req, student: student, q: q, found: found,
            values: FormValues(single: ["year": year?.id?.uuidString.lowercased() ?? ""]))
        return req.render(page.render(await context(req)))
    }

    /// The checked fields and the year, or the form again with the errors under each field.
    func read(_ req: Request, _ form: FormValues, municipalityID: UUID) async throws -> (
        SupportInput?, AcademicYear?, FieldErrors
    ) {
        var errors = FieldErrors()
        let year = try await form["year"].flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await AcademicYear.query(on: req.db).filter(\.$id == $0).filter(\.$municipality.$id == municipalityID)
                .first()
        }
        if year == nil { errors.add("year", SupportWords.chooseYear) }
        let input = SupportInput.parse({ form[$0] }, errors: &errors)
        return (errors.isEmpty ? input : nil, year, errors)
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, Self.probe(municipalityID))
        let form = RegistrySupport.form(req)
        guard let student = try await Self.student(req, form["student"]), let studentID = student.id else {
            throw AppError.badRequest(SupportWords.chooseStudent)
        }
        let (input, year, errors) = try await read(req, form, municipalityID: municipalityID)
        guard let input, let year else {
            let page = try await formPage(req, student: student, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let username = try req.requireUser().username
        let measure = SupportMeasure()
        measure.$municipality.id = student.$municipality.id
        measure.$academicYear.id = try year.requireID()
        measure.$academicYear.value = year
        measure.$school.id = student.$school.id
        measure.$student.id = studentID
        measure.$student.value = student
        measure.apply(input)
        measure.points = try await SupportBoard.points(
            of: studentID, year: year, municipalityID: municipalityID, on: req.db)
        measure.createdBy = username
        measure.createdAt = Date()
        measure.updatedBy = username
        measure.updatedAt = measure.createdAt
        measure.version = 1
        try await req.application.writeTransaction { db in
            try await measure.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "support_measure", entityID: measure.id,
                title: student.fullName, municipalityID: municipalityID, organizationID: student.$school.id,
                before: nil, after: Self.audit(measure))
        }
        return req.redirect(to: SiteURL.record(.support, try measure.requireID()).path, flash: SupportWords.created)
    }

    static func values(_ measure: SupportMeasure) -> FormValues {
        let input = measure.input
        return FormValues(single: [
            "year": measure.$academicYear.id.uuidString.lowercased(), "kind": measure.kind,
            "amount": String(measure.amount), "startsOn": input.startsOn?.formatted ?? "",
            "endsOn": input.endsOn?.formatted ?? "", "destination": measure.destination ?? "",
            "event": measure.event ?? "", "budgetLine": measure.budgetLine ?? "", "basis": measure.basis,
            "decreeNumber": measure.decreeNumber ?? "", "decreeDay": input.decreeDay?.formatted ?? "",
        ])
    }

    func editForm(req: Request) async throws -> Response {
        let measure = try await Self.find(req, .update)
        let page = try await formPage(
            req, student: measure.student, values: Self.values(measure), editing: measure)
        return req.render(page.render(await context(req)))
    }

    func update(req: Request) async throws -> Response {
        let measure = try await Self.find(req, .update)
        let form = RegistrySupport.form(req)
        let (input, year, errors) = try await read(req, form, municipalityID: measure.$municipality.id)
        guard let input, let year else {
            let page = try await formPage(
                req, student: measure.student, values: form, errors: errors, editing: measure)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let before = Self.audit(measure)
        let expected = form["version"].flatMap(Int.init) ?? -1
        measure.$academicYear.id = try year.requireID()
        measure.$academicYear.value = year
        measure.apply(input)
        measure.updatedBy = try req.requireUser().username
        measure.updatedAt = Date()
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: SupportMeasure.schema, id: measure.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(SupportWords.changed) }
                measure.version = expected + 1
                try await measure.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "support_measure", entityID: measure.id,
                    title: measure.student.fullName, municipalityID: measure.$municipality.id,
                    organizationID: measure.$school.id, before: before, after: Self.audit(measure))
            }
        } catch let error as AppError where error.status == .conflict {
            let fresh = try await Self.find(req, .read)
            let page = try await formPage(
                req, student: fresh.student, values: form, editing: fresh, conflict: SupportWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(.support, try measure.requireID()).path, flash: SupportWords.updated)
    }

    func deleteConfirm(req: Request) async throws -> Response {
        let measure = try await Self.find(req, .archive)
        let line = SupportBoard.line(measure)
        let page = ConfirmPage(
            title: SupportWords.deleteTitle,
            question: SupportWords.deleteQuestion("\(line.kind.title) — \(line.student), \(line.sum)"),
            consequence: SupportWords.deleteConsequence, action: SupportPaths.delete(line.id),
            button: SupportWords.deleteButton,
            cancelURL: SiteURL.record(.support, line.id).path,
            crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path)])
        return req.render(page.render(await context(req)))
    }

    func delete(req: Request) async throws -> Response {
        let measure = try await Self.find(req, .archive)
        let before = Self.audit(measure)
        try await req.application.writeTransaction { db in
            // As confirmed: still proposed, in no order, unchanged (a draft order takes a measure by bumping its version).
            let rows = try await db.sql().delete(from: SupportMeasure.schema).where("id", .equal, measure.requireID())
                .where("status", .equal, SupportStatus.proposed.rawValue)
                .where(SQLIdentifier("order_id"), .is, SQLLiteral.null).where("version", .equal, measure.version)
                .returning("id").all()
            guard !rows.isEmpty else { throw AppError.conflict(SupportWords.changed) }
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "support_measure", entityID: measure.id,
                title: measure.student.fullName, municipalityID: measure.$municipality.id,
                organizationID: measure.$school.id, before: before, after: nil)
        }
        return req.redirect(to: SiteURL.list(.support).path, flash: SupportWords.deleted)
    }

    /// The years with proposed measures in no order, and how many each has.
    func unordered(_ municipalityID: UUID, on db: any Database) async throws -> [(year: AcademicYear, count: Int)] {
        let years = try await ResourceCentersSection.years(municipalityID, on: db)
        let ids = try await SupportMeasure.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == SupportStatus.proposed.rawValue).filter(\.$order.$id == nil)
            .join(Student.self, on: \SupportMeasure.$student.$id == \Student.$id)
            .filter(Student.self, \.$consentOn != nil).filter(Student.self, \.$consentWithdrawnAt == nil)
            .all(\.$academicYear.$id)
        let counts = ids.reduce(into: [UUID: Int]()) { $0[$1, default: 0] += 1 }
        return years.compactMap { year in counts[year.id!].map { (year, $0) } }
    }

    func orderConfirm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, Self.probe(municipalityID))
        try req.authorize(.create, .order(municipalityID: municipalityID))
        let page = SupportOrderPage(
            years: try await unordered(municipalityID, on: req.db).map {
                (try $0.year.requireID().uuidString.lowercased(), $0.year.title, $0.count)
            })
        return req.render(page.render(await context(req)))
    }

    func order(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, Self.probe(municipalityID))
        try req.authorize(.create, .order(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        guard let yearID = form["year"].flatMap(UUID.init(uuidString:)),
            let entry = try await unordered(municipalityID, on: req.db).first(where: { $0.year.id == yearID }),
            let municipality = try await Municipality.find(municipalityID, on: req.db)
        else { throw AppError.conflict(SupportWords.noProposed) }
        let order = try await OrdersController.draft(
            .talentSupport, municipality: municipality, year: entry.year, req: req)
        return req.redirect(to: SiteURL.order(try order.requireID()).path, flash: SupportWords.orderDrafted)
    }
}
