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

    func page(
        _ req: Request, _ attestedGroup: AttestedGroup, values: FormValues? = nil, errors: FieldErrors = FieldErrors()
    )
        async throws
        -> ResultsPage
    {
        let group = attestedGroup.scheduled.group
        let summary = try await JournalService.groupSummary(group, on: req.db)
        let results = try await FinalResult.query(on: req.db).filter(try \.$group.$id == group.requireID()).all()
        var stored = FormValues()
        for result in results {
            let key = result.$student.id.uuidString.lowercased()
            stored["form-" + key] = result.form
            stored["passed-" + key] = result.passed ? "yes" : "no"
            stored["grade-" + key] = result.grade ?? ""
            stored["day-" + key] = CivilDay(number: result.resultDay).formatted
        }
        let mayEdit = req.can(.update, attestedGroup.resource) && attestedGroup.finished
        return ResultsPage(
            title: AssessmentWords.Results.title(group.name),
            crumbs: AssessmentWords.crumbs(group: group.name, url: SiteURL.record(.groups, try group.requireID()).path),
            intro: AssessmentWords.Results.intro(
                program: group.program.title, center: attestedGroup.scheduled.center.shortName),
            action: mayEdit ? SiteURL.record(.groups, try group.requireID()).path + "/results" : nil,
            notice: attestedGroup.finished ? nil : AttestationRules.unfinishedMessage(attestedGroup.lastDay),
            rows: try summary.students.map { student in
                let attendance = summary.attendance[try student.requireID()] ?? StudentAttendance()
                return ResultsPage.Row(
                    studentID: try student.requireID().uuidString.lowercased(),
                    name: student.shownName(at: attestedGroup.scheduled.center.ref, req: req, marks: mayEdit),
                    attendance: AssessmentWords.attendance(
                        percent: attendance.percent, attended: attendance.attendedHours,
                        delivered: attendance.deliveredHours),
                    version: results.first { $0.$student.id == student.id }?.version ?? 0)
            },
            values: values ?? stored, errors: errors)
    }

    func show(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .read)
        return req.render(try await page(req, attestedGroup).render(await req.pageContext(active: .registry(.groups))))
    }

    func save(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .update)
        guard attestedGroup.finished else {
            throw AppError.conflict(AttestationRules.unfinishedMessage(attestedGroup.lastDay))
        }
        let form = RegistrySupport.form(req)
        let students = try await JournalService.groupSummary(attestedGroup.scheduled.group, on: req.db).students
        let today = CivilDay(Date(), timeZone: attestedGroup.scheduled.zone)
        var errors = FieldErrors()
        var rows: [(Student, AttestationForm, Bool, String?, CivilDay, Int)] = []
        for student in students {
            let key = try student.requireID().uuidString.lowercased()
            let rawForm = form["form-" + key] ?? ""
            let rawPassed = form["passed-" + key] ?? ""
            if rawForm.isEmpty && rawPassed.isEmpty { continue }
            let attestationForm = errors.choice("form-" + key, rawForm, as: AttestationForm.self)
            let passed: Bool? = rawPassed == "yes" ? true : rawPassed == "no" ? false : nil
            if passed == nil { errors.add("passed-" + key, AssessmentWords.Results.choosePassed) }
            let grade = errors.optional("grade-" + key, form["grade-" + key], max: 20)
            let day = errors.day("day-" + key, form["day-" + key], required: false) ?? today
            if day > today { errors.add("day-" + key, AssessmentWords.Results.dayInFuture) }
            if let attestationForm, let passed {
                rows.append((student, attestationForm, passed, grade, day, form["v-" + key].flatMap(Int.init) ?? -1))
            }
        }
        if rows.isEmpty && errors.isEmpty {
            errors.add(
                "form-" + (students.first?.id?.uuidString.lowercased() ?? "x"),
                AssessmentWords.Results.noneEntered)
        }
        guard errors.isEmpty else {
            return req.render(
                try await page(req, attestedGroup, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .unprocessableEntity)
        }
        let group = attestedGroup.scheduled.group
        let center = attestedGroup.scheduled.center
        let by = req.currentUser?.fullName ?? ""
        let saved = rows
        do {
            try await writeResults(saved, group: group, center: center, by: by, req: req)
        } catch let error as AppError where error.code == "validation" {
            for (field, message) in error.fields { errors.add(field, message) }
            return req.render(
                try await page(req, attestedGroup, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .conflict)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            errors.add(
                "form-" + (saved.first?.0.id?.uuidString.lowercased() ?? "x"),
                AssessmentWords.Results.enteredMeanwhile)
            return req.render(
                try await page(req, attestedGroup, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.groups))), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(.groups, try group.requireID()).path + "/results", flash: AssessmentWords.Results.saved)
    }

    /// Writes the rows in one transaction: each claims the version its form was made from; a result turned to «не
    /// зачтено» while a valid certificate stands is refused.
    func writeResults(
        _ saved: [(Student, AttestationForm, Bool, String?, CivilDay, Int)], group studyGroup: StudyGroup,
        center: Organization,
        by: String,
        req: Request
    ) async throws {
        try await req.application.writeTransaction { db in
            var changes: [String: String] = [:]
            for (student, attestationForm, passed, grade, day, expected) in saved {
                let key = try student.requireID().uuidString.lowercased()
                let result =
                    try await FinalResult.query(on: db).filter(try \.$group.$id == studyGroup.requireID()).filter(
                        try \.$student.$id == student.requireID()
                    )
                    .first()
                    ?? {
                        let created = FinalResult()
                        created.$group.id = try studyGroup.requireID()
                        created.$student.id = try student.requireID()
                        created.version = 0
                        return created
                    }()
                if !passed,
                    let cert = try await Certificate.query(on: db).filter(try \.$group.$id == studyGroup.requireID())
                        .filter(
                            try \.$student.$id == student.requireID()
                        )
                        .filter(\.$status == Certificate.Status.valid.rawValue).first()
                {
                    var errors = FieldErrors()
                    errors.add("passed-" + key, AssessmentWords.Results.certificateIssued(cert.number))
                    throw AppError.validation(ValidationFailure(fields: errors))
                }
                let line = AssessmentWords.Results.line(
                    form: attestationForm.title, passed: passed, grade: grade, day: day.formatted)
                let old =
                    result.id == nil
                    ? nil
                    : AssessmentWords.Results.line(
                        form: AttestationForm(rawValue: result.form)?.title ?? result.form, passed: result.passed,
                        grade: result.grade,
                        day: CivilDay(number: result.resultDay).formatted)
                guard old != line else { continue }
                // An existing result is claimed by its version in the database, so of two saves at once one wins.
                let claimed =
                    result.id == nil
                    ? result.version == expected
                    : try await RegistrySupport.claimVersion(
                        table: FinalResult.schema, id: try result.requireID(), expected: expected, on: db)
                guard claimed else {
                    var errors = FieldErrors()
                    errors.add("form-" + key, AssessmentWords.Results.changedMeanwhile)
                    throw AppError.validation(ValidationFailure(fields: errors))
                }
                result.form = attestationForm.rawValue
                result.passed = passed
                result.grade = grade
                result.resultDay = day.number
                result.recordedBy = by
                result.recordedAt = Date()
                result.version = expected + 1
                try await result.save(on: db)
                changes[student.fullName] = (old.map { $0 + " → " } ?? "") + line
            }
            if !changes.isEmpty {
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "final_results", entityID: studyGroup.id,
                    title: AssessmentWords.Results.title(studyGroup.name),
                    municipalityID: center.$municipality.id, organizationID: center.id, after: changes)
                try await CertificateService.refreshDue(groups: [try studyGroup.requireID()], on: db)
            }
        }
    }
}
