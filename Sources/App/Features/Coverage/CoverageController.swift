import Domain
import Fluent
import Vapor
import Views

/// «Охват»: coverage of seniors and of all students by the network for the current year, per school and for the
/// municipality, with numerators and denominators shown; schools enter their official headcount per grade.
struct CoverageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("coverage", use: index)
        routes.get("coverage", "headcount", ":school", use: headcountForm)
        routes.post("coverage", "headcount", ":school", use: saveHeadcount)
    }

    static func year(_ req: Request, _ municipalityID: UUID) async throws -> AcademicYear {
        guard
            let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$isCurrent == true
            ).first()
        else {
            throw AppError.notFound(CoverageWords.noCurrentYear)
        }
        return year
    }

    /// Schools whose coverage the user sees: every school for the municipality's staff, the own school for a school.
    static func schools(_ req: Request, _ municipalityID: UUID) async throws -> [Organization] {
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let user = try req.requireUser()
        let all = try await Organization.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$kind == OrganizationKind.school.rawValue
        )
        .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        if req.can(.read, .student(school: OrgRef(id: UUID(), municipalityID: municipalityID)))
            || user.actor.activeGrants(at: Date()).contains(where: { $0.role.isMunicipalityWide })
        {
            return all
        }
        let own = Set(user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID))
        let mine = try all.filter { own.contains(try $0.requireID()) }
        return mine.isEmpty ? all : mine
    }

    struct Row {
        var school: Organization
        var result: Coverage.SchoolResult
    }

    static func compute(_ req: Request, schools: [Organization], year: AcademicYear) async throws -> [Row] {
        let ids = schools.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let heads = try await SchoolHeadcount.query(on: req.db).filter(try \.$academicYear.$id == year.requireID())
            .filter(
                \.$school.$id ~~ ids
            ).all()
        // Students counted by school and grade in the database, not read one by one.
        let counts = try await CoverageCountsSQL.counts(schools: ids, yearID: try year.requireID(), on: req.db)
        return try schools.map { school in
            var head: [Int: Int] = [:]
            var reg: [Int: Int] = [:]
            var enr: [Int: Int] = [:]
            for headcount in heads where headcount.$school.id == school.id { head[headcount.grade] = headcount.count }
            for count in counts where count.school == (try school.requireID()) {
                reg[count.grade, default: 0] += count.registered
                if count.enrolled > 0 { enr[count.grade, default: 0] += count.enrolled }
            }
            return Row(school: school, result: Coverage.school(.init(headcount: head, registered: reg, enrolled: enr)))
        }
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let year = try await Self.year(req, municipalityID)
        let schools = try await Self.schools(req, municipalityID)
        let rows = try await Self.compute(req, schools: schools, year: year)
        let canEdit = { (o: Organization) in req.can(.update, .student(school: o.ref)) }
        let page = CoveragePage(
            yearTitle: year.title,
            rows: try rows.map { row in
                CoveragePage.Row(
                    school: row.school.shortName, seniors: row.result.seniors, all: row.result.all,
                    headcountURL: canEdit(row.school)
                        ? "/coverage/headcount/\(try row.school.requireID().uuidString.lowercased())" : nil)
            }
        ).list
        return req.render(page.render(await req.pageContext(active: .coverage)))
    }

    func school(_ req: Request) async throws -> (Organization, AcademicYear) {
        guard let id = req.parameters.get("school").flatMap(UUID.init(uuidString:)),
            let school = try await Organization.find(id, on: req.db),
            school.orgKind == .school, req.can(.read, .student(school: school.ref))
        else { throw AppError.notFound() }
        try req.authorize(.update, .student(school: school.ref))
        return (school, try await Self.year(req, school.$municipality.id))
    }

    func formPage(_ school: Organization, _ year: AcademicYear, values: FormValues, errors: FieldErrors = FieldErrors())
        throws -> RegistryForm
    {
        HeadcountFormPage(
            school: school.shortName, yearTitle: year.title,
            action: "/coverage/headcount/\(try school.requireID().uuidString.lowercased())", values: values,
            errors: errors
        ).form
    }

    func headcountForm(req: Request) async throws -> Response {
        let (organization, year) = try await school(req)
        let rows = try await SchoolHeadcount.query(on: req.db).filter(try \.$school.$id == organization.requireID())
            .filter(
                try \.$academicYear.$id == year.requireID()
            ).all()
        let values = FormValues(
            single: Dictionary(rows.map { ("g\($0.grade)", String($0.count)) }, uniquingKeysWith: { a, _ in a }))
        return req.render(
            try formPage(organization, year, values: values).render(await req.pageContext(active: .coverage)))
    }

    func saveHeadcount(req: Request) async throws -> Response {
        let (organization, year) = try await school(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        var counts: [Int: Int] = [:]
        for grade in 1...11 {
            if let count = errors.integer("g\(grade)", form["g\(grade)"], range: 0...5000, required: false) {
                counts[grade] = count
            }
        }
        guard errors.isEmpty else {
            return req.render(
                try formPage(organization, year, values: form, errors: errors).render(
                    await req.pageContext(active: .coverage)),
                status: .unprocessableEntity)
        }
        let counted = counts
        let before = try await SchoolHeadcount.query(on: req.db).filter(try \.$school.$id == organization.requireID())
            .filter(
                try \.$academicYear.$id == year.requireID()
            ).all()
        try await req.application.writeTransaction { db in
            try await SchoolHeadcount.query(on: db).filter(try \.$school.$id == organization.requireID()).filter(
                try \.$academicYear.$id == year.requireID()
            )
            .delete()
            for (grade, count) in counted {
                let headcount = SchoolHeadcount()
                headcount.$school.id = try organization.requireID()
                headcount.$academicYear.id = try year.requireID()
                headcount.grade = grade
                headcount.count = count
                headcount.updatedAt = Date()
                try await headcount.create(on: db)
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "headcount", entityID: organization.id,
                title: CoverageWords.auditTitle(school: organization.shortName, year: year.title),
                municipalityID: organization.$municipality.id, organizationID: organization.id,
                before: CoverageWords.audit(before.map { ($0.grade, $0.count) }),
                after: CoverageWords.audit(counted.map { ($0.key, $0.value) }))
        }
        return req.redirect(to: "/coverage", flash: CoverageWords.saved(school: organization.shortName))
    }
}
