import Domain
import Fluent
import Vapor
import Views

/// Final attestation of a group (route `/results`, `GLOSSARY.md`): at the end of the course its teacher or the
/// centre's head records each student's form, result, grade or score and date; before the end it is refused.
struct ResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("groups", ":id", "results", use: show)
        routes.post("groups", ":id", "results", use: save)
    }

    func page(_ req: Request, _ l: AttestedGroup, values: FormValues? = nil, errors: FieldErrors = FieldErrors())
        async throws
        -> ResultsPage
    {
        let g = l.scheduled.group
        let summary = try await JournalService.groupSummary(g, on: req.db)
        let results = try await FinalResult.query(on: req.db).filter(try \.$group.$id == g.requireID()).all()
        var v = FormValues()
        for r in results {
            let k = r.$student.id.uuidString.lowercased()
            v["form-" + k] = r.form
            v["passed-" + k] = r.passed ? "yes" : "no"
            v["grade-" + k] = r.grade ?? ""
            v["day-" + k] = CivilDay(number: r.resultDay).formatted
        }
        let mayEdit = req.can(.update, l.resource) && l.finished
        return ResultsPage(
            title: AssessmentWords.Results.title(g.name),
            crumbs: AssessmentWords.crumbs(group: g.name, url: SiteURL.record(.groups, try g.requireID()).path),
            intro: AssessmentWords.Results.intro(program: g.program.title, center: l.scheduled.center.shortName),
            action: mayEdit ? SiteURL.record(.groups, try g.requireID()).path + "/results" : nil,
            notice: l.finished ? nil : AttestationRules.unfinishedMessage(l.lastDay),
            rows: try summary.students.map { s in
                let a = summary.attendance[try s.requireID()] ?? StudentAttendance()
                return ResultsPage.Row(
                    studentID: try s.requireID().uuidString.lowercased(),
                    name: s.shownName(at: l.scheduled.center.ref, req: req, marks: mayEdit),
                    attendance: AssessmentWords.attendance(
                        percent: a.percent, attended: a.attendedHours, delivered: a.deliveredHours),
                    version: results.first { $0.$student.id == s.id }?.version ?? 0)
            },
            values: values ?? v, errors: errors)
    }

    func show(req: Request) async throws -> Response {
        let l = try await AttestedGroup.load(req, .read)
        return req.render(try await page(req, l).render(await req.pageContext(active: .registry(.groups))))
    }

    func save(req: Request) async throws -> Response {
        let l = try await AttestedGroup.load(req, .update)
        guard l.finished else { throw AppError.conflict(AttestationRules.unfinishedMessage(l.lastDay)) }
        let form = RegistrySupport.form(req)
        let students = try await JournalService.groupSummary(l.scheduled.group, on: req.db).students
        let today = CivilDay(Date(), timeZone: l.scheduled.zone)
        var errors = FieldErrors()
        var rows: [(Student, AttestationForm, Bool, String?, CivilDay, Int)] = []
        for s in students {
            let k = try s.requireID().uuidString.lowercased()
            let rawForm = form["form-" + k] ?? ""
            let rawPassed = form["passed-" + k] ?? ""
            if rawForm.isEmpty && rawPassed.isEmpty { continue }
            let f = errors.choice("form-" + k, rawForm, as: AttestationForm.self)
            let passed: Bool? = rawPassed == "yes" ? true : rawPassed == "no" ? false : nil
            if passed == nil { errors.add("passed-" + k, AssessmentWords.Results.choosePassed) }
            let grade = errors.optional("grade-" + k, form["grade-" + k], max: 20)
            let day = errors.day("day-" + k, form["day-" + k], required: false) ?? today
            if day > today { errors.add("day-" + k, AssessmentWords.Results.dayInFuture) }
            if let f, let passed { rows.append((s, f, passed, grade, day, form["v-" + k].flatMap(Int.init) ?? -1)) }
        }
        if rows.isEmpty && errors.isEmpty {
            errors.add(
                "form-" + (students.first?.id?.uuidString.lowercased() ?? "x"),
                AssessmentWords.Results.noneEntered)
        }
        guard errors.isEmpty else {
            return req.render(
                try await page(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .unprocessableEntity)
        }
        let g = l.scheduled.group
        let center = l.scheduled.center
        let by = req.currentUser?.fullName ?? ""
        let saved = rows
        do {
            try await writeResults(saved, group: g, center: center, by: by, req: req)
        } catch let e as AppError where e.code == "validation" {
            for (k, v) in e.fields { errors.add(k, v) }
            return req.render(
                try await page(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .conflict)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            errors.add(
                "form-" + (saved.first?.0.id?.uuidString.lowercased() ?? "x"),
                AssessmentWords.Results.enteredMeanwhile)
            return req.render(
                try await page(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(.groups, try g.requireID()).path + "/results", flash: AssessmentWords.Results.saved)
    }

    /// Writes the rows in one transaction: each claims the version its form was made from; a result turned to «не
    /// зачтено» while a valid certificate stands is refused.
    func writeResults(
        _ saved: [(Student, AttestationForm, Bool, String?, CivilDay, Int)], group g: StudyGroup, center: Organization,
        by: String,
        req: Request
    ) async throws {
        try await req.application.writeTransaction { db in
            var changes: [String: String] = [:]
            for (s, f, passed, grade, day, expected) in saved {
                let k = try s.requireID().uuidString.lowercased()
                let r =
                    try await FinalResult.query(on: db).filter(try \.$group.$id == g.requireID()).filter(
                        try \.$student.$id == s.requireID()
                    )
                    .first()
                    ?? {
                        let r = FinalResult()
                        r.$group.id = try g.requireID()
                        r.$student.id = try s.requireID()
                        r.version = 0
                        return r
                    }()
                if !passed,
                    let cert = try await Certificate.query(on: db).filter(try \.$group.$id == g.requireID()).filter(
                        try \.$student.$id == s.requireID()
                    )
                    .filter(\.$status == Certificate.Status.valid.rawValue).first()
                {
                    var e = FieldErrors()
                    e.add("passed-" + k, AssessmentWords.Results.certificateIssued(cert.number))
                    throw AppError.validation(ValidationFailure(fields: e))
                }
                let line = AssessmentWords.Results.line(
                    form: f.title, passed: passed, grade: grade, day: day.formatted)
                let old =
                    r.id == nil
                    ? nil
                    : AssessmentWords.Results.line(
                        form: AttestationForm(rawValue: r.form)?.title ?? r.form, passed: r.passed, grade: r.grade,
                        day: CivilDay(number: r.resultDay).formatted)
                guard old != line else { continue }
                // An existing result is claimed by its version in the database, so of two saves at once one wins.
                let claimed =
                    r.id == nil
                    ? r.version == expected
                    : try await RegistrySupport.claimVersion(
                        table: FinalResult.schema, id: try r.requireID(), expected: expected, on: db)
                guard claimed else {
                    var e = FieldErrors()
                    e.add("form-" + k, AssessmentWords.Results.changedMeanwhile)
                    throw AppError.validation(ValidationFailure(fields: e))
                }
                r.form = f.rawValue
                r.passed = passed
                r.grade = grade
                r.resultDay = day.number
                r.recordedBy = by
                r.recordedAt = Date()
                r.version = expected + 1
                try await r.save(on: db)
                changes[s.fullName] = (old.map { $0 + " → " } ?? "") + line
            }
            if !changes.isEmpty {
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "final_results", entityID: g.id,
                    title: AssessmentWords.Results.title(g.name),
                    municipalityID: center.$municipality.id, organizationID: center.id, after: changes)
            }
        }
    }
}
