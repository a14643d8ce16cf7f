import Domain
import Fluent
import Vapor
import Views

/// Academic years: 1 September – 31 May by default, one of them current.
struct AcademicYearsSection: RegistrySection {
    typealias Record = AcademicYear
    let area = Registry.academicYears
    let entityType = "academic_year"
    let noun = AcademicYearsWords.noun
    let newTitle = AcademicYearsWords.newTitle
    let archiveConsequence = AcademicYearsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["start"], defaultSort: "start")
        let builder = AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status
        )
        .sort(\.$startsOn, query.descending ? .ascending : .descending)
        let (rows, total) = try await builder.paged(query)
        let zone = try await RegistrySupport.zone(req)
        return AcademicYearListPage(
            query: query,
            rows: try rows.map { year in
                .init(
                    id: try year.requireID(), title: year.title, starts: RuDate.format(year.startsOn, timeZone: zone),
                    ends: RuDate.format(year.endsOn, timeZone: zone), isCurrent: year.isCurrent)
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
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
        let page = AcademicYearCardPage(
            title: record.title, starts: RuDate.format(record.startsOn, timeZone: zone),
            ends: RuDate.format(record.endsOn, timeZone: zone), isCurrent: record.isCurrent,
            centers: try centers.sorted { $0.organization.sortKey < $1.organization.sortKey }.map {
                .init(id: try $0.requireID(), name: $0.organization.shortName)
            })
        return (page.facts, page.sections, [])
    }

    func fields(_ req: Request, record: AcademicYear?) async throws -> [FieldSpec] {
        AcademicYearFormPage().fields
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
                errors.add("endsOn", AcademicYearsWords.endBeforeStart)
            } else if y2 != y1 + 1 {
                errors.add("endsOn", AcademicYearsWords.endNextYear)
            }
            title = "\(y1)/\(y2)"
            if let clash = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(
                    \.$title == title
                ).first(), clash.id != record.id
            {
                errors.add("startsOn", AcademicYearsWords.duplicate(title))
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
        return AcademicYearsWords.audit(
            title: record.title, starts: RuDate.format(record.startsOn, timeZone: zone),
            ends: RuDate.format(record.endsOn, timeZone: zone), isCurrent: record.isCurrent)
    }
}
