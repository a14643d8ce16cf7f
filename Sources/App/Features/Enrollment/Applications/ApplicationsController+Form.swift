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
        let (campaign, student) = try await target(req)
        return req.render(
            try await formPage(req, campaign, student, values: FormValues()).render(
                await req.pageContext(active: .applications)))
    }

    func target(_ req: Request) async throws -> (EnrollmentCampaign, Student) {
        let form = RegistrySupport.form(req)
        let cid = (try? req.query.get(String.self, at: "campaign")) ?? form["campaign"]
        let sid = (try? req.query.get(String.self, at: "student")) ?? form["student"]
        guard let cid = cid.flatMap(UUID.init(uuidString:)),
            let campaign = try await EnrollmentCampaign.find(cid, on: req.db),
            let sid = sid.flatMap(UUID.init(uuidString:)),
            let student = try await Student.query(on: req.db).filter(\.$id == sid).with(\.$school).first(),
            campaign.$municipality.id == student.$municipality.id,
            req.can(.create, .application(studentID: sid, school: student.school.ref))
        else {
            throw AppError.notFound(EnrollmentWords.Applications.targetNotFound)
        }
        return (campaign, student)
    }

    func formPage(
        _ req: Request, _ campaign: EnrollmentCampaign, _ student: Student, values: FormValues,
        errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        let zone = try await RegistrySupport.zone(req)
        let groups = try await ApplicationService.eligibleGroups(campaign, student: student, on: req.db)
        let isGuardian = req.currentUser?.actor.has(.guardian, at: Date()) ?? false
        return ApplicationFormPage(
            campaignID: try campaign.requireID(), campaign: campaign.title, mode: campaign.campaignMode,
            maxCourses: campaign.maxCourses,
            choiceSlots: CampaignRules.choiceSlots(maxCourses: campaign.maxCourses), confirmDays: campaign.confirmDays,
            closes: RuDate.formatDateTime(campaign.closesAt, timeZone: zone), studentID: try student.requireID(),
            student: student.fullName, grade: student.grade,
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
        let (campaign, student) = try await target(req)
        let user = try req.requireUser()
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let slots = CampaignRules.choiceSlots(maxCourses: campaign.maxCourses)
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
                try await formPage(req, campaign, student, values: form, errors: errors).render(
                    await req.pageContext(active: .applications)), status: .unprocessableEntity)
        }
        do {
            let outcome = try await ApplicationService.submit(
                campaign: campaign, student: student, choices: choices, guardianAgreement: agreement,
                submittedBy: user.fullName, req: req)
            let message: String
            switch outcome.status {
            case "enrolled":
                message = EnrollmentWords.Applications.held(
                    outcome.choices.filter { $0.status == "enrolled" }.map(\.groupName))
            case "waitlisted": message = EnrollmentWords.Applications.waitlisted(outcome.position ?? 0)
            default: message = EnrollmentWords.Applications.pendingDistribution
            }
            return req.redirect(to: Self.url(outcome.applicationID), flash: message)
        } catch let error as AppError where error.status == .conflict || error.status == .unprocessableEntity {
            var errs = errors
            for (field, message) in error.fields { errs.add(field, message) }
            return req.render(
                try await formPage(
                    req, campaign, student, values: form, errors: errs,
                    conflict: error.fields.isEmpty ? error.reason : nil
                )
                .render(await req.pageContext(active: .applications)),
                status: error.status)
        }
    }
}
