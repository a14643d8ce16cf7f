import Domain
import Fluent
import Vapor
import Views

/// The regional stage's results flow into achievements (issue 21, item 3; `001_4390f67d15d9225c.txt` §2.5.3): the
/// stage's runners enter each regional participant's result and score; each becomes the student's achievement in the
/// ВсОШ's regional edition of the year (added and audited when the municipality has none), in the stage's subject —
/// a school's own entry of the same result is brought in line — with the registry trainers of the preparation
/// sessions among those who prepared them (`000_5375b2a087477e6d.txt` §4.3). «No result» archives the entry.
extension OlympiadRegionalController {
    /// The regional edition of the stage's year (nil: none yet) and its results in the stage's subject, by student.
    struct RegionalResults {
        var edition: ContestEdition?
        /// Every entry, archived ones too (their versions guard the form).
        var all: [UUID: Achievement]
        /// The active entries.
        var byStudent: [UUID: Achievement] { all.filter { $0.value.status == RecordStatus.active.rawValue } }
    }

    static func regionalResults(
        _ record: OlympiadStage, students: [UUID], on db: any Database
    ) async throws -> RegionalResults {
        try await OlympiadStagesSection.loadRelations(record, on: db)
        guard
            let edition = try await ContestEdition.query(on: db)
                .filter(\.$contest.$id == record.edition.$contest.id)
                .filter(\.$academicYear.$id == record.$academicYear.id)
                .filter(\.$level == ContestLevel.regional.rawValue).with(\.$contest).with(\.$academicYear).first()
        else { return RegionalResults(edition: nil, all: [:]) }
        return RegionalResults(
            edition: edition,
            all: try await regionalAchievements(record, edition: edition, students: students, on: db))
    }

    /// The results form's values: what the achievements hold and the versions they were read at, unless the form came
    /// back with its own.
    static func resultValues(
        _ results: RegionalResults, shown: [OlympiadParticipant], zone: TimeZone, over values: FormValues,
        failed: OlympiadRegionalPage.Form?
    ) -> FormValues {
        guard failed != .results else { return values }
        var merged = values
        let active = results.byStudent
        for participant in shown where participant.regionalAt != nil {
            let key = participant.id!.uuidString.lowercased()
            let achievement = active[participant.$student.id]
            merged["result-\(key)"] = achievement?.result ?? ""
            merged["score-\(key)"] = achievement?.score.map(TalentWords.scoreText) ?? ""
            merged["version-\(key)"] = results.all[participant.$student.id].map { String($0.version) } ?? ""
        }
        let dates = Set(active.values.compactMap(\.achievedOn).map { RegistrySupport.date($0, zone) })
        merged["regionalOn"] = dates.count == 1 ? dates.first : ""
        return merged
    }

    /// One participant's entry as the form gave it.
    struct RegionalEntry {
        var participant: OlympiadParticipant
        var result: AchievementResult?
        var score: Double?
    }

    func saveResults(req: Request) async throws -> Response {
        let record = try await OlympiadStageController.stage(req, .update)
        try await OlympiadStagesSection.loadRelations(record, on: req.db)
        let stageID = try record.requireID()
        let form = RegistrySupport.form(req)
        let zone = try await RegistrySupport.zone(req)
        let participants = try await OlympiadParticipant.query(on: req.db).filter(\.$stage.$id == stageID)
            .filter(\.$regionalAt != nil).with(\.$student).with(\.$school).sort(\.$sortKey).all()
        guard !participants.isEmpty else { throw AppError.conflict(OlympiadWords.Regional.nobody) }
        var errors = FieldErrors()
        let date = errors.date("regionalOn", form["regionalOn"], timeZone: zone, required: false)
        // Only the rows the form carried: a participant marked since the page was loaded is not touched.
        let entries = participants.filter { form["result-\($0.id!.uuidString.lowercased())"] != nil }
            .map { Self.entry($0, form: form, errors: &errors) }
        guard errors.isEmpty else {
            return try await render(
                req, record, values: form, errors: errors, failed: .results, status: .unprocessableEntity)
        }
        let edition = try await OlympiadStagesSection.edition(
            of: record.edition.contest, year: record.academicYear, level: .regional, req: req)
        guard edition.status == RecordStatus.active.rawValue else {
            throw AppError.conflict(OlympiadWords.Regional.editionArchived)
        }
        let existing = try await Self.regionalAchievements(
            record, edition: edition, students: participants.map(\.$student.id), on: req.db)
        // Each row was read at a version: an entry changed or added since (by the school, by another runner) is
        // refused rather than overwritten with the page's old values.
        for entry in entries {
            let read = form["version-\(entry.participant.id!.uuidString.lowercased())"] ?? ""
            guard read == (existing[entry.participant.$student.id].map { String($0.version) } ?? "") else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
        }
        let trainers = try await OlympiadTrainingSession.query(on: req.db).filter(\.$stage.$id == stageID)
            .with(\.$trainerStaff).all().compactMap { $0.trainerStaff }
            .filter { $0.status == RecordStatus.active.rawValue }
        let writes = try entries.compactMap { entry in
            try Self.apply(
                entry, to: existing[entry.participant.$student.id], record: record, edition: edition, date: date,
                trainers: trainers, zone: zone)
        }
        do {
            try await Self.write(writes, record: record, req: req)
        } catch  where EnrollmentService.isUniqueViolation(error) {
            // Another save added the same entry at the same moment.
            throw AppError.conflict(RegistrySupport.conflictMessage)
        }
        return req.redirect(to: OlympiadRegionalPage.path(stageID), flash: OlympiadWords.Regional.saved(writes.count))
    }

    /// The writes, each with its audit entry, and the list on the stage's history: all or nothing.
    static func write(_ writes: [RegionalWrite], record: OlympiadStage, req: Request) async throws {
        let stageID = try record.requireID()
        try await req.application.writeTransaction { db in
            for write in writes {
                let achievement = write.achievement
                // Another save since this one read the entry: refused, not overwritten.
                if let expected = write.expectedVersion {
                    guard
                        try await RegistrySupport.claimVersion(
                            table: Achievement.schema, id: try achievement.requireID(), expected: expected, on: db)
                    else { throw AppError.conflict(RegistrySupport.conflictMessage) }
                }
                try await achievement.save(on: db)
                try await AchievementPreparers.replace(
                    achievement.requireID(), with: (achievement.$preparers.value ?? []).compactMap(\.id), on: db)
                try await Audit.record(
                    on: db, req: req, action: write.action, entityType: "achievement", entityID: achievement.id,
                    title: write.title, municipalityID: record.$municipality.id,
                    organizationID: achievement.$school.id, before: write.before, after: write.after)
            }
            guard !writes.isEmpty else { return }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: stageID,
                title: OlympiadStagesSection.title(record), municipalityID: record.$municipality.id,
                organizationID: nil, before: nil,
                after: [OlympiadWords.Regional.auditField: writes.map(\.title).sorted().joined(separator: "; ")])
        }
    }

    /// The participant's result and score from the form, each checked beside its field.
    static func entry(_ participant: OlympiadParticipant, form: FormValues, errors: inout FieldErrors) -> RegionalEntry
    {
        let key = participant.id!.uuidString.lowercased()
        let rawResult = (form["result-\(key)"] ?? "").trimmingCharacters(in: .whitespaces)
        let result = AchievementResult(rawValue: rawResult)
        if !rawResult.isEmpty && result == nil { errors.add("result-\(key)", OlympiadWords.Regional.chooseResult) }
        // Without the consent to processing a result does not leave the school (item 7).
        if result != nil && !participant.student.hasConsent {
            errors.add("result-\(key)", OlympiadWords.Regional.noConsent)
        }
        var score: Double?
        if let raw = form["score-\(key)"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            score = Double(raw.replacingOccurrences(of: ",", with: "."))
            if score == nil || score!.isNaN || !(0...1000).contains(score!) {
                score = nil
                errors.add("score-\(key)", TalentWords.Check.scoreRange)
            } else if rawResult.isEmpty {
                errors.add("result-\(key)", OlympiadWords.Regional.scoreWithoutResult)
            }
        }
        return RegionalEntry(participant: participant, result: result, score: score)
    }

    /// The students' achievements in the regional edition and the stage's subject, archived ones too (one per student
    /// and subject: the unique key), with their preparers.
    static func regionalAchievements(
        _ record: OlympiadStage, edition: ContestEdition, students: [UUID], on db: any Database
    ) async throws -> [UUID: Achievement] {
        let editionID = try edition.requireID()
        let subjectKey = AchievementRules.subjectKey(subjectID: record.$subject.id, nomination: nil)
        let found = try await RegistrySupport.inChunks(students) {
            try await Achievement.query(on: db).filter(\.$edition.$id == editionID)
                .filter(\.$subjectKey == subjectKey).filter(\.$student.$id ~~ $0).with(\.$student).with(\.$subject)
                .all()
        }
        for achievement in found { achievement.$edition.value = edition }
        try await AchievementPreparers.load(into: found, on: db)
        return Dictionary(found.map { ($0.$student.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A write of one achievement with its audit.
    struct RegionalWrite {
        var achievement: Achievement
        var action: Audit.Action
        /// The version the entry was read at (nil: a new entry).
        var expectedVersion: Int?
        var title: String
        var before: [String: String]?
        var after: [String: String]
    }

    /// The achievement as the entry makes it (nil: nothing changes): a new or active one takes the result, score,
    /// grades and date, its preparers joined by the sessions' trainers; no result archives an active one.
    static func apply(
        _ entry: RegionalEntry, to old: Achievement?, record: OlympiadStage, edition: ContestEdition, date: Date?,
        trainers: [StaffMember], zone: TimeZone
    ) throws -> RegionalWrite? {
        let participant = entry.participant
        let student = participant.student
        let wasActive = old?.status == RecordStatus.active.rawValue
        let before = old.map { AchievementsSection.auditFields($0, zone: zone) }
        guard let result = entry.result else {
            guard let old, wasActive, let before else { return nil }
            let expected = old.version
            old.status = RecordStatus.archived.rawValue
            old.version += 1
            let state = OlympiadWords.Regional.stateField
            return RegionalWrite(
                achievement: old, action: .archive, expectedVersion: expected,
                title: "\(student.fullName): \(OlympiadWords.Regional.none)",
                before: before.merging([state: RecordStatus.active.title]) { $1 },
                after: before.merging([state: RecordStatus.archived.title]) { $1 })
        }
        let achievement = old ?? Achievement()
        if old == nil {
            achievement.$municipality.id = record.$municipality.id
            achievement.$student.id = participant.$student.id
            achievement.$edition.id = try edition.requireID()
            achievement.$subject.id = record.$subject.id
            achievement.subjectKey = AchievementRules.subjectKey(subjectID: record.$subject.id, nomination: nil)
            achievement.version = 0
            achievement.$preparers.value = []
        }
        achievement.$student.value = student
        achievement.$edition.value = edition
        achievement.$subject.value = .some(record.subject)
        // A new entry belongs to the student's school today; an existing one stays with the school that keeps it.
        if old == nil { achievement.$school.id = student.$school.id }
        // A place the school entered belongs to the result it entered.
        if old?.result != result.rawValue { achievement.place = nil }
        achievement.status = RecordStatus.active.rawValue
        achievement.result = result.rawValue
        achievement.score = entry.score
        achievement.gradeStudied = participant.gradeStudied
        achievement.gradeCompeted = participant.gradeCompeted
        achievement.achievedOn = date ?? old?.achievedOn ?? edition.endsOn
        achievement.$preparers.value = AchievementPreparers.sorted(
            Array(
                Dictionary(
                    ((achievement.$preparers.value ?? []) + trainers).compactMap { m in m.id.map { ($0, m) } },
                    uniquingKeysWith: { first, _ in first }
                ).values))
        achievement.searchKey = TextKey.search(
            student.surname, student.givenName, student.patronymic, edition.contest.title, record.subject.name)
        achievement.sortKey = participant.sortKey
        let after = AchievementsSection.auditFields(achievement, zone: zone)
        if wasActive && before == after { return nil }
        let expected = old?.version
        achievement.version += 1
        return RegionalWrite(
            achievement: achievement, action: old == nil ? .create : (wasActive ? .update : .restore),
            expectedVersion: expected, title: "\(student.fullName): \(result.title)", before: before, after: after)
    }
}
