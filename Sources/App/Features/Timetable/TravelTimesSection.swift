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
    let noun = "Время в пути"
    let newTitle = "Новое время в пути"
    let archiveConsequence =
        "Время в пути между этими организациями перестанет учитываться в предупреждениях расписания."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["minutes"], defaultSort: "minutes")
        let b = TravelTimeRecord.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status
        )
        .sort(\.$minutes, query.descending ? .descending : .ascending)
        let (rows, total) = try await b.with(\.$from).with(\.$to).paged(query)
        return RegistryList(
            title: "Время в пути между ресурсными центрами", area: area, query: query, filters: [CommonFilters.status],
            columns: [Column("Откуда"), Column("Куда"), Column("Минут", sort: "minutes"), Column("Состояние")],
            rows: try rows.map { t in
                [
                    .link(t.from.shortName, SiteURL.record(area, try t.requireID()).path), .text(t.to.shortName),
                    .text(String(t.minutes)),
                    .badge(RecordStatus(rawValue: t.status) ?? .active),
                ]
            },
            total: total, noun: ("запись", "записи", "записей"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID)) ? "Добавить время в пути" : nil,
            emptyText: "Время в пути не задано: расписание не проверяет переезды между центрами.")
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
            [
                ("Между", record.from.shortName), ("и", record.to.shortName),
                ("Время в пути", RussianPlural.count(record.minutes, "минута", "минуты", "минут") + " (в обе стороны)"),
            ], [], []
        )
    }

    func fields(_ req: Request, record: TravelTimeRecord?) async throws -> [FieldSpec] {
        let options = try await RegistrySupport.organizationOptions(try RegistrySupport.municipality(req), on: req.db)
        return [
            FieldSpec("from", "Между", .select(options, empty: "— выберите —"), required: true),
            FieldSpec("to", "и", .select(options, empty: "— выберите —"), required: true),
            FieldSpec(
                "minutes", "Минут в пути", .number, required: true,
                hint: "Время от конца занятия в одном центре до начала в другом."),
        ]
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
                errors.add("to", "Выберите другую организацию.")
            } else if let clash = try await TravelTimeRecord.query(on: req.db).group(
                .or,
                { or in
                    or.group(.and) { $0.filter(\.$from.$id == fromID).filter(\.$to.$id == toID) }
                    or.group(.and) { $0.filter(\.$from.$id == toID).filter(\.$to.$id == fromID) }
                }
            ).first(), clash.id != record.id {
                errors.add("to", "Время в пути между этими организациями уже задано.")
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
        [
            "Между": record.$from.value?.shortName ?? "", "и": record.$to.value?.shortName ?? "",
            "Минут": String(record.minutes),
        ]
    }
}
