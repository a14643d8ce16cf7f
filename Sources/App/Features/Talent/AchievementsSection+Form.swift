import Domain
import Fluent
import Vapor
import Views

/// An achievement's card and form: the checks of a save (issue 21, «Bad input and privacy»).
extension AchievementsSection {
    func card(_ record: Achievement, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        _ = try await resource(record, on: req.db)
        if record.$preparers.value == nil { try await record.$preparers.load(on: req.db) }
        let facts = AchievementFormPage.facts(
            student: record.student.fullName, school: record.school.shortName,
            edition: ContestEditionsSection.title(record.edition), subject: Self.subjectText(record),
            result: TalentWords.result(record.achievementResult, place: record.place, score: record.score),
            grades: "\(record.gradeStudied) / \(record.gradeCompeted)",
            achievedOn: record.achievedOn.map { RuDate.format($0, timeZone: zone) },
            preparedBy: AchievementPreparers.line(record), document: record.documentNumber)
        let scan = try await AchievementDocumentController.facts(of: try record.requireID(), on: req.db)
        let scanFact = scan.map { AchievementDocumentPage.describe(name: $0.fileName, size: $0.size) } ?? "—"
        return (facts + [(TalentWords.Document.field, scanFact)], [], [])
    }

    /// The scan's links: download for who reads the achievement, upload and removal for who may edit it.
    func extraActions(_ record: Achievement, req: Request) async throws -> [RegistryCard.Action] {
        let id = try record.requireID()
        let path = AchievementDocumentPage.path(id)
        let scan = try await AchievementDocumentController.facts(of: id, on: req.db)
        var actions: [RegistryCard.Action] = []
        if scan != nil { actions.append(.link(TalentWords.Document.download, path, primary: false)) }
        guard record.status == RecordStatus.active.rawValue, req.can(.update, try await resource(record, on: req.db))
        else { return actions }
        actions.append(.link(TalentWords.Document.upload, path + "/new", primary: false))
        if scan != nil { actions.append(.link(TalentWords.Document.remove, path + "/delete", primary: false)) }
        return actions
    }

    func fields(_ req: Request, record: Achievement?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let schools = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) { .achievement(school: $0, shared: false) }.compactMap { UUID(uuidString: $0.value) }
        // A municipality-wide role enters no results (the schools do): its form lists no students.
        let limited = !req.can(
            .create, .achievement(school: OrgRef(id: UUID(), municipalityID: municipalityID), shared: false))
        let students =
            schools.isEmpty || !limited
            ? []
            : try await Student.query(on: req.db).filter(\.$school.$id ~~ schools)
                .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).sort(\.$id).all()
        let editions = try await ContestEdition.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$contest).with(\.$academicYear).all()
            .sorted { ($0.academicYear.startsOn, $1.sortKey) > ($1.academicYear.startsOn, $0.sortKey) }
        let subjects = try await OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        // An edit offers the staff of the record's school and keeps who is named already, even if archived since.
        var preparers = try await AchievementPreparers.options(
            schools: record.map { [$0.$school.id] } ?? schools, municipalityID: municipalityID, on: req.db)
        if let record {
            if record.$preparers.value == nil { try await record.$preparers.load(on: req.db) }
            let offered = Set(preparers.compactMap(\.id))
            preparers += record.preparers.filter { !offered.contains($0.id!) }
        }
        return AchievementFormPage(
            students: try students.map {
                (
                    try $0.requireID().uuidString.lowercased(),
                    TalentWords.studentChoice(name: $0.fullName, grade: $0.grade, letter: $0.letter)
                )
            },
            editions: try editions.map {
                (try $0.requireID().uuidString.lowercased(), ContestEditionsSection.title($0))
            },
            subjects: try subjects.map { (try $0.requireID().uuidString.lowercased(), $0.name) },
            preparers: try AchievementPreparers.choices(preparers)
        ).fields
    }

    /// `?student=` (the student card's link) chooses the student and their grade.
    func newValues(_ req: Request) async throws -> FormValues {
        guard let raw = try? req.query.get(String.self, at: "student"), let id = UUID(uuidString: raw),
            let student = try await Student.find(id, on: req.db),
            req.can(
                .create,
                .achievement(
                    school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id), shared: false))
        else { return FormValues(single: ["result": AchievementResult.participant.rawValue]) }
        return FormValues(single: [
            "student": raw.lowercased(), "gradeStudied": String(student.grade), "gradeCompeted": String(student.grade),
            "result": AchievementResult.participant.rawValue,
        ])
    }

    func values(_ record: Achievement, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        if record.$preparers.value == nil { try await record.$preparers.load(on: req.db) }
        var values = FormValues(single: [
            "student": record.$student.id.uuidString.lowercased(),
            "edition": record.$edition.id.uuidString.lowercased(),
            "subject": record.$subject.id?.uuidString.lowercased() ?? "", "nomination": record.nomination ?? "",
            "result": record.result, "score": record.score.map(TalentWords.scoreText) ?? "",
            "place": record.place.map(String.init) ?? "", "gradeStudied": String(record.gradeStudied),
            "gradeCompeted": String(record.gradeCompeted), "achievedOn": RegistrySupport.date(record.achievedOn, zone),
            "preparedBy": record.preparedBy ?? "", "documentNumber": record.documentNumber ?? "",
        ])
        values.values["preparers"] = try AchievementPreparers.sorted(record.preparers).map {
            try $0.requireID().uuidString.lowercased()
        }
        return values
    }

    func auditFields(_ record: Achievement, on db: any Database) async throws -> [String: String] {
        _ = try await resource(record, on: db)
        if record.$preparers.value == nil, record.id != nil { try await record.$preparers.load(on: db) }
        return Self.auditFields(record, zone: try await MunicipalClock.zone(record.$municipality.id, on: db))
    }

    /// The audit log's fields of an achievement whose student, edition (with contest and year), subject and preparers
    /// are loaded.
    static func auditFields(_ record: Achievement, zone: TimeZone) -> [String: String] {
        [
            TalentWords.Field.student: record.student.fullName,
            TalentWords.Field.edition: ContestEditionsSection.title(record.edition),
            TalentWords.Field.subject: subjectText(record),
            TalentWords.Field.result: TalentWords.result(
                record.achievementResult, place: record.place, score: record.score),
            TalentWords.Field.grades: "\(record.gradeStudied) / \(record.gradeCompeted)",
            TalentWords.Field.achievedOn: RegistrySupport.date(record.achievedOn, zone),
            TalentWords.Field.preparedBy: AchievementPreparers.line(record),
            TalentWords.Field.document: record.documentNumber ?? "",
        ]
    }
}
