import Domain
import Fluent
import Vapor
import Views

/// A contest's editions (issue 21, item 1): a contest held in a year at a level — for the ВсОШ, its stage — so that
/// results gather over the years. Kept as contests are; a school administrator adds one its students took part in.
struct ContestEditionsSection: RegistrySection {
    typealias Record = ContestEdition
    let area = Registry.contestEditions
    /// Editions are reached from a contest's card.
    let menuArea = Registry.contests
    let entityType = "contest_edition"
    let noun = TalentWords.editionNoun
    let newTitle = TalentWords.editionNewTitle
    let archiveConsequence = TalentWords.editionArchiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .contest(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "year", "level"], sorts: ["title"], defaultSort: "title", search: true)
        var builder = ContestEdition.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filterStatus(query, \.$status)
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == year)
        }
        if let level = query.filters["level"] { builder = builder.filter(\.$level == level) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let (rows, total) = try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending)
            .sort(\.$id).with(\.$contest).with(\.$academicYear).paged(query)
        let zone = try await RegistrySupport.zone(req)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        return ContestEditionListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map {
                .init(
                    id: try $0.requireID(), title: Self.title($0), dates: Self.dates($0, zone: zone),
                    status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .contest(municipalityID: municipalityID))
        ).list
    }

    /// «Всероссийская олимпиада школьников — муниципальный этап, 2025/2026» (contest and year loaded).
    static func title(_ edition: ContestEdition) -> String {
        TalentWords.editionTitle(
            contest: edition.contest.title, kind: edition.contest.contestKind, level: edition.contestLevel,
            year: edition.academicYear.title)
    }

    /// The edition's stage or level without the contest: «муниципальный этап», «региональный уровень».
    static func stage(_ edition: ContestEdition, kind: ContestKind) -> String {
        TalentWords.stage(kind: kind, level: edition.contestLevel)
    }

    static func dates(_ edition: ContestEdition, zone: TimeZone) -> String {
        let from = RegistrySupport.date(edition.startsOn, zone)
        let to = RegistrySupport.date(edition.endsOn, zone)
        if from.isEmpty && to.isEmpty { return "" }
        return to.isEmpty || to == from ? from : "\(from.isEmpty ? "…" : from) — \(to)"
    }

    /// Active results per edition, in one statement.
    static func resultCounts(of editions: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !editions.isEmpty else { return [:] }
        let ids = try await Achievement.query(on: db).filter(\.$edition.$id ~~ editions)
            .filter(\.$status == RecordStatus.active.rawValue).all(\.$edition.$id)
        return ids.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Every path to a record asks its resource first: the contest and the year its title needs are loaded here.
    func resource(_ record: ContestEdition, on db: any Database) async throws -> Resource {
        if record.$contest.value == nil { record.$contest.value = try await Contest.find(record.$contest.id, on: db) }
        if record.$academicYear.value == nil {
            record.$academicYear.value = try await AcademicYear.find(record.$academicYear.id, on: db)
        }
        return .contest(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .contest(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: ContestEdition) -> String {
        record.$contest.value != nil && record.$academicYear.value != nil ? Self.title(record) : TalentWords.editionNoun
    }
    func scope(_ record: ContestEdition) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }
}
