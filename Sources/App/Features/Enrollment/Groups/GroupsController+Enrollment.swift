import Domain
import Fluent
import Vapor
import Views

extension GroupsController {
    /// Finds students of the municipality to enrol: by name, optionally by school and grade.
    func enrollSearch(req: Request) async throws -> Response {
        let (group, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        let text = (try? req.query.get(String.self, at: "q")) ?? ""
        let school = (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:))
        var builder = Student.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).filter(
            \.$status == RecordStatus.active.rawValue)
        let needle = TextKey.needle(text)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        if let school { builder = builder.filter(\.$school.$id == school) }
        let already = Set(
            try await Enrollment.query(on: req.db).filter(try \.$group.$id == group.requireID())
                .filter(\.$status != EnrollmentStatus.withdrawn.rawValue).all().map { $0.$student.id })
        // Children's names are not browsed by who may not read every school's registry (a centre head): such a user
        // finds a child by at least three letters of the name, and sees at most ten.
        let browses = req.can(.read, .student(school: OrgRef(id: UUID(), municipalityID: center.$municipality.id)))
        let limit = browses ? 50 : 10
        let tooShort = !browses && needle.unicodeScalars.filter(CharacterSet.letters.contains).count < 3
        let found = tooShort ? 0 : try await builder.copy().count()
        let students = tooShort ? [] : try await builder.sort(\.$sortKey).with(\.$school).limit(limit).all()
        let schools = try await RegistrySupport.organizationOptions(
            center.$municipality.id, kinds: [.school], on: req.db)
        let page = GroupEnrollSearchPage(
            groupID: try group.requireID(), groupName: group.name, enrolled: group.enrolledCount,
            capacity: group.capacity, q: text,
            school: school?.uuidString.lowercased() ?? "", limit: limit, schools: schools,
            rows: try students.map { student in
                GroupEnrollSearchPage.Row(
                    id: try student.requireID(), name: student.fullName, school: student.school.shortName,
                    grade: "\(student.grade)\(student.letter ?? "")", inGroup: already.contains(try student.requireID())
                )
            },
            found: found, tooShort: tooShort, csrf: req.csrfToken
        ).list
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func enroll(req: Request) async throws -> Response {
        let (group, center) = try await find(req)
        guard let sid = (try? req.query.get(String.self, at: "student")).flatMap(UUID.init(uuidString:)),
            let student = try await Student.find(sid, on: req.db),
            let school = try await Organization.find(student.$school.id, on: req.db),
            school.$municipality.id == center.$municipality.id
        else { throw EnrollmentService.refusal(.studentNotFound) }
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: school.ref))
        let outcome = try await EnrollmentService.enroll(
            studentID: sid, groupID: try group.requireID(), app: req.application, req: req)
        let message: String
        switch outcome {
        case .enrolled:
            message = EnrollmentWords.Groups.enrolled(
                student.fullName, student.sex.flatMap(Sex.init(rawValue:)), group: group.name)
        case .waitlisted(let position):
            message = EnrollmentWords.Groups.waitlisted(student.fullName, position: position)
        }
        return req.redirect(to: SiteURL.record(area, try group.requireID()).path, flash: message)
    }

    func withdrawTarget(_ req: Request) async throws -> (StudyGroup, Organization, Enrollment) {
        let (group, center) = try await find(req)
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        guard let eid = req.parameters.get("enrollment").flatMap(UUID.init(uuidString:)),
            let enrollment = try await Enrollment.query(on: req.db).filter(\.$id == eid).filter(
                try \.$group.$id == group.requireID()
            ).with(
                \.$student
            ).first()
        else {
            throw AppError.notFound(EnrollmentWords.Groups.enrollmentNotFound)
        }
        return (group, center, enrollment)
    }

    func withdrawForm(
        _ req: Request, g group: StudyGroup, center: Organization, e enrollment: Enrollment, values: FormValues,
        errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        // Open groups of the municipality the user may enrol into, with free places: where a transfer can go.
        let targets = try await StudyGroup.query(on: req.db).filter(\.$isOpen == true).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .filter(try \.$id != group.requireID()).with(\.$organization).with(\.$program).sort(\.$name).all()
        .filter {
            $0.organization.$municipality.id == center.$municipality.id && $0.enrolledCount < $0.capacity
                && req.can(.create, .enrollment(group: $0.organization.ref, studentSchool: $0.organization.ref))
        }
        return GroupWithdrawPage(
            groupID: try group.requireID(), groupName: group.name, enrollmentID: try enrollment.requireID(),
            studentName: enrollment.student.fullName,
            targets: try targets.map {
                GroupWithdrawPage.Target(
                    id: try $0.requireID(), name: $0.name, program: $0.program.title,
                    center: $0.organization.shortName, free: $0.capacity - $0.enrolledCount)
            },
            values: values, errors: errors, conflict: conflict
        ).form
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        let (group, center, enrollment) = try await withdrawTarget(req)
        let zone = try await RegistrySupport.zone(req)
        let page = try await withdrawForm(
            req, g: group, center: center, e: enrollment,
            values: FormValues(single: ["date": RuDate.format(Date(), timeZone: zone)])
        )
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func withdraw(req: Request) async throws -> Response {
        let (group, center, enrollment) = try await withdrawTarget(req)
        let zone = try await RegistrySupport.zone(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 200)
        if !reason.isEmpty && !GroupWithdrawPage.reasons.contains(reason) {
            errors.add("reason", EnrollmentWords.Groups.Errors.chooseReason)
        }
        let comment = errors.optional("comment", form["comment"], max: 500)
        if reason == GroupWithdrawPage.reasons.last && comment == nil {
            errors.add("comment", EnrollmentWords.Groups.Errors.explainReason)
        }
        let date = errors.date("date", form["date"], timeZone: zone, required: true)
        if let date, date > Date() { errors.add("date", EnrollmentWords.Groups.Errors.dateInFuture) }
        if let date,
            let created = Calendar(identifier: .gregorian).dateInterval(of: .day, for: enrollment.createdAt)?.start,
            date < created.addingTimeInterval(-86_400)
        {
            errors.add(
                "date",
                EnrollmentWords.Groups.Errors.beforeEnrollment(RuDate.format(enrollment.createdAt, timeZone: zone)))
        }
        var target: StudyGroup?
        if let raw = form["target"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw),
                let candidate = try await StudyGroup.query(on: req.db).filter(\.$id == id).with(\.$organization)
                    .first(),
                candidate.organization.$municipality.id == center.$municipality.id,
                req.can(
                    .create, .enrollment(group: candidate.organization.ref, studentSchool: candidate.organization.ref))
            else {
                errors.add("target", EnrollmentWords.Groups.Errors.chooseGroup)
                return try await withdrawError(req, group, center, enrollment, form, errors)
            }
            target = candidate
        }
        guard errors.isEmpty, let date else {
            return try await withdrawError(req, group, center, enrollment, form, errors)
        }
        let full = reason + (comment.map { ": \($0)" } ?? "")
        do {
            if let target {
                try await EnrollmentService.transfer(
                    enrollmentID: try enrollment.requireID(), to: try target.requireID(), on: date, reason: full,
                    app: req.application, req: req)
                return req.redirect(
                    to: SiteURL.record(area, try group.requireID()).path,
                    flash: EnrollmentWords.Groups.transferred(
                        enrollment.student.fullName, enrollment.student.sex.flatMap(Sex.init(rawValue:)),
                        group: target.name))
            }
            try await EnrollmentService.withdraw(
                enrollmentID: try enrollment.requireID(), on: date, reason: full, app: req.application, req: req)
        } catch let error as AppError where error.status == .conflict {
            let page = try await withdrawForm(
                req, g: group, center: center, e: enrollment, values: form, conflict: error.reason)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(area, try group.requireID()).path,
            flash: EnrollmentWords.Groups.withdrawn(
                enrollment.student.fullName, enrollment.student.sex.flatMap(Sex.init(rawValue:))))
    }

    func withdrawError(
        _ req: Request, _ group: StudyGroup, _ center: Organization, _ enrollment: Enrollment, _ form: FormValues,
        _ errors: FieldErrors
    ) async throws -> Response {
        let page = try await withdrawForm(req, g: group, center: center, e: enrollment, values: form, errors: errors)
        return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
    }
}
