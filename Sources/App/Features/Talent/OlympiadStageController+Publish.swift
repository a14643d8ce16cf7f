import Domain
import Fluent
import Vapor
import Views

/// The methodologist approves a stage's results (issue 21, item 3): every participant's status, total and place go
/// into the achievements of the ВсОШ's municipal edition (a school's earlier entry of the same result is brought in
/// line), each audited; the stage is published — its public protocol names only students whose guardians consented
/// to publication, as surname, initials, grade and score (152-ФЗ art. 10.1).
extension OlympiadStageController {
    func publishConfirm(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let id = try record.requireID()
        let page = ConfirmPage(
            title: OlympiadWords.publishTitle, question: OlympiadWords.publishQuestion(board.participants.count),
            consequence: OlympiadWords.publishConsequence, action: OlympiadPaths.publish(id),
            button: OlympiadWords.publishButton, cancelURL: OlympiadPaths.rating(id),
            crumbs: [
                Crumb(MenuArea.registry(.olympiadStages).title, SiteURL.list(.olympiadStages).path),
                Crumb(board.title, OlympiadPaths.stage(id)),
            ])
        return req.render(page.render(await context(req)))
    }

    func publish(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let tables = board.tables()
        guard !board.participants.isEmpty else { throw AppError.conflict(OlympiadWords.Check.nothingToPublish) }
        guard !tables.values.contains(where: { $0.tie != nil && $0.tie?.decided == nil }) else {
            throw AppError.conflict(OlympiadWords.tieWaiting)
        }
        let stageID = try record.requireID()
        let zone = try await RegistrySupport.zone(req)
        let username = try req.requireUser().username
        let written = try await req.application.writeTransaction { db in
            try await Self.writePublication(record, board: board, on: db, req: req, username: username, zone: zone)
        }
        return req.redirect(to: OlympiadPaths.stage(stageID), flash: OlympiadWords.published(written))
    }

    /// Writes the rating into the achievements of the stage's edition (each audited, a school's entry brought in line)
    /// and marks the stage published; within the caller's transaction. Returns the number of achievements written.
    static func writePublication(
        _ record: OlympiadStage, board: OlympiadBoard, on db: any Database, req: Request?, username: String,
        zone: TimeZone
    ) async throws -> Int {
        let stageID = try record.requireID()
        let editionID = record.$edition.id
        let subjectKey = AchievementRules.subjectKey(subjectID: record.$subject.id, nomination: nil)
        let existing = try await Achievement.query(on: db).filter(\.$edition.$id == editionID)
            .filter(\.$subjectKey == subjectKey).all()
        // The audit names who prepared the student before and after: the links stay as the school entered them.
        try await AchievementPreparers.load(into: existing, on: db)
        let byStudent = Dictionary(existing.map { ($0.$student.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = board.tables().values.flatMap(\.rows)
        let participants = Dictionary(board.participants.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let achievedOn = record.edition.endsOn ?? Date()
        var written = 0
        for row in rows {
            guard let participant = participants[row.entry.id], let result = row.status.result else { continue }
            let achievement = byStudent[participant.$student.id] ?? Achievement()
            if achievement.id == nil { achievement.$preparers.value = [] }
            achievement.$student.value = participant.student
            achievement.$edition.value = record.edition
            achievement.$subject.value = .some(record.subject)
            let before = achievement.id == nil ? nil : AchievementsSection.auditFields(achievement, zone: zone)
            let wasArchived = achievement.id != nil && achievement.status != RecordStatus.active.rawValue
            if achievement.id == nil {
                achievement.$municipality.id = record.$municipality.id
                achievement.$student.id = participant.$student.id
                achievement.$edition.id = editionID
                achievement.$subject.id = record.$subject.id
                achievement.subjectKey = subjectKey
                achievement.version = 1
            } else {
                achievement.version += 1
            }
            // The stage's result stands even where the school had archived its own entry of it.
            achievement.status = RecordStatus.active.rawValue
            achievement.$school.id = participant.$school.id
            achievement.result = result.rawValue
            achievement.score = participant.total
            achievement.place = Int(row.place.prefix { $0.isNumber })
            achievement.gradeStudied = participant.gradeStudied
            achievement.gradeCompeted = participant.gradeCompeted
            achievement.achievedOn = achievedOn
            achievement.searchKey = TextKey.search(
                participant.student.surname, participant.student.givenName, participant.student.patronymic,
                record.edition.contest.title, record.subject.name)
            achievement.sortKey = participant.sortKey
            try await achievement.save(on: db)
            written += 1
            try await Audit.record(
                on: db, req: req, username: username,
                action: before == nil ? .create : (wasArchived ? .restore : .update),
                entityType: "achievement", entityID: achievement.id,
                title: "\(participant.student.fullName): \(result.title)", municipalityID: record.$municipality.id,
                organizationID: participant.$school.id, before: before,
                after: AchievementsSection.auditFields(achievement, zone: zone))
        }
        guard let stage = try await OlympiadStage.find(stageID, on: db) else { throw AppError.notFound() }
        stage.publishedAt = Date()
        stage.publishedBy = username
        stage.version += 1
        try await stage.save(on: db)
        try await Audit.record(
            on: db, req: req, username: username, action: .update, entityType: "olympiad_stage", entityID: stageID,
            title: board.title, municipalityID: record.$municipality.id, organizationID: nil,
            before: [OlympiadWords.publishedField: OlympiadWords.yesNo(record.publishedAt != nil)],
            after: [OlympiadWords.publishedField: OlympiadWords.yesNo(true)])
        return written
    }

    /// The public protocol of a published stage: students with both consents in force, and nothing but surname,
    /// initials, grade, score, place and status.
    func publicProtocol(req: Request) async throws -> Response {
        guard let record = try await OlympiadStage.find(try req.idParameter(), on: req.db),
            record.publishedAt != nil, record.status == RecordStatus.active.rawValue
        else { throw AppError.notFound(OlympiadWords.notPublished) }
        let board = try await OlympiadBoard.load(record, on: req.db)
        let byID = Dictionary(board.participants.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let tables = board.tables()
        let page = OlympiadPublicPage(
            title: board.title,
            grades: tables.keys.sorted().map { grade in
                .init(
                    grade: grade, maximum: board.grades[grade]?.maximum ?? 0,
                    rows: (tables[grade]?.rows ?? []).compactMap { row in
                        guard let participant = byID[row.entry.id], participant.student.mayPublish,
                            participant.student.status == RecordStatus.active.rawValue
                        else { return nil }
                        return .init(
                            place: row.place,
                            name: OlympiadPublicPage.shortName(
                                surname: participant.student.surname, givenName: participant.student.givenName,
                                patronymic: participant.student.patronymic),
                            grade: participant.gradeCompeted, total: participant.total, status: row.status)
                    })
            })
        return req.render(page.render(await req.pageContext(active: nil)))
    }
}
