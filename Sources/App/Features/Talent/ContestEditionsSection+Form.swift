import Domain
import Fluent
import Vapor
import Views

/// An edition's card (its results as far as the user may see them) and form.
extension ContestEditionsSection {
    func card(_ record: ContestEdition, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        _ = try await resource(record, on: req.db)
        let achievements = try await Achievement.query(on: req.db).filter(\.$edition.$id == record.requireID())
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$student).with(\.$school).with(\.$subject)
            .sort(\.$sortKey).all()
        let visible = achievements.filter { req.can(.read, AchievementsSection.resource(of: $0)) }
        let page = ContestEditionCardPage(
            facts: ContestEditionCardPage.facts(
                contest: record.contest.title, year: record.academicYear.title,
                level: Self.stage(record, kind: record.contest.contestKind), dates: Self.dates(record, zone: zone),
                place: record.place),
            results: try visible.map {
                .init(
                    id: try $0.requireID(), student: $0.student.fullName, school: $0.school.shortName,
                    subject: AchievementsSection.subjectText($0),
                    result: TalentWords.result($0.achievementResult, place: $0.place, score: $0.score))
            }, hidden: achievements.count - visible.count)
        return (page.facts, page.sections, [])
    }

    func fields(_ req: Request, record: ContestEdition?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let contests = try await Contest.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        return ContestEditionFormPage(
            contests: try contests.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }
        ).fields
    }

    func newValues(_ req: Request) async throws -> FormValues {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        var values = ["year": ResourceCentersSection.selectedYear(nil, years: years)?.id?.uuidString.lowercased() ?? ""]
        if let raw = try? req.query.get(String.self, at: "contest"), let id = UUID(uuidString: raw),
            let contest = try await Contest.find(id, on: req.db), contest.$municipality.id == municipalityID
        {
            values["contest"] = raw.lowercased()
            values["level"] = contest.level
        }
        return FormValues(single: values)
    }

    func values(_ record: ContestEdition, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues(single: [
            "contest": record.$contest.id.uuidString.lowercased(),
            "year": record.$academicYear.id.uuidString.lowercased(), "level": record.level,
            "startsOn": RegistrySupport.date(record.startsOn, zone),
            "endsOn": RegistrySupport.date(record.endsOn, zone),
            "place": record.place ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: ContestEdition, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        var contest: Contest?
        if let id = form["contest"].flatMap(UUID.init(uuidString:)) { contest = try await Contest.find(id, on: req.db) }
        if contest?.$municipality.id != municipalityID {
            contest = nil
            errors.add("contest", TalentWords.Check.chooseContest)
        }
        var year: AcademicYear?
        if let id = form["year"].flatMap(UUID.init(uuidString:)) { year = try await AcademicYear.find(id, on: req.db) }
        if year?.$municipality.id != municipalityID {
            year = nil
            errors.add("year", TalentWords.Check.chooseYear)
        }
        let level = errors.choice("level", form["level"], as: ContestLevel.self)
        let startsOn = errors.date("startsOn", form["startsOn"], timeZone: zone, required: false)
        let endsOn = errors.date("endsOn", form["endsOn"], timeZone: zone, required: false)
        if let startsOn, let endsOn, endsOn < startsOn { errors.add("endsOn", TalentWords.Check.endsBeforeStart) }
        let place = errors.optional("place", form["place"], max: 300)
        if let contest, let year, let level,
            let twin = try await ContestEdition.query(on: req.db).filter(\.$contest.$id == contest.requireID())
                .filter(\.$academicYear.$id == year.requireID()).filter(\.$level == level.rawValue).first(),
            twin.id != record.id
        {
            errors.add("level", TalentWords.Check.duplicateEdition)
        }
        guard errors.isEmpty, let contest, let year, let level else { return nil }
        record.$municipality.id = municipalityID
        record.$contest.id = try contest.requireID()
        record.$contest.value = contest
        record.$academicYear.id = try year.requireID()
        record.$academicYear.value = year
        record.level = level.rawValue
        record.startsOn = startsOn
        record.endsOn = endsOn
        record.place = place
        record.searchKey = TextKey.search(contest.title, year.title, Self.stage(record, kind: contest.contestKind))
        record.sortKey = TextKey.sort("\(contest.title) \(year.title) \(level.rank)")
        return { _ in }
    }

    func auditFields(_ record: ContestEdition, on db: any Database) async throws -> [String: String] {
        _ = try await resource(record, on: db)
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        return [
            TalentWords.Field.contest: record.contest.title, TalentWords.Field.year: record.academicYear.title,
            TalentWords.Field.level: Self.stage(record, kind: record.contest.contestKind),
            TalentWords.Field.dates: Self.dates(record, zone: zone), TalentWords.Field.place: record.place ?? "",
        ]
    }
}
