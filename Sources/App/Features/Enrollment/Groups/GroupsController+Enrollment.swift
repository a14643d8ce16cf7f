import Domain
import Fluent
import Vapor
import Views

extension GroupsController {
    /// Finds students of the municipality to enrol: by name, optionally by school and grade.
    func enrollSearch(req: Request) async throws -> Response {
        let (g, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        let school = (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:))
        var b = Student.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).filter(
            \.$status == RecordStatus.active.rawValue)
        let needle = TextKey.needle(q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        if let school { b = b.filter(\.$school.$id == school) }
        let already = Set(
            try await Enrollment.query(on: req.db).filter(try \.$group.$id == g.requireID())
                .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).all().map { $0.$student.id })
        // Children's names are not browsed by who may not read every school's registry (a centre head): such a user
        // finds a child by at least three letters of the name, and sees at most ten.
        let browses = req.can(.read, .student(school: OrgRef(id: UUID(), municipalityID: center.$municipality.id)))
        let limit = browses ? 50 : 10
        let tooShort = !browses && needle.unicodeScalars.filter(CharacterSet.letters.contains).count < 3
        let letters = "Введите не меньше трёх букв фамилии или имени обучающегося."
        let found = tooShort ? 0 : try await b.copy().count()
        let students = tooShort ? [] : try await b.sort(\.$sortKey).with(\.$school).limit(limit).all()
        let csrf = req.csrfToken
        let schools = try await RegistrySupport.organizationOptions(
            center.$municipality.id, kinds: [.school], on: req.db)
        var page = RegistryList(
            title: "Запись в группу «\(g.name)»", area: area,
            query: ListQuery(
                q: q, filters: ["school": school?.uuidString.lowercased() ?? ""], sort: "name", per: limit),
            filters: [
                FieldSpec("q", "Фамилия, имя", .text("search")),
                FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
            ],
            columns: [Column("Обучающийся"), Column("Школа"), Column("Класс"), Column("")],
            rows: try students.map { s in
                [
                    .text(s.fullName), .text(s.school.shortName), .text("\(s.grade)\(s.letter ?? "")"),
                    already.contains(try s.requireID())
                        ? .tag("уже в группе", "signed")
                        : .post(
                            g.enrolledCount < g.capacity ? "Записать" : "В лист ожидания",
                            SiteURL.record(area, try g.requireID()).path
                                + "/enroll?student=\(try s.requireID().uuidString.lowercased())",
                            csrf: csrf),
                ]
            },
            total: found, noun: ("обучающийся", "обучающихся", "обучающихся"), createTitle: nil,
            warnings: [
                "Свободно мест: \(max(0, g.capacity - g.enrolledCount)) из \(g.capacity). Когда места кончатся, "
                    + "записанные встают в лист ожидания."
            ]
                + (found > students.count
                    ? ["Показаны первые \(students.count): уточните фамилию или выберите школу."] : [])
                + (tooShort && !q.isEmpty ? [letters] : []),
            emptyText: tooShort ? letters : "Никого не найдено: уточните фамилию или школу.")
        page.searchAction = SiteURL.record(area, try g.requireID()).path + "/enroll"
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func enroll(req: Request) async throws -> Response {
        let (g, center) = try await find(req)
        guard let sid = (try? req.query.get(String.self, at: "student")).flatMap(UUID.init(uuidString:)),
            let student = try await Student.find(sid, on: req.db),
            let school = try await Organization.find(student.$school.id, on: req.db),
            school.$municipality.id == center.$municipality.id
        else { throw EnrollmentService.refusal(.studentNotFound) }
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: school.ref))
        let outcome = try await EnrollmentService.enroll(
            studentID: sid, groupID: try g.requireID(), app: req.application, req: req)
        let message: String
        switch outcome {
        case .enrolled: message = "\(student.fullName) зачислен(а) в группу «\(g.name)»."
        case .waitlisted(let p): message = "Мест нет: \(student.fullName) в листе ожидания, место № \(p)."
        }
        return req.redirect(to: SiteURL.record(area, try g.requireID()).path, flash: message)
    }

    func withdrawTarget(_ req: Request) async throws -> (StudyGroup, Organization, Enrollment) {
        let (g, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        guard let eid = req.parameters.get("enrollment").flatMap(UUID.init(uuidString:)),
            let e = try await Enrollment.query(on: req.db).filter(\.$id == eid).filter(
                try \.$group.$id == g.requireID()
            ).with(
                \.$student
            ).first()
        else {
            throw AppError.notFound("Запись в группу не найдена.")
        }
        return (g, center, e)
    }

    static let withdrawReasons = [
        "по заявлению родителя (законного представителя)", "по состоянию здоровья", "смена школы или переезд",
        "не посещает занятия", "завершил(а) обучение досрочно", "другая причина",
    ]

    func withdrawForm(
        _ req: Request, g: StudyGroup, center: Organization, e: Enrollment, values: FormValues,
        errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        // Open groups of the municipality the user may enrol into, with free places: where a transfer can go.
        let targets = try await StudyGroup.query(on: req.db).filter(\.$isOpen == true).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .filter(try \.$id != g.requireID()).with(\.$organization).with(\.$program).sort(\.$name).all()
        .filter {
            $0.organization.$municipality.id == center.$municipality.id && $0.enrolledCount < $0.capacity
                && req.can(.create, .enrollment(group: $0.organization.ref, studentSchool: $0.organization.ref))
        }
        let base = SiteURL.record(area, try g.requireID()).path
        return RegistryForm(
            title: "Отчисление или перевод", crumbs: [Crumb("Группы", SiteURL.list(area).path), Crumb(g.name, base)],
            action: base + "/withdraw/\(try e.requireID().uuidString.lowercased())", cancelURL: base,
            fields: [
                FieldSpec(
                    "reason", "Причина", .select(Self.withdrawReasons.map { ($0, $0) }, empty: "— выберите —"),
                    required: true),
                FieldSpec("comment", "Пояснение", hint: "Обязательно, если выбрана «другая причина»."),
                FieldSpec("date", "Дата", .date, required: true),
                FieldSpec(
                    "target", "Перевести в группу",
                    .select(
                        try targets.map {
                            (
                                try $0.requireID().uuidString.lowercased(),
                                "\($0.name) — \($0.program.title), \($0.organization.shortName) (свободно "
                                    + "\($0.capacity - $0.enrolledCount))"
                            )
                        },
                        empty: "— не переводить, только отчислить —"),
                    hint: "Перевод выполняется, только если в выбранной группе есть место."),
            ],
            values: values, errors: errors, conflict: conflict,
            intro:
                "«\(e.student.fullName)» выбывает из группы «\(g.name)». Освободившееся место сразу получит первый из "
                + "листа ожидания; запись останется в истории."
        )
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        let (g, center, e) = try await withdrawTarget(req)
        let zone = try await RegistrySupport.zone(req)
        let page = try await withdrawForm(
            req, g: g, center: center, e: e, values: FormValues(single: ["date": RuDate.format(Date(), timeZone: zone)])
        )
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func withdraw(req: Request) async throws -> Response {
        let (g, center, e) = try await withdrawTarget(req)
        let zone = try await RegistrySupport.zone(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 200)
        if !reason.isEmpty && !Self.withdrawReasons.contains(reason) {
            errors.add("reason", "Выберите причину из списка.")
        }
        let comment = errors.optional("comment", form["comment"], max: 500)
        if reason == Self.withdrawReasons.last && comment == nil { errors.add("comment", "Поясните причину.") }
        let date = errors.date("date", form["date"], timeZone: zone, required: true)
        if let date, date > Date() { errors.add("date", "Дата не может быть в будущем.") }
        if let date, let created = Calendar(identifier: .gregorian).dateInterval(of: .day, for: e.createdAt)?.start,
            date < created.addingTimeInterval(-86_400)
        {
            errors.add("date", "Дата раньше записи в группу (\(RuDate.format(e.createdAt, timeZone: zone))).")
        }
        var target: StudyGroup?
        if let raw = form["target"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw),
                let t = try await StudyGroup.query(on: req.db).filter(\.$id == id).with(\.$organization).first(),
                t.organization.$municipality.id == center.$municipality.id,
                req.can(.create, .enrollment(group: t.organization.ref, studentSchool: t.organization.ref))
            else {
                errors.add("target", "Выберите группу из списка.")
                return try await withdrawError(req, g, center, e, form, errors)
            }
            target = t
        }
        guard errors.isEmpty, let date else { return try await withdrawError(req, g, center, e, form, errors) }
        let full = reason + (comment.map { ": \($0)" } ?? "")
        do {
            if let target {
                try await EnrollmentService.transfer(
                    enrollmentID: try e.requireID(), to: try target.requireID(), on: date, reason: full,
                    app: req.application, req: req)
                return req.redirect(
                    to: SiteURL.record(area, try g.requireID()).path,
                    flash: "\(e.student.fullName) переведён(а) в группу «\(target.name)».")
            }
            try await EnrollmentService.withdraw(
                enrollmentID: try e.requireID(), on: date, reason: full, app: req.application, req: req)
        } catch let error as AppError where error.status == .conflict {
            let page = try await withdrawForm(req, g: g, center: center, e: e, values: form, conflict: error.reason)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(area, try g.requireID()).path, flash: "\(e.student.fullName) отчислен(а) из группы.")
    }

    func withdrawError(
        _ req: Request, _ g: StudyGroup, _ center: Organization, _ e: Enrollment, _ form: FormValues,
        _ errors: FieldErrors
    ) async throws -> Response {
        let page = try await withdrawForm(req, g: g, center: center, e: e, values: form, errors: errors)
        return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
    }
}
