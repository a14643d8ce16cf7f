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
            throw AppError.notFound("Кампания или обучающийся не найдены.")
        }
        return (c, s)
    }

    func formPage(
        _ req: Request, _ c: EnrollmentCampaign, _ s: Student, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        let zone = try await RegistrySupport.zone(req)
        let groups = try await ApplicationService.eligibleGroups(c, student: s, on: req.db)
        let options = try groups.map {
            (
                try $0.requireID().uuidString.lowercased(),
                "\($0.program.title) — \($0.name), \($0.organization.shortName) (свободно "
                    + "\(max(0, $0.capacity - $0.enrolledCount)) из \($0.capacity))"
            )
        }
        let slots = CampaignRules.choiceSlots(maxCourses: c.maxCourses)
        var fields = (1...slots).map { i in
            FieldSpec(
                "choice\(i)", i == 1 ? "Курс — приоритет 1" : "Приоритет \(i)",
                .select(options, empty: i == 1 ? "— выберите курс —" : "— не выбран —"), required: i == 1)
        }
        let isGuardian = req.currentUser?.actor.has(.guardian, at: Date()) ?? false
        if isGuardian {
            fields.append(
                FieldSpec(
                    "agree", "Согласие родителя (законного представителя)",
                    .checkboxes([
                        ("yes", "Я, \(try guardianName(req)), согласен(на) с индивидуальным учебным планом ребёнка")
                    ]), required: true))
        }
        let how =
            c.campaignMode == .firstCome
            ? "Места даются в порядке подачи: ответ — сразу (зачислен или место в листе ожидания). Заявку должны "
                + "подтвердить родитель и школа в течение "
                + "\(RussianPlural.count(c.confirmDays, "дня", "дней", "дней")), иначе место освободится."
            : "Места распределяются после закрытия приёма (\(RuDate.formatDateTime(c.closesAt, timeZone: zone))) "
                + "жеребьёвкой: каждому по очереди — самый приоритетный курс со свободным местом. До распределения "
                + "заявку должны подтвердить родитель и школа."
        return RegistryForm(
            title: "ИУП: \(s.fullName)", crumbs: [Crumb("Мои заявки", "/applications")],
            action:
                "/applications/new?campaign=\(try c.requireID().uuidString.lowercased())&student=\(try s.requireID().uuidString.lowercased())",
            cancelURL: "/applications",
            fields: fields, values: values, errors: errors, conflict: conflict,
            intro: "\(c.title). Можно получить курсов: \(c.maxCourses). " + how
                + (groups.isEmpty ? " Для \(s.grade) класса курсов в этой кампании нет." : ""))
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
                errors.add("choice\(i)", "Выберите курс из списка.")
                continue
            }
            if choices.contains(id) {
                errors.add("choice\(i)", "Этот курс уже выбран выше.")
            } else {
                choices.append(id)
            }
        }
        if choices.isEmpty { errors.add("choice1", "Выберите хотя бы один курс.") }
        var agreement: String?
        if user.actor.has(.guardian, at: Date()) {
            if !form.all("agree").contains("yes") {
                errors.add("agree", "Без согласия родителя заявка не будет рассмотрена: отметьте согласие.")
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
                message =
                    "Заявка подана: место удержано — "
                    + o.choices.filter { $0.status == "enrolled" }.map { "«\($0.groupName)»" }.joined(separator: ", ")
                    + ". Дождитесь подтверждения."
            case "waitlisted": message = "Заявка подана: мест нет, вы в листе ожидания — место № \(o.position ?? 0)."
            default: message = "Заявка подана. Места распределят после закрытия приёма заявок."
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
