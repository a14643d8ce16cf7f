import Domain
import Fluent
import Vapor
import Views

/// Preparation sessions: added with their date, hours, trainer, centre and topic; deleted after a confirmation page.
extension OlympiadRegionalController {
    func addSession(req: Request) async throws -> Response {
        let record = try await OlympiadStageController.stage(req, .read)
        guard record.status == RecordStatus.active.rawValue else { throw AppError.conflict(RegistryWords.notEditable) }
        let municipalityID = record.$municipality.id
        let form = RegistrySupport.form(req)
        let zone = try await RegistrySupport.zone(req)
        var errors = FieldErrors()
        let centers = try await Self.centers(req, record)
        guard !centers.isEmpty else { throw AppError.forbidden }
        let center = form["center"].flatMap { raw in centers.first { $0.value == raw.lowercased() } }
            .flatMap { UUID(uuidString: $0.value) }
        if center == nil { errors.add("center", OlympiadWords.Session.center) }
        let heldOn = errors.date("heldOn", form["heldOn"], timeZone: zone, required: true)
        let hours = Double(
            (form["hours"] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
        if hours == nil || !(0.5...12).contains(hours!) { errors.add("hours", OlympiadWords.Session.hours) }
        let trainers = try await Self.trainers(req, record, centers: centers)
        let written = (form["trainer"] ?? "").trimmingCharacters(in: .whitespaces)
        var registryTrainer: StaffMember?
        if let raw = form["trainerId"], !raw.isEmpty {
            registryTrainer = UUID(uuidString: raw).flatMap { id in trainers.first { $0.id == id } }
            if registryTrainer == nil { errors.add("trainerId", OlympiadWords.Session.trainerChoice) }
            if !written.isEmpty { errors.add("trainer", OlympiadWords.Session.trainerTwice) }
        } else if written.isEmpty || written.count > 200 || FieldErrors.hasHiddenControls(written) {
            errors.add("trainer", OlympiadWords.Session.trainer)
        }
        let topic = (form["topic"] ?? "").trimmingCharacters(in: .whitespaces)
        if topic.isEmpty || topic.count > 300 || FieldErrors.hasHiddenControls(topic) {
            errors.add("topic", OlympiadWords.Session.topic)
        }
        guard errors.isEmpty, let center, let heldOn, let hours else {
            return try await render(
                req, record, values: form, errors: errors, failed: .session, status: .unprocessableEntity)
        }
        try req.authorize(.create, .olympiadTraining(center: OrgRef(id: center, municipalityID: municipalityID)))
        let session = OlympiadTrainingSession()
        session.$stage.id = try record.requireID()
        session.$municipality.id = municipalityID
        session.$center.id = center
        session.heldOn = heldOn
        session.hours = (hours * 100).rounded() / 100
        session.$trainerStaff.id = registryTrainer?.id
        session.trainer = registryTrainer?.fullName ?? written
        session.trainerOutside = registryTrainer?.isOutsideTrainer ?? form.all("trainerOutside").contains("yes")
        session.topic = topic
        session.createdBy = try req.requireUser().username
        session.createdAt = Date()
        let title = OlympiadStagesSection.title(record)
        try await req.application.writeTransaction { db in
            try await session.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "olympiad_stage", entityID: record.id, title: title,
                municipalityID: municipalityID, organizationID: center, before: nil,
                after: Self.audit(session, zone: zone))
        }
        return req.redirect(to: OlympiadRegionalPage.path(try record.requireID()), flash: OlympiadWords.sessionAdded)
    }

    /// The staff registry's trainers the user may name for a session of their centres: the centres' staff, the
    /// network's teachers and the municipality's outside trainers (`AchievementPreparers.options`).
    static func trainers(
        _ req: Request, _ record: OlympiadStage, centers: [(value: String, title: String)]
    ) async throws -> [StaffMember] {
        try await AchievementPreparers.options(
            schools: centers.compactMap { UUID(uuidString: $0.value) }, municipalityID: record.$municipality.id,
            on: req.db)
    }

    static func audit(_ session: OlympiadTrainingSession, zone: TimeZone) -> [String: String] {
        [
            OlympiadWords.sessionNoun: OlympiadWords.sessionLine(
                date: RegistrySupport.date(session.heldOn, zone), hours: session.hours, trainer: session.trainer,
                outside: session.trainerOutside, topic: session.topic)
        ]
    }

    /// The session of the path within the stage, authorised for deletion.
    func session(_ req: Request) async throws -> (OlympiadStage, OlympiadTrainingSession) {
        let record = try await OlympiadStageController.stage(req, .read)
        guard record.status == RecordStatus.active.rawValue else { throw AppError.conflict(RegistryWords.notEditable) }
        guard let session = try await OlympiadTrainingSession.find(try req.idParameter("session"), on: req.db),
            session.$stage.id == record.id
        else { throw AppError.notFound() }
        try req.authorize(
            .archive, .olympiadTraining(center: OrgRef(id: session.$center.id, municipalityID: record.$municipality.id))
        )
        return (record, session)
    }

    func deleteConfirm(req: Request) async throws -> Response {
        let (record, session) = try await session(req)
        let id = try record.requireID()
        let page = ConfirmPage(
            title: OlympiadWords.sessionNoun, question: OlympiadWords.sessionDeleteQuestion,
            consequence: OlympiadWords.sessionDeleteConsequence,
            action: OlympiadRegionalPage.sessions(id) + "/\(try session.requireID().uuidString.lowercased())/delete",
            button: OlympiadWords.sessionDeleteButton, cancelURL: OlympiadRegionalPage.path(id),
            crumbs: [
                Crumb(MenuArea.registry(.olympiadStages).title, SiteURL.list(.olympiadStages).path),
                Crumb(OlympiadStagesSection.title(record), OlympiadPaths.stage(id)),
            ])
        return req.render(page.render(await req.pageContext(active: .registry(.olympiadStages))))
    }

    func delete(req: Request) async throws -> Response {
        let (record, session) = try await session(req)
        let zone = try await RegistrySupport.zone(req)
        let title = OlympiadStagesSection.title(record)
        let before = Self.audit(session, zone: zone)
        try await req.application.writeTransaction { db in
            try await OlympiadTrainingSession.query(on: db).filter(\.$id == session.requireID()).delete()
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: record.id, title: title,
                municipalityID: record.$municipality.id, organizationID: session.$center.id, before: before,
                after: [OlympiadWords.sessionNoun: ""])
        }
        return req.redirect(to: OlympiadRegionalPage.path(try record.requireID()), flash: OlympiadWords.sessionDeleted)
    }
}
