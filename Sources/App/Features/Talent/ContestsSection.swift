import Domain
import Fluent
import Vapor
import Views

/// Olympiads and contests (issue 21, item 1): the municipality's list, kept by the administrator, the coordinator and
/// the methodologist; a school administrator adds one its students took part in.
struct ContestsSection: RegistrySection {
    typealias Record = Contest
    let area = Registry.contests
    let entityType = "contest"
    let noun = TalentWords.contestNoun
    let newTitle = TalentWords.contestNewTitle
    let archiveConsequence = TalentWords.contestArchiveConsequence

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["status", "kind", "level", "direction"], sorts: ["title"], defaultSort: "title",
            search: true)
    }

    static let choices: [String: [String]] = [
        "status": RegistrySupport.statusChoices, "kind": ContestKind.allCases.map(\.rawValue),
        "level": ContestLevel.allCases.map(\.rawValue), "direction": ContestDirection.allCases.map(\.rawValue),
    ]

    /// The contests of the list's filters, a page of them; shared with the API.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([Contest], Int) {
        try req.authorize(.read, .contest(municipalityID: municipalityID))
        var builder = Contest.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filterStatus(query, \.$status)
        for (key, field) in [("kind", \Contest.$kind), ("level", \Contest.$level), ("direction", \Contest.$direction)] {
            if let value = query.filters[key] { builder = builder.filter(field == value) }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        return try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending).sort(\.$id)
            .paged(query)
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        return ContestListPage(
            query: query,
            rows: try rows.map {
                .init(
                    id: try $0.requireID(), title: $0.title, kind: $0.contestKind,
                    level: ContestLevel(rawValue: $0.level) ?? .municipal,
                    direction: ContestDirection(rawValue: $0.direction) ?? .intellectual, organizer: $0.organizer,
                    status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .contest(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: Contest, on db: any Database) async throws -> Resource {
        .contest(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .contest(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: Contest) -> String { record.title }
    func scope(_ record: Contest) -> (municipalityID: UUID?, organizationID: UUID?) { (record.$municipality.id, nil) }

    func card(_ record: Contest, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let editions = try await ContestEdition.query(on: req.db).filter(\.$contest.$id == record.requireID())
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$academicYear).all()
            .sorted { ($0.academicYear.startsOn, $0.contestLevel) > ($1.academicYear.startsOn, $1.contestLevel) }
        let counts = try await ContestEditionsSection.resultCounts(of: editions.compactMap(\.id), on: req.db)
        let page = ContestCardPage(
            title: record.title, kind: record.contestKind, level: ContestLevel(rawValue: record.level) ?? .municipal,
            direction: ContestDirection(rawValue: record.direction) ?? .intellectual, organizer: record.organizer,
            note: record.note,
            editions: try editions.map {
                let id = try $0.requireID()
                return .init(
                    id: id,
                    title: ContestEditionsSection.stage($0, kind: record.contestKind) + ", "
                        + $0.academicYear.title,
                    dates: ContestEditionsSection.dates($0, zone: zone), results: counts[id] ?? 0)
            })
        return (page.facts, page.sections, [])
    }

    func extraActions(_ record: Contest, req: Request) async throws -> [RegistryCard.Action] {
        guard record.status == RecordStatus.active.rawValue, req.can(.create, try await resource(record, on: req.db))
        else { return [] }
        let id = try record.requireID().uuidString.lowercased()
        return [.link(TalentWords.addEdition, SiteURL.new(.contestEditions).path + "?contest=\(id)", primary: false)]
    }

    func fields(_ req: Request, record: Contest?) async throws -> [FieldSpec] { ContestFormPage().fields }

    func values(_ record: Contest, req: Request) async throws -> FormValues {
        FormValues(single: [
            "title": record.title, "kind": record.kind, "level": record.level, "direction": record.direction,
            "organizer": record.organizer, "note": record.note ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: Contest, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let title = errors.required("title", form["title"], max: 200)
        let kind = errors.choice("kind", form["kind"], as: ContestKind.self)
        let level = errors.choice("level", form["level"], as: ContestLevel.self)
        let direction = errors.choice("direction", form["direction"], as: ContestDirection.self)
        let organizer = errors.required("organizer", form["organizer"], max: 200)
        let note = errors.optional("note", form["note"], max: 2000)
        let key = TextKey.search(title)
        if !title.isEmpty,
            let clash = try await Contest.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$searchKey == key).first(), clash.id != record.id
        {
            errors.add("title", TalentWords.Check.duplicateContest)
        }
        guard errors.isEmpty, let kind, let level, let direction else { return nil }
        record.$municipality.id = municipalityID
        record.title = title
        record.kind = kind.rawValue
        record.level = level.rawValue
        record.direction = direction.rawValue
        record.organizer = organizer
        record.note = note
        record.searchKey = key
        record.sortKey = TextKey.sort(title)
        return { _ in }
    }

    func auditFields(_ record: Contest, on db: any Database) async throws -> [String: String] {
        [
            TalentWords.Field.name: record.title, TalentWords.Field.kind: record.contestKind.title,
            TalentWords.Field.level: (ContestLevel(rawValue: record.level) ?? .municipal).title,
            TalentWords.Field.direction: (ContestDirection(rawValue: record.direction) ?? .intellectual).title,
            TalentWords.Field.organizer: record.organizer, TalentWords.Field.note: record.note ?? "",
        ]
    }
}
