import Domain
import Fluent
import Vapor
import Views

/// The appeal commission's decision on a participant's scores (issue 21, item 3): raised, lowered or unchanged, the
/// old and new scores and the decision kept; the rating recomputes from the new total.
extension OlympiadStageController {
    func appealPage(
        _ board: OlympiadBoard, _ participant: OlympiadParticipant, values: FormValues, errors: FieldErrors,
        zone: TimeZone
    ) throws -> OlympiadAppealPage {
        let scores = OlympiadScores.read(participant.taskScores)
        let maxima = board.grades[participant.gradeCompeted]?.maxima ?? []
        return OlympiadAppealPage(
            stageID: try board.stage.requireID(), stageTitle: board.title, participantID: try participant.requireID(),
            participant:
                "\(participant.student.fullName), \(OlympiadWords.Field.code.lowercased()) \(participant.code)",
            paper: OlympiadParticipantFormPage.paper(grade: participant.gradeCompeted, maxima: maxima),
            current: "\(OlympiadWords.numbers(scores)) — \(OlympiadWords.Field.total.lowercased()) "
                + TalentWords.scoreText(participant.total),
            history: (board.appeals[try participant.requireID()] ?? []).map {
                "\(RegistrySupport.date($0.decidedAt, zone)): "
                    + OlympiadWords.appeal(
                        old: $0.oldTotal, new: $0.newTotal, outcome: AppealOutcome(rawValue: $0.outcome) ?? .unchanged)
                    + " — \($0.note)"
            }, values: values, errors: errors)
    }

    func appealForm(req: Request) async throws -> Response {
        let board = try await OlympiadBoard.load(try await Self.stage(req, .update), on: req.db)
        let participant = try Self.participant(req, board)
        let values = FormValues(single: ["scores": OlympiadWords.numbers(OlympiadScores.read(participant.taskScores))])
        let page = try appealPage(
            board, participant, values: values, errors: .init(), zone: try await RegistrySupport.zone(req))
        return req.render(page.render(await context(req)))
    }

    func recordAppeal(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let participant = try Self.participant(req, board)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let maxima = board.grades[participant.gradeCompeted]?.maxima ?? []
        var scores: [Double] = []
        switch OlympiadScores.scores(form["scores"] ?? "", maxima: maxima) {
        case .success(let numbers): scores = numbers
        case .failure(let problem): errors.add("scores", OlympiadWords.Check.scores(problem))
        }
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty || note.count > 1000 || FieldErrors.hasHiddenControls(note) {
            errors.add("note", OlympiadWords.Check.note)
        }
        guard errors.isEmpty else {
            let page = try appealPage(
                board, participant, values: form, errors: errors, zone: try await RegistrySupport.zone(req))
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        let appeal = OlympiadAppeal()
        appeal.$participant.id = try participant.requireID()
        appeal.$stage.id = try record.requireID()
        appeal.oldScores = participant.taskScores
        appeal.oldTotal = participant.total
        appeal.newScores = OlympiadScores.stored(scores)
        appeal.newTotal = OlympiadScores.total(scores)
        appeal.outcome = AppealOutcome(old: appeal.oldTotal, new: appeal.newTotal).rawValue
        appeal.note = note
        appeal.decidedAt = Date()
        appeal.decidedBy = user.username
        let before = Self.audit(participant)
        let version = participant.version
        participant.taskScores = appeal.newScores
        participant.total = appeal.newTotal
        participant.version = version + 1
        var afterAudit = Self.audit(participant)
        afterAudit[OlympiadWords.Field.note] = note
        let after = afterAudit
        let participantID = try participant.requireID()
        let claimed = try await req.application.writeTransaction { db -> Bool in
            // The scores the commission saw must still be the participant's: a concurrent change loses nothing.
            guard
                try await RegistrySupport.claimVersion(
                    table: OlympiadParticipant.schema, id: participantID, expected: version, on: db)
            else { return false }
            try await OlympiadParticipant.query(on: db).filter(\.$id == participantID)
                .set(\.$taskScores, to: appeal.newScores).set(\.$total, to: appeal.newTotal).update()
            try await appeal.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: record.id,
                title: board.title, municipalityID: record.$municipality.id, organizationID: participant.$school.id,
                before: before, after: after)
            return true
        }
        guard claimed else { throw AppError.conflict(RegistryWords.conflict) }
        return req.redirect(to: OlympiadPaths.rating(try record.requireID()), flash: OlympiadWords.appealSaved)
    }
}
