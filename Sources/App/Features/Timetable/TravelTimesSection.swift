import Domain
import Fluent
import Vapor
import Views

/// Travel time between two centres that the administrator sets: the timetable warns when a student's lessons at two
/// centres on one day leave less time than this between them (issue 4).
struct TravelTimesSection: RegistrySection {
    typealias Record = TravelTimeRecord
    let area = Registry.travelTimes
    let entityType = "travel_time"
    let noun = TravelTimesWords.noun
    let newTitle = TravelTimesWords.newTitle
    let archiveConsequence = TravelTimesWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["minutes"], defaultSort: "minutes")
        let builder = TravelTimeRecord.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status
        )
        .sort(\.$minutes, query.descending ? .descending : .ascending)
        let (rows, total) = try await builder.with(\.$from).with(\.$to).paged(query)
        return TravelTimeListPage(
            query: query, statusFilter: CommonFilters.status,
            rows: try rows.map { travel in
                TravelTimeListPage.Row(
                    url: SiteURL.record(area, try travel.requireID()).path, from: travel.from.shortName,
                    to: travel.to.shortName,
                    minutes: travel.minutes, status: RecordStatus(rawValue: travel.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: TravelTimeRecord, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: TravelTimeRecord) -> String {
        (record.$from.value?.shortName ?? "") + " — " + (record.$to.value?.shortName ?? "")
    }
    func scope(_ record: TravelTimeRecord) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: TravelTimeRecord, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        try await record.$from.load(on: req.db)
        try await record.$to.load(on: req.db)
        return (
            TravelTimesWords.facts(from: record.from.shortName, to: record.to.shortName, minutes: record.minutes), [],
            []
        )
    }

    func fields(_ req: Request, record: TravelTimeRecord?) async throws -> [FieldSpec] {
        let options = try await RegistrySupport.organizationOptions(try RegistrySupport.municipality(req), on: req.db)
        return TravelTimesWords.fields(organizations: options)
    }

    func values(_ record: TravelTimeRecord, req: Request) async throws -> FormValues {
        FormValues(single: [
            "from": record.$from.id.uuidString.lowercased(), "to": record.$to.id.uuidString.lowercased(),
            "minutes": String(record.minutes),
        ])
    }

    func apply(_ form: FormValues, to record: TravelTimeRecord, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let from = try await RegistrySupport.organization(
            form["from"], field: "from", municipalityID: municipalityID, errors: &errors, on: req.db)
        let to = try await RegistrySupport.organization(
            form["to"], field: "to", municipalityID: municipalityID, errors: &errors, on: req.db)
        let minutes = errors.integer("minutes", form["minutes"], range: 0...600, required: true)
        if let from, let to {
            let fromID = try from.requireID()
            let toID = try to.requireID()
            if fromID == toID {
                errors.add("to", TravelTimesWords.sameOrganization)
            } else if let clash = try await TravelTimeRecord.query(on: req.db).group(
                .or,
                { or in
                    or.group(.and) { $0.filter(\.$from.$id == fromID).filter(\.$to.$id == toID) }
                    or.group(.and) { $0.filter(\.$from.$id == toID).filter(\.$to.$id == fromID) }
                }
            ).first(), clash.id != record.id {
                errors.add("to", TravelTimesWords.alreadySet)
            }
        }
        guard errors.isEmpty, let from, let to, let minutes else { return nil }
        record.$municipality.id = municipalityID
        record.$from.id = try from.requireID()
        record.$from.value = from
        record.$to.id = try to.requireID()
        record.$to.value = to
        record.minutes = minutes
        return { _ in }
    }

    func auditFields(_ record: TravelTimeRecord, on db: any Database) async throws -> [String: String] {
        TravelTimesWords.audit(
            from: record.$from.value?.shortName ?? "", to: record.$to.value?.shortName ?? "", minutes: record.minutes)
    }
}
