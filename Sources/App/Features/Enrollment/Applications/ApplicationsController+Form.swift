import Documents
import Domain
import Fluent
import Vapor
import Views

/// The ИУП form: who may fill it for which child, the form page and its submission.
extension ApplicationsController {
    /// Who gives the guardian's agreement: the signed-in guardian, by the account's name — never a name typed in or
    /// taken from an invitation meant for someone else.
    func guardianName(_ req: Request) throws -> String {
        try req.requireUser().fullName
    }

    func newForm(req: Request) async throws -> Response {
        let (c, s) = try await target(req)
        return req.render(
            try await formPage(req, c, s, values: FormValues()).render(await req.pageContext(active: .applications)))
    }

    func target(_ req: Request) async throws -> (EnrollmentCampaign, Student) {
        let form = RegistrySupport.form(req)
        let cid = (try? req.query.get(String.self, at: "campaign")) ?? form["campaign"]
        let sid = (try? req.query.get(String.self, at: "student")) ?? form["student"]
        guard let cid = cid.flatMap(UUID.init(uuidString:)), let c = try await EnrollmentCampaign.find(cid, on: req.db),
            let sid = sid.flatMap(UUID.init(uuidString:)),
            let s = try await Student.query(on: req.db).filter(\.$id == sid).with(\.$school).first(),
            c.$municipality.id == s.$municipality.id,
            req.can(.create, .application(studentID: sid, school: s.school.ref))
        else {
            throw AppError.notFound(EnrollmentWords.Applications.targetNotFound)
        }
        return (c, s)
    }

    func formPage(
        _ req: Request, _ c: EnrollmentCampaign, _ s: Student, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        let zone = try await RegistrySupport.zone(req)
        let groups = try await ApplicationService.eligibleGroups(c, student: s, on: req.db)
        let isGuardian = req.currentUser?.actor.has(.guardian, at: Date()) ?? false
        return ApplicationFormPage(
            campaignID: try c.requireID(), campaign: c.title, mode: c.campaignMode, maxCourses: c.maxCourses,
            choiceSlots: CampaignRules.choiceSlots(maxCourses: c.maxCourses), confirmDays: c.confirmDays,
            closes: RuDate.formatDateTime(c.closesAt, timeZone: zone), studentID: try s.requireID(),
            student: s.fullName, grade: s.grade,
            groups: try groups.map {
                ApplicationFormPage.Group(
                    id: try $0.requireID(), name: $0.name, program: $0.program.title,
                    center: $0.organization.shortName, free: max(0, $0.capacity - $0.enrolledCount),
                    capacity: $0.capacity)
            },
            guardian: isGuardian ? try guardianName(req) : nil, values: values, errors: errors, conflict: conflict
        ).form
    }

    func submit(req: Request) async throws -> Response {
        let (c, s) = try await target(req)
        let user = try req.requireUser()
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let slots = CampaignRules.choiceSlots(maxCourses: c.maxCourses)
        var choices: [UUID] = []
        for i in 1...slots {
            guard let raw = form["choice\(i)"], !raw.isEmpty else { continue }
            guard let id = UUID(uuidString: raw) else {
                errors.add("choice\(i)", EnrollmentWords.Applications.Errors.chooseCourse)
                continue
            }
            if choices.contains(id) {
                errors.add("choice\(i)", EnrollmentWords.Applications.Errors.courseTwice)
            } else {
                choices.append(id)
            }
        }
        if choices.isEmpty { errors.add("choice1", EnrollmentWords.Applications.Errors.chooseOne) }
        var agreement: String?
        if user.actor.has(.guardian, at: Date()) {
            if !form.all("agree").contains("yes") {
                errors.add("agree", EnrollmentWords.Applications.Errors.agreementMissing)
            }
            if errors["agree"] == nil { agreement = try guardianName(req) }
        }
        guard errors.isEmpty else {
            return req.render(
                try await formPage(req, c, s, values: form, errors: errors).render(
                    await req.pageContext(active: .applications)), status: .unprocessableEntity)
        }
        do {
            let o = try await ApplicationService.submit(
                campaign: c, student: s, choices: choices, guardianAgreement: agreement,
                submittedBy: user.fullName, req: req)
            let message: String
            switch o.status {
            case "enrolled":
                message = EnrollmentWords.Applications.held(
                    o.choices.filter { $0.status == "enrolled" }.map(\.groupName))
            case "waitlisted": message = EnrollmentWords.Applications.waitlisted(o.position ?? 0)
            default: message = EnrollmentWords.Applications.pendingDistribution
            }
            return req.redirect(to: Self.url(o.applicationID), flash: message)
        } catch let e as AppError where e.status == .conflict || e.status == .unprocessableEntity {
            var errs = errors
            for (k, v) in e.fields { errs.add(k, v) }
            return req.render(
                try await formPage(req, c, s, values: form, errors: errs, conflict: e.fields.isEmpty ? e.reason : nil)
                    .render(await req.pageContext(active: .applications)),
                status: e.status)
        }
    }
}
