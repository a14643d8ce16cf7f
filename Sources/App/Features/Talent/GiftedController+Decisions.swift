import Domain
import Fluent
import Vapor
import Views

/// The administrator's rule and the КМЦ's decisions.
extension GiftedController {
    func ruleForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .giftedRule(municipalityID: municipalityID))
        let rule = try await GiftedBank.rule(municipalityID, on: req.db)
        let page = GiftedRuleFormPage(
            values: FormValues(single: [
                "minLevel": rule.minLevel.rawValue, "minResult": rule.minResult.rawValue, "years": String(rule.years),
            ]))
        return req.render(page.render(await context(req)))
    }

    func saveRule(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .giftedRule(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let level = errors.choice("minLevel", form["minLevel"], as: ContestLevel.self)
        let result = errors.choice("minResult", form["minResult"], as: AchievementResult.self)
        let years = errors.integer("years", form["years"], range: GiftedRule.yearChoices, required: true)
        guard errors.isEmpty, let level, let result, let years else {
            return req.render(
                GiftedRuleFormPage(values: form, errors: errors).render(await context(req)),
                status: .unprocessableEntity)
        }
        let before = try await GiftedBank.rule(municipalityID, on: req.db)
        let rule = GiftedRule(minLevel: level, minResult: result, years: years)
        let username = try req.requireUser().username
        try await req.application.writeTransaction { db in
            let record =
                try await GiftedRuleRecord.query(on: db).filter(\.$municipality.$id == municipalityID).first()
                ?? GiftedRuleRecord()
            record.$municipality.id = municipalityID
            record.minLevel = level.rawValue
            record.minResult = result.rawValue
            record.years = years
            record.updatedBy = username
            record.updatedAt = Date()
            record.version = (record.id == nil ? 0 : record.version) + 1
            try await record.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "gifted_rule", entityID: record.id,
                title: OlympiadWords.Gifted.ruleTitle, municipalityID: municipalityID, organizationID: nil,
                before: [OlympiadWords.Gifted.ruleTitle: before.text],
                after: [OlympiadWords.Gifted.ruleTitle: rule.text])
        }
        return req.redirect(to: SiteURL.list(.gifted).path, flash: OlympiadWords.Gifted.ruleSaved)
    }

    /// The student a decision would be about: one of the municipality's active students with consent.
    static func candidate(_ req: Request, _ raw: String?) async throws -> Student? {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first(),
            student.status == RecordStatus.active.rawValue
        else { return nil }
        let resource = Resource.gifted(
            school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id), shared: student.hasConsent
        )
        return req.can(.create, resource) ? student : nil
    }

    static func title(_ student: Student) -> String {
        "\(student.fullName), \(student.grade) класс, \(student.school.shortName)"
    }

    func decisionForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .gifted(school: OrgRef(id: UUID(), municipalityID: municipalityID), shared: true))
        let raw = try? req.query.get(String.self, at: "student")
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        var found: [(id: UUID, title: String)] = []
        let needle = TextKey.needle(q)
        if needle.count >= 3 {
            found = try await Student.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue).filter(\.$consentOn != nil)
                .filter(\.$consentWithdrawnAt == nil).filter(\.$searchKey ~~ needle).sort(\.$sortKey).limit(20)
                .with(\.$school).all().map { ($0.id!, Self.title($0)) }
        }
        let student = try await Self.candidate(req, raw).map { ($0.id!, Self.title($0)) }
        let page = GiftedDecisionPage(q: q, found: found, student: student, values: FormValues())
        return req.render(page.render(await context(req)))
    }

    func decide(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .gifted(school: OrgRef(id: UUID(), municipalityID: municipalityID), shared: true))
        let form = RegistrySupport.form(req)
        guard let student = try await Self.candidate(req, form["student"]), let studentID = student.id else {
            throw AppError.badRequest(OlympiadWords.Gifted.chooseStudent)
        }
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 1000)
        if try await GiftedDecision.query(on: req.db).filter(\.$student.$id == studentID).first() != nil {
            errors.add("reason", OlympiadWords.Gifted.alreadyDecided)
        }
        guard errors.isEmpty else {
            let page = GiftedDecisionPage(
                q: "", found: [], student: (studentID, Self.title(student)), values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let decision = GiftedDecision()
        decision.$municipality.id = student.$municipality.id
        decision.$school.id = student.$school.id
        decision.$student.id = studentID
        decision.reason = reason
        decision.decidedBy = try req.requireUser().username
        decision.decidedAt = Date()
        do {
            try await req.application.writeTransaction { db in
                try await decision.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "student", entityID: studentID,
                    title: student.fullName, municipalityID: municipalityID, organizationID: student.$school.id,
                    before: nil, after: [OlympiadWords.Gifted.decisionField: reason])
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw AppError.conflict(OlympiadWords.Gifted.alreadyDecided)
        }
        return req.redirect(to: SiteURL.record(.gifted, studentID).path, flash: OlympiadWords.Gifted.decided)
    }

    func removeConfirm(req: Request) async throws -> Response {
        let (student, decision) = try await Self.decision(req)
        let page = ConfirmPage(
            title: OlympiadWords.Gifted.removeTitle, question: OlympiadWords.Gifted.removeQuestion(student.fullName),
            consequence: OlympiadWords.Gifted.removeConsequence(decision.reason),
            action: GiftedPaths.decisionDelete(try student.requireID()), button: OlympiadWords.Gifted.removeButton,
            cancelURL: SiteURL.record(.gifted, try student.requireID()).path,
            crumbs: [Crumb(MenuArea.registry(.gifted).title, SiteURL.list(.gifted).path)])
        return req.render(page.render(await context(req)))
    }

    func remove(req: Request) async throws -> Response {
        let (student, decision) = try await Self.decision(req)
        let studentID = try student.requireID()
        try await req.application.writeTransaction { db in
            try await GiftedDecision.query(on: db).filter(\.$id == decision.requireID()).delete()
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "student", entityID: studentID, title: student.fullName,
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                before: [OlympiadWords.Gifted.decisionField: decision.reason],
                after: [OlympiadWords.Gifted.decisionField: ""])
        }
        return req.redirect(to: SiteURL.list(.gifted).path, flash: OlympiadWords.Gifted.removed)
    }

    /// The student of the path and their decision, for who may remove it.
    static func decision(_ req: Request) async throws -> (Student, GiftedDecision) {
        guard let student = try await Student.find(try req.idParameter(), on: req.db) else { throw AppError.notFound() }
        try req.authorize(
            .archive,
            .gifted(
                school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id),
                shared: student.hasConsent))
        guard
            let decision = try await GiftedDecision.query(on: req.db).filter(\.$student.$id == student.requireID())
                .first()
        else { throw AppError.notFound(OlympiadWords.Gifted.noDecision) }
        return (student, decision)
    }
}
