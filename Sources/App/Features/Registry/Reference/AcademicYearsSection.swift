import Domain
import Fluent
import Vapor
import Views

/// Academic years: 1 September – 31 May by default, one of them current.
struct AcademicYearsSection: RegistrySection {
    typealias Record = AcademicYear
    let area = Registry.academicYears
    let entityType = "academic_year"
    let noun = "Учебный год"
    let newTitle = "Новый учебный год"
    let archiveConsequence =
        "Учебный год пропадёт из списков выбора; назначения ресурсных центров этого года сохранятся."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["start"], defaultSort: "start")
        let b = AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status
        )
        .sort(\.$startsOn, query.descending ? .ascending : .descending)
        let (rows, total) = try await b.paged(query)
        let zone = try await RegistrySupport.zone(req)
        return RegistryList(
            title: "Учебные годы", area: area, query: query, filters: [CommonFilters.status],
            columns: [Column("Учебный год", sort: "start"), Column("Начало"), Column("Окончание"), Column("")],
            rows: try rows.map { y in
                [
                    .link(y.title, SiteURL.record(area, try y.requireID()).path),
                    .text(RuDate.format(y.startsOn, timeZone: zone)),
                    .text(RuDate.format(y.endsOn, timeZone: zone)), y.isCurrent ? .tag("текущий", "active") : .text(""),
                ]
            },
            total: total, noun: ("учебный год", "учебных года", "учебных лет"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID)) ? "Добавить учебный год" : nil,
            emptyText: "Учебных лет пока нет.")
    }

    func resource(_ record: AcademicYear, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: AcademicYear) -> String { record.title }
    func scope(_ record: AcademicYear) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: AcademicYear, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let centers = try await ResourceCenter.query(on: req.db).filter(try \.$academicYear.$id == record.requireID())
            .with(
                \.$organization
            ).all()
        return (
            [
                ("Учебный год", record.title), ("Начало", RuDate.format(record.startsOn, timeZone: zone)),
                ("Окончание", RuDate.format(record.endsOn, timeZone: zone)),
                ("Текущий", record.isCurrent ? "да" : "нет"),
            ],
            [
                RegistryCard.Section(
                    title: "Ресурсные центры года", columns: ["Организация"],
                    rows: try centers.sorted { $0.organization.sortKey < $1.organization.sortKey }
                        .map {
                            [
                                .link(
                                    $0.organization.shortName, SiteURL.record(.resourceCenters, try $0.requireID()).path
                                )
                            ]
                        },
                    emptyText: "В этом году ресурсные центры не назначены.")
            ], []
        )
    }

    func fields(_ req: Request, record: AcademicYear?) async throws -> [FieldSpec] {
        [
            FieldSpec("startsOn", "Начало", .date, required: true, hint: "Обычно 01.09."),
            FieldSpec("endsOn", "Окончание", .date, required: true, hint: "Обычно 31.05 следующего года."),
            FieldSpec(
                "current", "Текущий год", .checkboxes([("yes", "сделать текущим (прежний текущий перестанет им быть)")])
            ),
        ]
    }

    func values(_ record: AcademicYear, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues([
            "startsOn": [RuDate.format(record.startsOn, timeZone: zone)],
            "endsOn": [RuDate.format(record.endsOn, timeZone: zone)],
            "current": record.isCurrent ? ["yes"] : [],
        ])
    }

    func apply(_ form: FormValues, to record: AcademicYear, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let start = errors.date("startsOn", form["startsOn"], timeZone: zone, required: true)
        let end = errors.date("endsOn", form["endsOn"], timeZone: zone, required: true)
        var title = ""
        if let start, let end {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = zone
            let y1 = cal.component(.year, from: start)
            let y2 = cal.component(.year, from: end)
            if end <= start {
                errors.add("endsOn", "Окончание должно быть позже начала.")
            } else if y2 != y1 + 1 {
                errors.add("endsOn", "Учебный год заканчивается в следующем календарном году.")
            }
            title = "\(y1)/\(y2)"
            if let clash = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(
                    \.$title == title
                ).first(), clash.id != record.id
            {
                errors.add("startsOn", "Учебный год \(title) уже есть.")
            }
        }
        guard errors.isEmpty, let start, let end else { return nil }
        let makeCurrent = form.all("current").contains("yes")
        record.$municipality.id = municipalityID
        record.title = title
        record.startsOn = start
        record.endsOn = end
        if makeCurrent { record.isCurrent = true } else if isNew { record.isCurrent = false }
        return { db in
            if makeCurrent {
                try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
                    \.$id != record.requireID()
                )
                .set(\.$isCurrent, to: false).update()
            }
        }
    }

    func auditFields(_ record: AcademicYear, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        return [
            "Учебный год": record.title, "Начало": RuDate.format(record.startsOn, timeZone: zone),
            "Окончание": RuDate.format(record.endsOn, timeZone: zone), "Текущий": record.isCurrent ? "да" : "нет",
        ]
    }
}
