import Documents
import Domain
import Fluent
import Vapor
import Views

/// The rating tables and the protocol of a stage, and the methodologist's decision on a tie.
extension OlympiadStageController {
    /// The grades' tables as the reader may see them: a school's reader gets its own students' lines with the places
    /// of the whole grade.
    static func ratingGrades(_ board: OlympiadBoard, visible: Set<UUID>?, zone: TimeZone) -> [OlympiadRatingPage.Grade]
    {
        let tables = board.tables()
        let participants = Dictionary(board.participants.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        return tables.keys.sorted().compactMap { grade in
            guard let table = tables[grade] else { return nil }
            let settings = board.grades[grade]
            let rows: [OlympiadRatingPage.Row] = table.rows.compactMap { row in
                guard let participant = participants[row.entry.id],
                    visible == nil || visible!.contains(participant.$school.id)
                else { return nil }
                let appeal = board.appeals[row.entry.id]?.last.map {
                    OlympiadWords.appeal(
                        old: $0.oldTotal, new: $0.newTotal, outcome: AppealOutcome(rawValue: $0.outcome) ?? .unchanged)
                }
                return .init(
                    participantID: row.entry.id, place: row.place, code: participant.code,
                    name: participant.student.fullName, school: participant.school.shortName,
                    gradeStudied: participant.gradeStudied, scores: OlympiadScores.read(participant.taskScores),
                    total: participant.total, status: row.status, appeal: appeal)
            }
            var decision: String?
            if let settings, let choice = settings.decision?.choice, !table.staleDecision {
                decision = OlympiadWords.decision(
                    choice: choice, reason: settings.tieReason ?? "", by: settings.tieDecidedBy ?? "",
                    on: RegistrySupport.date(settings.tieDecidedAt, zone))
            }
            return .init(
                grade: grade, maximum: settings?.maximum ?? 0, participants: table.rows.count, quota: table.quota,
                tie: table.tie, staleDecision: table.staleDecision, decision: decision, rows: rows)
        }
    }

    func rating(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .read)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let visible = try Self.visibleSchools(req, record)
        let page = OlympiadRatingPage(
            stageID: try record.requireID(), stageTitle: board.title, rules: record.rules,
            grades: Self.ratingGrades(board, visible: visible, zone: try await RegistrySupport.zone(req)),
            partial: visible != nil,
            canEdit: record.status == RecordStatus.active.rawValue
                && req.can(.update, .olympiadStage(municipalityID: record.$municipality.id)))
        return req.render(page.render(await context(req)))
    }

    func protocolXLSX(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .read)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let grades = Self.ratingGrades(
            board, visible: try Self.visibleSchools(req, record), zone: try await RegistrySupport.zone(req))
        let data = try XLSXWriter.workbook(
            sheetName: OlympiadWords.protocolSheet, header: OlympiadWords.protocolColumns,
            rows: grades.flatMap { grade in
                grade.rows.map {
                    [
                        String(grade.grade), $0.place, $0.code, $0.name, $0.school, String($0.gradeStudied),
                        OlympiadWords.numbers($0.scores), TalentWords.scoreText($0.total),
                        TalentWords.scoreText(grade.maximum), OlympiadWords.status($0.status), $0.appeal ?? "",
                    ]
                }
            })
        let name = "protokol-\(try record.requireID().uuidString.prefix(8).lowercased()).xlsx"
        return Response.download(data, name: name, type: .xlsx)
    }

    func decideTie(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let stageID = try record.requireID()
        let form = RegistrySupport.form(req)
        guard let grade = form["grade"].flatMap(Int.init), OlympiadWords.grades.contains(grade) else {
            throw AppError.badRequest(OlympiadWords.Check.noTie)
        }
        let board = try await OlympiadBoard.load(record, on: req.db)
        guard let tie = board.tables()[grade]?.tie, let settings = board.grades[grade] else {
            throw AppError.conflict(OlympiadWords.Check.noTie)
        }
        guard let choice = form["choice"].flatMap(TieChoice.init(rawValue:)) else {
            throw AppError.badRequest(OlympiadWords.Check.chooseTie)
        }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw AppError.badRequest(OlympiadWords.Check.tieReason) }
        let user = try req.requireUser()
        let before = settings.decision.map { "\($0.choice.title) (\(TalentWords.points($0.total)))" } ?? ""
        let after = "\(choice.title) (\(TalentWords.points(tie.total))): \(reason)"
        let title = board.title
        try await req.application.writeTransaction { db in
            settings.tieChoice = choice.rawValue
            settings.tieTotal = tie.total
            settings.tieReason = reason
            settings.tieDecidedBy = user.username
            settings.tieDecidedAt = Date()
            try await settings.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: stageID, title: title,
                municipalityID: record.$municipality.id, organizationID: nil,
                before: [OlympiadWords.tieField(grade): before], after: [OlympiadWords.tieField(grade): after])
        }
        return req.redirect(to: OlympiadPaths.rating(stageID), flash: OlympiadWords.tieSaved)
    }
}
