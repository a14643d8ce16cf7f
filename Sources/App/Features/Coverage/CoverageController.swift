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
            let y = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$isCurrent == true
            ).first()
        else {
            throw AppError.notFound(
                "Текущий учебный год не задан: администратор отмечает его в разделе «Учебные годы».")
        }
        return y
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
        let students = try await Student.query(on: req.db).filter(\.$school.$id ~~ ids).filter(
            \.$status == RecordStatus.active.rawValue
        ).all()
        let placed = try await Enrollment.query(on: req.db).filter(\.$status == EnrollmentStatus.enrolled.rawValue)
            .join(StudyGroup.self, on: \Enrollment.$group.$id == \StudyGroup.$id).filter(
                StudyGroup.self, try \.$academicYear.$id == year.requireID()
            )
            .join(Student.self, on: \Enrollment.$student.$id == \Student.$id).filter(Student.self, \.$school.$id ~~ ids)
            .filter(Student.self, \.$status == RecordStatus.active.rawValue).all()
        let enrolledIDs = Set(placed.map { $0.$student.id })
        return try schools.map { s in
            var head: [Int: Int] = [:]
            var reg: [Int: Int] = [:]
            var enr: [Int: Int] = [:]
            for h in heads where h.$school.id == s.id { head[h.grade] = h.count }
            for st in students where st.$school.id == s.id {
                reg[st.grade, default: 0] += 1
                if enrolledIDs.contains(try st.requireID()) { enr[st.grade, default: 0] += 1 }
            }
            return Row(school: s, result: Coverage.school(.init(headcount: head, registered: reg, enrolled: enr)))
        }
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let year = try await Self.year(req, municipalityID)
        let schools = try await Self.schools(req, municipalityID)
        let rows = try await Self.compute(req, schools: schools, year: year)
        func cells(_ s: Coverage.Share) -> [Cell] {
            [.text("\(s.numerator) из \(s.denominator)"), .text(Coverage.format(s))]
        }
        func seniorTag(_ s: Coverage.Share) -> Cell {
            guard let p = s.percent else { return .text("—") }
            return Coverage.seniorTarget.contains(p)
                ? .tag("в норме", "signed")
                : .tag(p < Coverage.seniorTarget.lowerBound ? "ниже 15 %" : "выше 24 %", "expiring")
        }
        let canEdit = { (o: Organization) in req.can(.update, .student(school: o.ref)) }
        var table: [[Cell]] = try rows.map { r in
            [.text(r.school.shortName)] + cells(r.result.seniors) + [seniorTag(r.result.seniors)] + cells(r.result.all)
                + [
                    .text(r.result.all.source.title),
                    canEdit(r.school)
                        ? .link(
                            "Численность", "/coverage/headcount/\(try r.school.requireID().uuidString.lowercased())")
                        : .text(""),
                ]
        }
        let seniors = Coverage.total(rows.map(\.result.seniors))
        let all = Coverage.total(rows.map(\.result.all))
        table.append(
            [.text("Муниципалитет в целом" + (rows.count < 2 ? " (видимые вам школы)" : ""))] + cells(seniors) + [
                seniorTag(seniors)
            ] + cells(all)
                + [.text(all.source.title), .text("")])
        var page = RegistryList(
            title: "Охват сетью — \(year.title)", area: .students, query: ListQuery(sort: "name", per: 1000),
            filters: [],
            columns: [
                Column("Школа"), Column("10–11 классы в сети"), Column("Доля"), Column("Цель 15–24\u{00A0}%"),
                Column("Все в программах сети"), Column("Доля (цель ≥\u{00A0}70\u{00A0}%)"), Column("Знаменатель"),
                Column(""),
            ],
            rows: table, total: rows.count, noun: ("школа", "школы", "школ"), createTitle: nil,
            warnings: [
                "Доля старшеклассников в сети — «Сетка» считает учащихся 10–11 классов, зачисленных хотя бы в одну "
                    + "группу текущего года (норма практики — 15–24 %). "
                    + "Доля всех обучающихся в дополнительных программах сети — цель не менее 70 %. Знаменатель — "
                    + "численность по классам из отчёта школы; пока она не введена, берутся обучающиеся из "
                    + "реестра. Строка муниципалитета складывает числители и знаменатели школ."
            ],
            emptyText: "Школ нет.")
        page.searchAction = "/coverage"
        return req.render(page.render(await req.pageContext(active: .coverage)))
    }

    func school(_ req: Request) async throws -> (Organization, AcademicYear) {
        guard let id = req.parameters.get("school").flatMap(UUID.init(uuidString:)),
            let s = try await Organization.find(id, on: req.db),
            s.orgKind == .school, req.can(.read, .student(school: s.ref))
        else { throw AppError.notFound() }
        try req.authorize(.update, .student(school: s.ref))
        return (s, try await Self.year(req, s.$municipality.id))
    }

    func formPage(_ s: Organization, _ y: AcademicYear, values: FormValues, errors: FieldErrors = FieldErrors())
        throws -> RegistryForm
    {
        RegistryForm(
            title: "Численность обучающихся — \(s.shortName)", crumbs: [Crumb("Охват", "/coverage")],
            action: "/coverage/headcount/\(try s.requireID().uuidString.lowercased())", cancelURL: "/coverage",
            fields: (1...11).map { FieldSpec("g\($0)", "\($0) класс", .number) }, values: values, errors: errors,
            intro:
                "Численность по отчёту школы на \(y.title) учебный год (ОО-1). Пустое поле — класса нет или данные не "
                + "введены."
        )
    }

    func headcountForm(req: Request) async throws -> Response {
        let (s, y) = try await school(req)
        let rows = try await SchoolHeadcount.query(on: req.db).filter(try \.$school.$id == s.requireID()).filter(
            try \.$academicYear.$id == y.requireID()
        ).all()
        let values = FormValues(
            single: Dictionary(rows.map { ("g\($0.grade)", String($0.count)) }, uniquingKeysWith: { a, _ in a }))
        return req.render(try formPage(s, y, values: values).render(await req.pageContext(active: .coverage)))
    }

    func saveHeadcount(req: Request) async throws -> Response {
        let (s, y) = try await school(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        var counts: [Int: Int] = [:]
        for g in 1...11 {
            if let n = errors.integer("g\(g)", form["g\(g)"], range: 0...5000, required: false) { counts[g] = n }
        }
        guard errors.isEmpty else {
            return req.render(
                try formPage(s, y, values: form, errors: errors).render(await req.pageContext(active: .coverage)),
                status: .unprocessableEntity)
        }
        let counted = counts
        let before = try await SchoolHeadcount.query(on: req.db).filter(try \.$school.$id == s.requireID()).filter(
            try \.$academicYear.$id == y.requireID()
        ).all()
        try await req.application.writeTransaction { db in
            try await SchoolHeadcount.query(on: db).filter(try \.$school.$id == s.requireID()).filter(
                try \.$academicYear.$id == y.requireID()
            )
            .delete()
            for (g, n) in counted {
                let h = SchoolHeadcount()
                h.$school.id = try s.requireID()
                h.$academicYear.id = try y.requireID()
                h.grade = g
                h.count = n
                h.updatedAt = Date()
                try await h.create(on: db)
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "headcount", entityID: s.id,
                title: "Численность — \(s.shortName), \(y.title)",
                municipalityID: s.$municipality.id, organizationID: s.id,
                before: Dictionary(
                    before.map { ("\($0.grade) класс", String($0.count)) }, uniquingKeysWith: { a, _ in a }),
                after: Dictionary(
                    counted.map { ("\($0.key) класс", String($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
        return req.redirect(to: "/coverage", flash: "Численность обучающихся \(s.shortName) сохранена.")
    }
}
