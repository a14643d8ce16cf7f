import Domain
import Fluent
import Vapor
import Views

/// The academic-year calendar the administrator keeps: каникулы and праздничные дни, on which weekly patterns
/// generate no lessons (issue 4).
struct HolidaysSection: RegistrySection {
    typealias Record = HolidayPeriodRecord
    let area = Registry.holidays
    let entityType = "holiday_period"
    let noun = HolidaysWords.noun
    let newTitle = HolidaysWords.newTitle
    let archiveConsequence = HolidaysWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status", "year"], sorts: ["first"], defaultSort: "first")
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let year = query.filters["year"].flatMap(UUID.init(uuidString:)) ?? years.first(where: \.isCurrent)?.id
        var builder = HolidayPeriodRecord.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        if let year { builder = builder.filter(\.$academicYear.$id == year) }
        builder = builder.sort(\.$firstDay, query.descending ? .descending : .ascending)
        let (rows, total) = try await builder.with(\.$academicYear).paged(query)
        return HolidayListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            statusFilter: CommonFilters.status,
            rows: try rows.map { holiday in
                HolidayListPage.Row(
                    url: SiteURL.record(area, try holiday.requireID()).path, period: Self.period(holiday),
                    kind: HolidayKind(rawValue: holiday.kind)?.title ?? holiday.kind, title: holiday.title,
                    year: holiday.academicYear.title,
                    status: RecordStatus(rawValue: holiday.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    static func period(_ holiday: HolidayPeriodRecord) -> String {
        holiday.firstDay == holiday.lastDay
            ? CivilDay(number: holiday.firstDay).formatted
            : CivilDay(number: holiday.firstDay).formatted + " — " + CivilDay(number: holiday.lastDay).formatted
    }

    func resource(_ record: HolidayPeriodRecord, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: HolidayPeriodRecord) -> String { record.title + ": " + Self.period(record) }
    func scope(_ record: HolidayPeriodRecord) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: HolidayPeriodRecord, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let year = try await AcademicYear.find(record.$academicYear.id, on: req.db)
        let days = record.lastDay - record.firstDay + 1
        return (
            HolidaysWords.facts(
                title: record.title, kind: HolidayKind(rawValue: record.kind)?.title ?? record.kind,
                year: year?.title ?? "", period: Self.period(record), days: days), [], []
        )
    }

    func fields(_ req: Request, record: HolidayPeriodRecord?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$startsOn, .descending).all()
        return HolidaysWords.fields(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) })
    }

    func values(_ record: HolidayPeriodRecord, req: Request) async throws -> FormValues {
        FormValues(single: [
            "year": record.$academicYear.id.uuidString.lowercased(), "kind": record.kind, "title": record.title,
            "first": CivilDay(number: record.firstDay).formatted, "last": CivilDay(number: record.lastDay).formatted,
        ])
    }

    func apply(_ form: FormValues, to record: HolidayPeriodRecord, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        var year: AcademicYear?
        if let raw = form["year"], let id = UUID(uuidString: raw) {
            year = try await AcademicYear.query(on: req.db).filter(\.$id == id).filter(
                \.$municipality.$id == municipalityID
            )
            .first()
        }
        if year == nil { errors.add("year", HolidaysWords.chooseYear) }
        let kind = errors.choice("kind", form["kind"], as: HolidayKind.self)
        let title = errors.required("title", form["title"], max: 200)
        let first = errors.day("first", form["first"], required: true)
        let last = errors.day("last", form["last"], required: false) ?? first
        if let first, let last, last < first { errors.add("last", HolidaysWords.lastBeforeFirst) }
        if let year, let first, let last {
            let y1 = CivilDay(year.startsOn, timeZone: zone)
            let y2 = CivilDay(year.endsOn, timeZone: zone)
            if first < y1 || first > y2 {
                errors.add("first", HolidaysWords.outsideYear(year.title, from: y1.formatted, to: y2.formatted))
            } else if last > y2 {
                errors.add("last", HolidaysWords.afterYear(year.title, to: y2.formatted))
            }
        }
        guard errors.isEmpty, let year, let kind, let first, let last else { return nil }
        record.$municipality.id = municipalityID
        record.$academicYear.id = try year.requireID()
        record.kind = kind.rawValue
        record.title = title
        record.firstDay = first.number
        record.lastDay = last.number
        return { _ in }
    }

    func auditFields(_ record: HolidayPeriodRecord, on db: any Database) async throws -> [String: String] {
        HolidaysWords.audit(
            title: record.title, kind: HolidayKind(rawValue: record.kind)?.title ?? record.kind,
            period: Self.period(record))
    }
}
