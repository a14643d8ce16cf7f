import Domain
import Fluent
import Vapor
import Views

/// A route's form: drawn up for a databank student the user keeps routes of (one per student and year), changed by
/// version; audited on the student.
extension RoutesController {
    /// The student a route would be for: an active databank student of the municipality whose routes the user keeps.
    static func student(_ req: Request, _ raw: String?) async throws -> Student? {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first(),
            student.status == RecordStatus.active.rawValue,
            req.can(
                .create,
                .individualRoute(
                    school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id),
                    shared: student.hasConsent))
        else { return nil }
        let basis = try await GiftedBank.basis(of: id, municipalityID: student.$municipality.id, on: req.db)
        return basis.isEmpty ? nil : student
    }

    func formPage(
        _ req: Request, student: Student?, q: String = "", found: [(id: UUID, title: String)] = [], values: FormValues,
        errors: FieldErrors = FieldErrors(), editing: IndividualRoute? = nil, conflict: String? = nil
    ) async throws -> RouteFormPage {
        let municipalityID = try RegistrySupport.municipality(req)
        return RouteFormPage(
            q: q, found: found, student: student.map { ($0.id!, GiftedController.title($0)) },
            years: try await SupportController.yearOptions(municipalityID, on: req.db), values: values, errors: errors,
            editing: try editing.map { (try $0.requireID(), $0.version) }, conflict: conflict)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let probe = try RegistrySupport.creatableOrganization(req) { .individualRoute(school: $0, shared: true) }
        try req.authorize(.create, .individualRoute(school: probe, shared: true))
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        var found: [(id: UUID, title: String)] = []
        let needle = TextKey.needle(q)
        if needle.count >= 3 {
            // The databank's members the user reads whose names match: the first 50 by name.
            let rule = try await GiftedBank.rule(municipalityID, on: req.db)
            let filters = GiftedBankSQL.Filters(
                visible: try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
                    .individualRoute(school: $0, shared: true)
                }.map { Array($0) }, needle: needle)
            let (ids, _) = try await GiftedBankSQL.page(
                filters, rule: rule,
                years: try await GiftedBank.years(rule, municipalityID: municipalityID, on: req.db),
                municipalityID: municipalityID, descending: false, offset: 0, limit: 50, on: req.db)
            let candidates = try await GiftedBank.students(ids, on: req.db)
            found = candidates.filter {
                req.can(
                    .create,
                    .individualRoute(
                        school: OrgRef(id: $0.$school.id, municipalityID: municipalityID), shared: $0.hasConsent))
            }.prefix(20).map { ($0.id!, GiftedController.title($0)) }
        }
        let raw = try? req.query.get(String.self, at: "student")
        let student = try await Self.student(req, raw)
        var errors = FieldErrors()
        if raw != nil && student == nil { errors.add("student", RouteWords.notMember) }
        let year = try await SupportBoard.year(nil, municipalityID: municipalityID, on: req.db)
        let page = try await formPage(
            req, student: student, q: q, found: found,
            values: FormValues(single: ["year": year?.id?.uuidString.lowercased() ?? "", "status": "active"]),
            errors: errors)
        return req.render(page.render(await context(req)))
    }

    static func audit(_ route: IndividualRoute) -> [String: String] {
        RouteWords.audit(goals: route.goals, mentor: route.mentor, curator: route.curator, status: route.routeStatus)
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let form = RegistrySupport.form(req)
        guard let student = try await Self.student(req, form["student"]), let studentID = student.id else {
            throw AppError.badRequest(RouteWords.chooseStudent)
        }
        var errors = FieldErrors()
        let year = try await form["year"].flatMap(UUID.init(uuidString:)).asyncFlatMap {
            try await AcademicYear.query(on: req.db).filter(\.$id == $0).filter(\.$municipality.$id == municipalityID)
                .first()
        }
        if year == nil { errors.add("year", RouteWords.chooseYear) }
        let input = RouteInput.parse({ form[$0] }, errors: &errors)
        if let year,
            try await IndividualRoute.query(on: req.db).filter(\.$student.$id == studentID)
                .filter(\.$academicYear.$id == year.requireID()).first() != nil
        {
            errors.add("year", RouteWords.duplicate)
        }
        guard errors.isEmpty, let input, let year else {
            let page = try await formPage(req, student: student, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let username = try req.requireUser().username
        let route = IndividualRoute()
        route.$municipality.id = student.$municipality.id
        route.$academicYear.id = try year.requireID()
        route.$school.id = student.$school.id
        route.$student.id = studentID
        route.apply(input)
        route.createdBy = username
        route.createdAt = Date()
        route.updatedBy = username
        route.updatedAt = route.createdAt
        route.version = 1
        do {
            try await req.application.writeTransaction { db in
                try await route.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "individual_route", entityID: route.id,
                    title: student.fullName, municipalityID: municipalityID, organizationID: student.$school.id,
                    before: nil, after: Self.audit(route))
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            errors.add("year", RouteWords.duplicate)
            let page = try await formPage(req, student: student, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.created)
    }

    func editForm(req: Request) async throws -> Response {
        let route = try await Self.find(req, .update)
        let page = try await formPage(
            req, student: route.student,
            values: FormValues(single: [
                "goals": route.goals, "mentor": route.mentor ?? "", "curator": route.curator, "status": route.status,
            ]), editing: route)
        return req.render(page.render(await context(req)))
    }

    func update(req: Request) async throws -> Response {
        let route = try await Self.find(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let input = RouteInput.parse({ form[$0] }, errors: &errors) else {
            let page = try await formPage(req, student: route.student, values: form, errors: errors, editing: route)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let before = Self.audit(route)
        let expected = form["version"].flatMap(Int.init) ?? -1
        route.apply(input)
        route.updatedBy = try req.requireUser().username
        route.updatedAt = Date()
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: IndividualRoute.schema, id: route.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(RouteWords.changed) }
                route.version = expected + 1
                try await route.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "individual_route", entityID: route.id,
                    title: route.student.fullName, municipalityID: route.$municipality.id,
                    organizationID: route.$school.id, before: before, after: Self.audit(route))
            }
        } catch let error as AppError where error.status == .conflict {
            let fresh = try await Self.find(req, .read)
            let page = try await formPage(
                req, student: fresh.student, values: form, editing: fresh, conflict: RouteWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.updated)
    }
}
