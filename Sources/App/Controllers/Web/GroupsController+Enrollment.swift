import Vapor
import Fluent
import Domain
import Views

extension GroupsController {
    /// Finds students of the municipality to enrol: by name, optionally by school and grade.
    func enrollSearch(req: Request) async throws -> Response {
        let (g, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        let school = (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:))
        var b = Student.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).filter(\.$status == RecordStatus.active.rawValue)
        let needle = TextKey.normalize(q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        if let school { b = b.filter(\.$school.$id == school) }
        let already = Set(try await Enrollment.query(on: req.db).filter(\.$group.$id == g.id!)
            .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).all().map { $0.$student.id })
        let found = try await b.copy().count()
        let students = try await b.sort(\.$sortKey).with(\.$school).limit(50).all()
        let csrf = req.csrfToken
        let schools = try await RegistrySupport.organizationOptions(center.$municipality.id, kinds: [.school], on: req.db)
        var page = RegistryList(
            title: "Запись в группу «\(g.name)»", area: area,
            query: ListQuery(q: q, filters: ["school": school?.uuidString.lowercased() ?? ""], sort: "name", per: 50),
            filters: [FieldSpec("q", "Фамилия, имя", .text("search")), FieldSpec("school", "Школа", .select(schools, empty: "Все школы"))],
            columns: [Column("Обучающийся"), Column("Школа"), Column("Класс"), Column("")],
            rows: students.map { s in
                [.text(s.fullName), .text(s.school.shortName), .text("\(s.grade)\(s.letter ?? "")"),
                 already.contains(s.id!) ? .tag("уже в группе", "signed")
                    : .post(g.enrolledCount < g.capacity ? "Записать" : "В лист ожидания",
                            SiteURL.record(area, g.id!).path + "/enroll?student=\(s.id!.uuidString.lowercased())", csrf: csrf)]
            },
            total: found, noun: ("обучающийся", "обучающихся", "обучающихся"), createTitle: nil,
            warnings: ["Свободно мест: \(max(0, g.capacity - g.enrolledCount)) из \(g.capacity). Когда места кончатся, записанные встают в лист ожидания."]
                + (found > students.count ? ["Показаны первые \(students.count): уточните фамилию или выберите школу."] : []),
            emptyText: "Никого не найдено: уточните фамилию или школу.")
        page.searchAction = SiteURL.record(area, g.id!).path + "/enroll"
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func enroll(req: Request) async throws -> Response {
        let (g, center) = try await find(req)
        guard let sid = (try? req.query.get(String.self, at: "student")).flatMap(UUID.init(uuidString:)),
              let student = try await Student.find(sid, on: req.db), let school = try await Organization.find(student.$school.id, on: req.db),
              school.$municipality.id == center.$municipality.id else { throw EnrollmentService.refusal(.studentNotFound) }
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: school.ref))
        let outcome = try await EnrollmentService.enroll(studentID: sid, groupID: g.id!, app: req.application, req: req)
        let message: String
        switch outcome {
        case .enrolled: message = "\(student.fullName) зачислен(а) в группу «\(g.name)»."
        case .waitlisted(let p): message = "Мест нет: \(student.fullName) в листе ожидания, место № \(p)."
        }
        return req.redirect(to: SiteURL.record(area, g.id!).path, flash: message)
    }

    func withdrawTarget(_ req: Request) async throws -> (StudyGroup, Organization, Enrollment) {
        let (g, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        guard let eid = req.parameters.get("enrollment").flatMap(UUID.init(uuidString:)),
              let e = try await Enrollment.query(on: req.db).filter(\.$id == eid).filter(\.$group.$id == g.id!).with(\.$student).first() else {
            throw AppError.notFound("Запись в группу не найдена.")
        }
        return (g, center, e)
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        let (g, _, e) = try await withdrawTarget(req)
        let page = ConfirmPage(
            title: "Отчисление из группы", question: "Отчислить «\(e.student.fullName)» из группы «\(g.name)»?",
            consequence: "Освободившееся место сразу получит первый из листа ожидания. Запись останется в истории.",
            action: SiteURL.record(area, g.id!).path + "/withdraw/\(e.id!.uuidString.lowercased())", button: "Отчислить",
            cancelURL: SiteURL.record(area, g.id!).path,
            crumbs: [Crumb("Группы", SiteURL.list(area).path), Crumb(g.name, SiteURL.record(area, g.id!).path)])
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func withdraw(req: Request) async throws -> Response {
        let (g, _, e) = try await withdrawTarget(req)
        try await EnrollmentService.withdraw(enrollmentID: e.id!, app: req.application, req: req)
        return req.redirect(to: SiteURL.record(area, g.id!).path, flash: "\(e.student.fullName) отчислен(а) из группы.")
    }
}
