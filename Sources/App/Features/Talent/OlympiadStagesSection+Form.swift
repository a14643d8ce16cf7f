import Domain
import Fluent
import Vapor
import Views

/// A stage's form: subject, year and the rules; a new stage finds (or adds) the municipal edition of the ВсОШ of
/// its year, where its results go.
extension OlympiadStagesSection {
    func fields(_ req: Request, record: OlympiadStage?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let subjects = try await OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        return OlympiadStageFormPage(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            subjects: try subjects.map { (try $0.requireID().uuidString.lowercased(), $0.name) }
        ).fields
    }

    func newValues(_ req: Request) async throws -> FormValues {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let rules = OlympiadRules.standard
        return FormValues(single: [
            "year": ResourceCentersSection.selectedYear(nil, years: years)?.id?.uuidString.lowercased() ?? "",
            "quotaPercent": String(rules.quotaPercent), "winnerMinPercent": String(rules.winnerMinPercent),
            "prizeMinPercent": String(rules.prizeMinPercent),
        ])
    }

    func values(_ record: OlympiadStage, req: Request) async throws -> FormValues {
        FormValues(single: [
            "year": record.$academicYear.id.uuidString.lowercased(),
            "subject": record.$subject.id.uuidString.lowercased(), "quotaPercent": String(record.quotaPercent),
            "winnerMinPercent": String(record.winnerMinPercent), "prizeMinPercent": String(record.prizeMinPercent),
        ])
    }

    func apply(_ form: FormValues, to record: OlympiadStage, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        var year: AcademicYear?
        if let id = form["year"].flatMap(UUID.init(uuidString:)) { year = try await AcademicYear.find(id, on: req.db) }
        if year?.$municipality.id != municipalityID {
            year = nil
            errors.add("year", OlympiadWords.Check.chooseYear)
        }
        var subject: OlympiadSubject?
        if let id = form["subject"].flatMap(UUID.init(uuidString:)) {
            subject = try await OlympiadSubject.find(id, on: req.db)
        }
        if subject?.$municipality.id != municipalityID {
            subject = nil
            errors.add("subject", OlympiadWords.Check.chooseSubject)
        }
        var percents: [String: Int] = [:]
        for field in ["quotaPercent", "winnerMinPercent", "prizeMinPercent"] {
            let raw = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            if let value = Int(raw), (0...100).contains(value) {
                percents[field] = value
            } else {
                errors.add(field, OlympiadWords.Check.percent)
            }
        }
        if let year, let subject,
            let twin = try await OlympiadStage.query(on: req.db).filter(\.$academicYear.$id == year.requireID())
                .filter(\.$subject.$id == subject.requireID()).first(), twin.id != record.id
        {
            errors.add("subject", OlympiadWords.Check.duplicateStage)
        }
        let olympiad = try await Contest.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$kind == ContestKind.allRussianOlympiad.rawValue)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).first()
        if olympiad == nil { errors.add("subject", OlympiadWords.Check.noOlympiad) }
        let moved = !isNew && (record.$academicYear.id != year?.id || record.$subject.id != subject?.id)
        if moved, errors.isEmpty,
            try await OlympiadParticipant.query(on: req.db).filter(\.$stage.$id == record.requireID()).count() > 0
        {
            errors.add("subject", OlympiadWords.Check.hasResults)
        }
        guard errors.isEmpty, let year, let subject, let olympiad, let quota = percents["quotaPercent"],
            let winner = percents["winnerMinPercent"], let prize = percents["prizeMinPercent"]
        else { return nil }
        record.$municipality.id = municipalityID
        record.$academicYear.id = try year.requireID()
        record.$academicYear.value = year
        record.$subject.id = try subject.requireID()
        record.$subject.value = subject
        record.quotaPercent = quota
        record.winnerMinPercent = winner
        record.prizeMinPercent = prize
        record.searchKey = TextKey.search(subject.name, year.title)
        record.sortKey = TextKey.sort("\(year.title) \(subject.name)")
        if isNew || moved {
            let edition = try await Self.edition(of: olympiad, year: year, level: .municipal, req: req)
            record.$edition.id = try edition.requireID()
            record.$edition.value = edition
        }
        return { _ in }
    }

    /// The ВсОШ's edition of the year at a stage (municipal, regional), added (and audited) when the municipality has
    /// none yet.
    static func edition(
        of olympiad: Contest, year: AcademicYear, level: ContestLevel, req: Request
    ) async throws -> ContestEdition {
        let olympiadID = try olympiad.requireID()
        let yearID = try year.requireID()
        if let edition = try await ContestEdition.query(on: req.db).filter(\.$contest.$id == olympiadID)
            .filter(\.$academicYear.$id == yearID).filter(\.$level == level.rawValue)
            .with(\.$contest).with(\.$academicYear).first()
        {
            return edition
        }
        let edition = ContestEdition()
        edition.$municipality.id = olympiad.$municipality.id
        edition.$contest.id = olympiadID
        edition.$contest.value = olympiad
        edition.$academicYear.id = yearID
        edition.$academicYear.value = year
        edition.level = level.rawValue
        edition.searchKey = TextKey.search(olympiad.title, year.title, level.olympiadStage)
        edition.sortKey = TextKey.sort("\(olympiad.title) \(year.title) \(level.rank)")
        edition.status = RecordStatus.active.rawValue
        edition.version = 1
        let title = ContestEditionsSection.title(edition)
        try await req.db.transaction { db in
            try await edition.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "contest_edition", entityID: edition.id, title: title,
                municipalityID: edition.$municipality.id, organizationID: nil, before: nil,
                after: [TalentWords.Field.contest: olympiad.title, TalentWords.Field.year: year.title])
        }
        return edition
    }

    func auditFields(_ record: OlympiadStage, on db: any Database) async throws -> [String: String] {
        try await Self.loadRelations(record, on: db)
        return [
            OlympiadWords.Field.subject: record.subject.name, OlympiadWords.Field.year: record.academicYear.title,
            OlympiadWords.Field.quota: String(record.quotaPercent),
            OlympiadWords.Field.winnerMin: String(record.winnerMinPercent),
            OlympiadWords.Field.prizeMin: String(record.prizeMinPercent),
        ]
    }
}
