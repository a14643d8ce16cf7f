import Domain
import Fluent
import Vapor
import Views

/// Support of gifted students (issue 21, item 5; `001_4390f67d15d9225c.txt` §3.1.5, §3.2.1, §3.2.3;
/// `000_5375b2a087477e6d.txt` §4.5): the measures' list, the ranked candidates, a measure's card, the administrator's
/// weights and the draft order that awards the year's proposed measures. Forms and their writes are in `+Form`.
struct SupportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let support = routes.grouped("support")
        support.get(use: list)
        support.get("candidates", use: candidates)
        support.get("weights", use: weightsForm)
        support.post("weights", use: saveWeights)
        support.get("order", use: orderConfirm)
        support.post("order", use: order)
        support.get("new", use: newForm)
        support.post("new", use: create)
        support.get(":id", use: card)
        support.get(":id", "edit", use: editForm)
        support.post(":id", "edit", use: update)
        support.get(":id", "delete", use: deleteConfirm)
        support.post(":id", "delete", use: delete)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .registry(.support)) }

    static func probe(_ municipalityID: UUID) -> Resource {
        .supportMeasure(school: OrgRef(id: UUID(), municipalityID: municipalityID), shared: true)
    }

    static func yearOptions(_ municipalityID: UUID, on db: any Database) async throws -> [(
        value: String, title: String
    )] {
        try await ResourceCentersSection.years(municipalityID, on: db).map {
            (try $0.requireID().uuidString.lowercased(), $0.title)
        }
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = SupportBoard.listQuery(req)
        let (measures, total, sum) = try await SupportBoard.page(query, municipalityID: municipalityID, req: req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .supportMeasure(school: $0, shared: true)
        }
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        let page = SupportListPage(
            query: query, years: try await Self.yearOptions(municipalityID, on: req.db), schools: schools,
            rows: measures.map(SupportBoard.line), total: total, totalSum: sum,
            canChoose: req.can(.create, Self.probe(municipalityID)),
            canSetWeights: req.can(.update, .giftedRule(municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    func candidates(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, Self.probe(municipalityID))
        let raw = RegistrySupport.listQuery(
            req, filters: ["year", "school"], sorts: ["points"], defaultSort: "points", search: true)
        guard let year = try await SupportBoard.year(raw.filters["year"], municipalityID: municipalityID, on: req.db)
        else { throw AppError.notFound(SupportWords.chooseYear) }
        var query = raw
        query.filters["year"] = try year.requireID().uuidString.lowercased()
        let (rows, total) = try await SupportBoard.candidates(
            query, year: year, municipalityID: municipalityID, req: req)
        let ids = rows.compactMap(\.student.id)
        let measures = try await SupportMeasure.query(on: req.db).filter(\.$student.$id ~~ ids)
            .filter(\.$academicYear.$id == year.requireID()).all()
        let byStudent = Dictionary(grouping: measures, by: { $0.$student.id })
        let page = SupportCandidatesPage(
            query: query, years: try await Self.yearOptions(municipalityID, on: req.db),
            schools: try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db),
            year: (try year.requireID().uuidString.lowercased(), year.title),
            weights: try await SupportBoard.weights(municipalityID, on: req.db),
            rows: rows.map { row in
                SupportCandidatesPage.Row(
                    place: row.place, studentID: row.student.id!, name: row.student.fullName,
                    school: row.student.school.shortName, grade: row.student.grade, points: row.score.total,
                    counted: row.score.counted.filter { $0.points > 0 }.map {
                        "\(GiftedBank.line($0.achievement)): \($0.points)"
                    },
                    measures: (byStudent[row.student.id!] ?? []).map {
                        "\($0.supportKind.title): \($0.supportStatus.title)"
                    })
            }, total: total, canChoose: true)
        return req.render(page.render(await context(req)))
    }

    /// The measure of the path, readable by the user.
    static func find(_ req: Request, _ action: Domain.Action) async throws -> SupportMeasure {
        guard
            let measure = try await SupportMeasure.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$student) { $0.with(\.$school) }.with(\.$academicYear).first()
        else { throw AppError.notFound(SupportWords.notFound) }
        try req.authorize(action, resource(measure))
        if action != .read && measure.isAwarded { throw AppError.conflict(SupportWords.awardedFrozen) }
        // The draft order's document names the measure as it was: it changes only after the draft is deleted.
        if action != .read && measure.$order.id != nil { throw AppError.conflict(SupportWords.inDraftOrder) }
        return measure
    }

    /// A measure's rule, by the student's school now (a student who moved takes the measures to the new school).
    static func resource(_ measure: SupportMeasure) -> Resource {
        .supportMeasure(
            school: OrgRef(id: measure.student.$school.id, municipalityID: measure.$municipality.id),
            shared: measure.student.hasConsent)
    }

    func card(req: Request) async throws -> Response {
        let measure = try await Self.find(req, .read)
        let zone = try await RegistrySupport.zone(req)
        let page = SupportCardPage(
            line: SupportBoard.line(measure), budgetLine: measure.budgetLine,
            created: "\(measure.createdBy), \(RuDate.formatDateTime(measure.createdAt, timeZone: zone))",
            updated: "\(measure.updatedBy), \(RuDate.formatDateTime(measure.updatedAt, timeZone: zone))",
            canChange: measure.$order.id == nil && req.can(.update, Self.resource(measure)))
        return req.render(page.render(await context(req)))
    }

    func weightsForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .giftedRule(municipalityID: municipalityID))
        let weights = try await SupportBoard.weights(municipalityID, on: req.db)
        return req.render(
            SupportWeightsFormPage(values: SupportWeightsFormPage.values(weights)).render(await context(req)))
    }

    func saveWeights(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .giftedRule(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let points = SupportPoints.parse({ form[$0] }, errors: &errors)
        guard errors.isEmpty else {
            return req.render(
                SupportWeightsFormPage(values: form, errors: errors).render(await context(req)),
                status: .unprocessableEntity)
        }
        let before = try await SupportBoard.weights(municipalityID, on: req.db)
        let username = try req.requireUser().username
        // Two first saves at once: the second finds the first's row when the unique index refuses its own.
        for attempt in 1...2 {
            do {
                try await write(points, before: before, username: username, municipalityID: municipalityID, req: req)
                break
            } catch  where attempt == 1 && EnrollmentService.isUniqueViolation(error) {
                continue
            }
        }
        return req.redirect(to: SupportPaths.candidates, flash: SupportWords.weightsSaved)
    }

    func write(_ points: SupportPoints, before: SupportPoints, username: String, municipalityID: UUID, req: Request)
        async throws
    {
        try await req.application.writeTransaction { db in
            let record =
                try await SupportWeightsRecord.query(on: db).filter(\.$municipality.$id == municipalityID).first()
                ?? SupportWeightsRecord()
            record.$municipality.id = municipalityID
            record.weights = points.stored
            record.years = points.years
            record.updatedBy = username
            record.updatedAt = Date()
            record.version = (record.id == nil ? 0 : record.version) + 1
            try await record.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "support_weights", entityID: record.id,
                title: SupportWords.weightsAudit, municipalityID: municipalityID, organizationID: nil,
                before: [SupportWords.weightsAudit: SupportWords.weightsText(before)],
                after: [SupportWords.weightsAudit: SupportWords.weightsText(points)])
        }
    }
}
