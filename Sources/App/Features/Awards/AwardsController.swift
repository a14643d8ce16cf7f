import Domain
import Fluent
import Vapor
import Views

/// Teachers' financial support (issue 23, item 3; `002_f5d848fa5a191e3f.txt` §15–18): the administrator opens a year's
/// round with its budget and rule; the page lists the network's teachers with the facts behind eligibility
/// (`TeacherFactsSQL`: years in the network, groups, hours, their students' certificates and achievements); the КМЦ
/// assigns amounts and letters of gratitude, saved under the round's version — a total above the budget, an amount out
/// of range, money to someone not eligible are refused beside the fields and nothing is written; the administrator
/// approves the round, after which it does not change.
struct AwardsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("awards", use: list)
        routes.post("awards", use: create)
        routes.get("awards", ":id", use: show)
        routes.post("awards", ":id", use: save)
        routes.get("awards", ":id", "approve", use: approveForm)
        routes.post("awards", ":id", "approve", use: approve)
    }

    static func round(_ req: Request, _ action: Domain.Action) async throws -> AwardRound {
        guard
            let round = try await AwardRound.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$academicYear).first()
        else {
            throw AppError.notFound(RegistryWords.notFound(AwardWords.noun))
        }
        try req.authorize(action, .awardRound(municipalityID: round.$municipality.id))
        return round
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, values: nil, errors: FieldErrors(), status: .ok)
    }

    func listPage(_ req: Request, values: FormValues?, errors: FieldErrors, status: HTTPResponseStatus) async throws
        -> Response
    {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .awardRound(municipalityID: municipalityID))
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$startsOn, .descending).all()
        // Newest academic year first.
        let position = Dictionary(
            years.enumerated().compactMap { index, year in year.id.map { ($0, index) } }, uniquingKeysWith: min)
        let rounds = try await AwardRound.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
            .sorted { (position[$0.$academicYear.id] ?? .max) < (position[$1.$academicYear.id] ?? .max) }
        let lines = try await TeacherAward.query(on: req.db).filter(\.$round.$id ~~ rounds.compactMap(\.id))
            .filter(\.$kind == AwardLines.money).all()
        let current = years.first(where: \.isCurrent) ?? years.first
        let page = AwardRoundsPage(
            rows: try rounds.map { round in
                let own = lines.filter { $0.$round.id == round.id }
                return .init(
                    id: try round.requireID(),
                    year: years.first { $0.id == round.$academicYear.id }?.title ?? "", budget: round.budget,
                    assigned: own.compactMap(\.amount).reduce(0, +), teachers: own.count, isApproved: round.isApproved)
            },
            canCreate: req.can(.create, .awardRound(municipalityID: municipalityID)),
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            values: values
                ?? FormValues(single: [
                    "year": current?.id?.uuidString.lowercased() ?? "", "budget": "111000", "minimumYears": "3",
                    "amountMin": "5000",
                    "amountMax": "30000",
                ]), errors: errors)
        return req.render(page.render(await req.pageContext(active: .awards)), status: status)
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .awardRound(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let year = try await form["year"].flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await AcademicYear.query(on: req.db).filter(\.$id == $0).filter(\.$municipality.$id == municipalityID)
                .first()
        }
        if year == nil { errors.add("year", AwardWords.chooseYear) }
        let budget = errors.integer("budget", form["budget"], range: 0...1_000_000_000, required: true)
        let minimumYears = errors.integer("minimumYears", form["minimumYears"], range: 1...30, required: true)
        let amountMin = errors.integer("amountMin", form["amountMin"], range: 1...10_000_000, required: true)
        let amountMax = errors.integer("amountMax", form["amountMax"], range: 0...10_000_000, required: true)
        if let amountMin, let amountMax, amountMax < amountMin {
            errors.add("amountMax", AwardWords.Check.maxBelowMin)
        }
        if let year,
            try await AwardRound.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$academicYear.$id == year.requireID()).first() != nil
        {
            errors.add("year", AwardWords.yearTaken)
        }
        guard errors.isEmpty, let year, let budget, let minimumYears, let amountMin, let amountMax else {
            return try await listPage(req, values: form, errors: errors, status: .unprocessableEntity)
        }
        let round = AwardRound()
        round.$municipality.id = municipalityID
        round.$academicYear.id = try year.requireID()
        round.$academicYear.value = year
        round.budget = budget
        round.minimumYears = minimumYears
        round.amountMin = amountMin
        round.amountMax = amountMax
        round.state = "draft"
        round.status = RecordStatus.active.rawValue
        round.version = 1
        do {
            try await req.application.writeTransaction { db in
                try await round.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "award_round", entityID: round.id,
                    title: year.title, municipalityID: municipalityID, organizationID: nil, before: nil,
                    after: try await AwardLines.audit(round, on: db))
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            errors.add("year", AwardWords.yearTaken)
            return try await listPage(req, values: form, errors: errors, status: .conflict)
        }
        return req.redirect(to: SiteURL.award(try round.requireID()).path, flash: AwardWords.created)
    }

    func show(req: Request) async throws -> Response {
        let round = try await Self.round(req, .read)
        return try await AwardLines.page(round, req: req, values: FormValues(), errors: FieldErrors(), status: .ok)
    }

    func save(req: Request) async throws -> Response {
        let round = try await Self.round(req, .update)
        let form = RegistrySupport.form(req)
        return try await AwardLines.save(round, form: form, req: req)
    }

    /// The question before approving, with what is approved.
    func approveForm(req: Request) async throws -> Response {
        let round = try await Self.round(req, .approve)
        guard !round.isApproved else { throw AppError.conflict(AwardWords.approved) }
        let page = try await AwardLines.model(round, req: req).approval()
        return req.render(page.render(await req.pageContext(active: .awards)))
    }

    func approve(req: Request) async throws -> Response {
        let round = try await Self.round(req, .approve)
        let form = RegistrySupport.form(req)
        return try await AwardLines.approve(round, expected: Int(form["version"] ?? "") ?? -1, req: req)
    }
}
