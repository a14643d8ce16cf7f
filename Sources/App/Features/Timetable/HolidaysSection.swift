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
    let noun = "Период"
    let newTitle = "Каникулы или праздник"
    let archiveConsequence =
        "Период перестанет учитываться при составлении расписания; уже созданные занятия не изменятся."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status", "year"], sorts: ["first"], defaultSort: "first")
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let year = query.filters["year"].flatMap(UUID.init(uuidString:)) ?? years.first(where: \.isCurrent)?.id
        var b = HolidayPeriodRecord.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        if let year { b = b.filter(\.$academicYear.$id == year) }
        b = b.sort(\.$firstDay, query.descending ? .descending : .ascending)
        let (rows, total) = try await b.with(\.$academicYear).paged(query)
        return RegistryList(
            title: "Каникулы и праздники", area: area, query: query,
            filters: [
                FieldSpec(
                    "year", "Учебный год",
                    .select(try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }, empty: nil)
                ), CommonFilters.status,
            ],
            columns: [
                Column("Период", sort: "first"), Column("Вид"), Column("Название"), Column("Учебный год"),
                Column("Состояние"),
            ],
            rows: try rows.map { h in
                [
                    .link(Self.period(h), SiteURL.record(area, try h.requireID()).path),
                    .text(HolidayKind(rawValue: h.kind)?.title ?? h.kind), .text(h.title),
                    .text(h.academicYear.title), .badge(RecordStatus(rawValue: h.status) ?? .active),
                ]
            },
            total: total, noun: ("период", "периода", "периодов"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID))
                ? "Добавить каникулы или праздник" : nil,
            emptyText: "Каникулы и праздничные дни этого года не внесены: расписание строится по всем неделям.")
    }

    static func period(_ h: HolidayPeriodRecord) -> String {
        h.firstDay == h.lastDay
            ? CivilDay(number: h.firstDay).formatted
            : CivilDay(number: h.firstDay).formatted + " — " + CivilDay(number: h.lastDay).formatted
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
            [
                ("Название", record.title), ("Вид", HolidayKind(rawValue: record.kind)?.title ?? record.kind),
                ("Учебный год", year?.title ?? ""),
                ("Период", Self.period(record)),
                ("Продолжительность", RussianPlural.count(days, "день", "дня", "дней")),
            ], [], []
        )
    }

    func fields(_ req: Request, record: HolidayPeriodRecord?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$startsOn, .descending).all()
        return [
            FieldSpec(
                "year", "Учебный год",
                .select(
                    try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }, empty: "— выберите —"),
                required: true
            ),
            FieldSpec(
                "kind", "Вид", .select(HolidayKind.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true
            ),
            FieldSpec(
                "title", "Название", required: true, hint: "Например, «Осенние каникулы» или «День народного единства»."
            ),
            FieldSpec("first", "Первый день", .date, required: true),
            FieldSpec("last", "Последний день", .date, hint: "Для одного праздничного дня можно не заполнять."),
        ]
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
        if year == nil { errors.add("year", "Выберите учебный год.") }
        let kind = errors.choice("kind", form["kind"], as: HolidayKind.self)
        let title = errors.required("title", form["title"], max: 200)
        let first = errors.day("first", form["first"], required: true)
        let last = errors.day("last", form["last"], required: false) ?? first
        if let first, let last, last < first { errors.add("last", "Последний день не может быть раньше первого.") }
        if let year, let first, let last {
            let y1 = CivilDay(year.startsOn, timeZone: zone)
            let y2 = CivilDay(year.endsOn, timeZone: zone)
            if first < y1 || first > y2 {
                errors.add("first", "День вне учебного года \(year.title) (\(y1.formatted) — \(y2.formatted)).")
            } else if last > y2 {
                errors.add("last", "День вне учебного года \(year.title) (до \(y2.formatted)).")
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
        [
            "Название": record.title, "Вид": HolidayKind(rawValue: record.kind)?.title ?? record.kind,
            "Период": Self.period(record),
        ]
    }
}
