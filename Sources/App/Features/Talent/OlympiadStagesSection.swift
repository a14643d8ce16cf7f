import Domain
import Fluent
import Vapor
import Views

/// The municipal stages of the ВсОШ (issue 21, item 3; `001_4390f67d15d9225c.txt` §2.5.3: the methodological service
/// runs the municipal stage): one per subject and year, with the rules of its winners and prize-winners. Its grades,
/// invited, results, appeals and protocol are `OlympiadStageController`'s.
struct OlympiadStagesSection: RegistrySection {
    typealias Record = OlympiadStage
    let area = Registry.olympiadStages
    let entityType = "olympiad_stage"
    let noun = OlympiadWords.stageNoun
    let newTitle = OlympiadWords.stageNewTitle
    let archiveConsequence = OlympiadWords.stageArchiveConsequence

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["status", "year"], sorts: ["subject"], defaultSort: "subject", search: true)
    }

    /// The stages of the list's filters, a page of them; shared with the API.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([OlympiadStage], Int) {
        try req.authorize(.read, .olympiadStage(municipalityID: municipalityID))
        var builder = OlympiadStage.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filterStatus(query, \.$status)
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == year)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        return try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending).sort(\.$id)
            .with(\.$subject).with(\.$academicYear).paged(query)
    }

    /// Participants per stage, in one statement.
    static func participantCounts(of stages: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !stages.isEmpty else { return [:] }
        let ids = try await OlympiadParticipant.query(on: db).filter(\.$stage.$id ~~ stages).all(\.$stage.$id)
        return ids.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let counts = try await Self.participantCounts(of: rows.compactMap(\.id), on: req.db)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        return OlympiadStageListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map {
                .init(
                    id: try $0.requireID(), subject: $0.subject.name, year: $0.academicYear.title,
                    participants: counts[try $0.requireID()] ?? 0, status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .olympiadStage(municipalityID: municipalityID))
        ).list
    }

    /// «Муниципальный этап: математика, 2025/2026» (subject and year loaded).
    static func title(_ stage: OlympiadStage) -> String {
        OlympiadWords.stageTitle(subject: stage.subject.name, year: stage.academicYear.title)
    }

    /// Loads the subject, the year and the edition a stage's pages name.
    static func loadRelations(_ record: OlympiadStage, on db: any Database) async throws {
        if record.$subject.value == nil {
            record.$subject.value = try await OlympiadSubject.find(record.$subject.id, on: db)
        }
        if record.$academicYear.value == nil {
            record.$academicYear.value = try await AcademicYear.find(record.$academicYear.id, on: db)
        }
        if record.$edition.value == nil {
            record.$edition.value = try await ContestEdition.query(on: db).filter(\.$id == record.$edition.id)
                .with(\.$contest).with(\.$academicYear).first()
        }
        guard record.$subject.value != nil, record.$academicYear.value != nil, record.$edition.value != nil else {
            throw AppError.notFound()
        }
    }

    func resource(_ record: OlympiadStage, on db: any Database) async throws -> Resource {
        try await Self.loadRelations(record, on: db)
        return .olympiadStage(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .olympiadStage(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: OlympiadStage) -> String {
        record.$subject.value != nil && record.$academicYear.value != nil ? Self.title(record) : OlympiadWords.stageNoun
    }
    func scope(_ record: OlympiadStage) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: OlympiadStage, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let board = try await OlympiadBoard.load(record, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let tables = board.tables()
        let invitedByGrade = Dictionary(grouping: board.invited, by: \.grade).mapValues(\.count)
        let page = OlympiadStageCardPage(
            subject: record.subject.name, year: record.academicYear.title, editionID: record.$edition.id,
            edition: ContestEditionsSection.title(record.edition), rules: record.rules,
            schoolResults: board.schoolResults, schools: board.schoolsReporting,
            grades: OlympiadWords.grades.map { grade in
                let rows = tables[grade]?.rows ?? []
                return .init(
                    grade: grade, passing: board.grades[grade]?.passingScore, maxima: board.grades[grade]?.maxima ?? [],
                    invited: invitedByGrade[grade] ?? 0, participants: rows.count,
                    winners: rows.filter { $0.status == .winner }.count,
                    prizeWinners: rows.filter { $0.status == .prizeWinner }.count)
            },
            published: record.publishedAt.map { "\(RegistrySupport.date($0, zone)), \(record.publishedBy ?? "")" })
        let undecided = tables.values.contains { $0.tie != nil && $0.tie?.decided == nil }
        return (page.facts, page.sections, undecided ? [OlympiadWords.tieWaiting] : [])
    }

    func extraActions(_ record: OlympiadStage, req: Request) async throws -> [RegistryCard.Action] {
        let id = try record.requireID()
        var actions: [RegistryCard.Action] = [
            .link(OlympiadWords.invitedTitle, OlympiadPaths.invited(id), primary: false),
            .link(OlympiadWords.ratingTitle, OlympiadPaths.rating(id), primary: false),
            .link(OlympiadWords.regionalTitle, OlympiadRegionalPage.path(id), primary: false),
        ]
        if record.status == RecordStatus.active.rawValue, req.can(.update, try await resource(record, on: req.db)) {
            actions.insert(.link(OlympiadWords.gradesTitle, OlympiadPaths.grades(id), primary: false), at: 0)
            actions.append(.link(OlympiadWords.enterResult, OlympiadPaths.newParticipant(id), primary: false))
            actions.append(.link(OlympiadWords.publishTitle, OlympiadPaths.publish(id), primary: false))
        }
        if record.publishedAt != nil {
            actions.append(.link(OlympiadWords.publicLink, OlympiadPaths.publicProtocol(id), primary: false))
        }
        return actions
    }
}
