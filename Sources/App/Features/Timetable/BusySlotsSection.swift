import Domain
import Fluent
import Vapor
import Views

/// Schools' fixed busy time per grade (e.g. lessons until 14:30): the timetable warns when a network lesson falls
/// into it for a student of that school and grade (issue 4). A school keeps its own; the КМЦ and the administrator
/// keep all.
struct BusySlotsSection: RegistrySection {
    typealias Record = BusySlotRecord
    let area = Registry.busySlots
    let entityType = "busy_slot"
    let noun = "Занятость"
    let newTitle = "Новое время школы"
    let archiveConsequence = "Это время школы перестанет учитываться в предупреждениях расписания."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .schoolTime(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["school"], defaultSort: "school")
        var b = BusySlotRecord.query(on: req.db).join(
            Organization.self, on: \BusySlotRecord.$school.$id == \Organization.$id
        )
        .filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            b = b.filter(\.$school.$id == org)
        }
        b = b.sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending).sort(\.$startMinute)
        let (rows, total) = try await b.with(\.$school).paged(query)
        let writable = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .schoolTime($0)
        }
        return RegistryList(
            title: "Занятость школ", area: area, query: query,
            filters: [
                FieldSpec(
                    "organization", "Школа",
                    .select(
                        try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db),
                        empty: "Все школы")),
                CommonFilters.status,
            ],
            columns: [
                Column("Школа", sort: "school"), Column("Дни"), Column("Классы"), Column("Время"), Column("Состояние"),
            ],
            rows: try rows.map { s in
                [
                    .link(s.school.shortName, SiteURL.record(area, try s.requireID()).path),
                    .text(s.weekdays.map(\.short).joined(separator: ", ")),
                    .text(s.grades.map(String.init).joined(separator: ", ")),
                    .text(
                        ClockTime(minutes: s.startMinute).formatted + "–" + ClockTime(minutes: s.endMinute).formatted),
                    .badge(RecordStatus(rawValue: s.status) ?? .active),
                ]
            },
            total: total, noun: ("запись", "записи", "записей"),
            createTitle: writable.isEmpty ? nil : "Добавить время школы",
            emptyText: "Школы ещё не указали своё время: расписание не предупреждает о пересечении с их уроками.")
    }

    func resource(_ record: BusySlotRecord, on db: any Database) async throws -> Resource {
        guard let org = try await Organization.find(record.$school.id, on: db) else { throw AppError.notFound() }
        record.$school.value = org
        return .schoolTime(org.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .schoolTime(try RegistrySupport.creatableOrganization(req) { .schoolTime($0) })
    }
    func title(_ record: BusySlotRecord) -> String {
        (record.$school.value?.shortName ?? "Школа") + ": " + record.summary
    }
    func scope(_ record: BusySlotRecord) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$school.id)
    }

    func card(_ record: BusySlotRecord, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        (
            [
                ("Школа", record.$school.value?.shortName ?? ""),
                ("Дни недели", record.weekdays.map(\.title).joined(separator: ", ")),
                ("Классы", record.grades.map(String.init).joined(separator: ", ")),
                (
                    "Время",
                    ClockTime(minutes: record.startMinute).formatted + "–"
                        + ClockTime(minutes: record.endMinute).formatted
                ),
            ], [], []
        )
    }

    func fields(_ req: Request, record: BusySlotRecord?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return [
            FieldSpec(
                "organization", "Школа",
                .select(
                    try await RegistrySupport.writableOrganizations(
                        req, municipalityID: municipalityID, kinds: [.school]
                    ) {
                        .schoolTime($0)
                    },
                    empty: "— выберите —"), required: true),
            FieldSpec(
                "weekdays", "Дни недели",
                .checkboxes(Weekday.allCases.prefix(6).map { (String($0.rawValue), $0.title) }), required: true),
            FieldSpec("grades", "Классы", .checkboxes((5...11).map { (String($0), "\($0) класс") }), required: true),
            FieldSpec("start", "С", .text("text"), required: true, hint: "Время в виде ЧЧ:ММ, например 08:30."),
            FieldSpec("end", "До", .text("text"), required: true, hint: "Например 14:30 — окончание последнего урока."),
        ]
    }

    func values(_ record: BusySlotRecord, req: Request) async throws -> FormValues {
        FormValues([
            "organization": [record.$school.id.uuidString.lowercased()],
            "weekdays": record.weekdays.map { String($0.rawValue) },
            "grades": record.grades.map(String.init), "start": [ClockTime(minutes: record.startMinute).formatted],
            "end": [ClockTime(minutes: record.endMinute).formatted],
        ])
    }

    func apply(_ form: FormValues, to record: BusySlotRecord, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let org, !req.can(isNew ? .create : .update, .schoolTime(org.ref)) {
            errors.add("organization", "Вы не можете вести время этой школы.")
        }
        let weekdays = Set(form.all("weekdays").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) })
        if weekdays.isEmpty { errors.add("weekdays", "Отметьте хотя бы один день.") }
        let grades = Set(form.all("grades").compactMap(Int.init).filter { (1...11).contains($0) })
        if grades.isEmpty { errors.add("grades", "Отметьте хотя бы один класс.") }
        let start = errors.clock("start", form["start"], required: true)
        let end = errors.clock("end", form["end"], required: true)
        if let start, let end, end <= start { errors.add("end", "Окончание должно быть позже начала.") }
        guard errors.isEmpty, let org, let start, let end else { return nil }
        record.$municipality.id = municipalityID
        record.$school.id = try org.requireID()
        record.$school.value = org
        record.weekdaysText = weekdays.map(\.rawValue).sorted().map(String.init).joined(separator: ",")
        record.gradesText = grades.sorted().map(String.init).joined(separator: ",")
        record.startMinute = start.minutes
        record.endMinute = end.minutes
        return { _ in }
    }

    func auditFields(_ record: BusySlotRecord, on db: any Database) async throws -> [String: String] {
        ["Школа": record.$school.value?.shortName ?? "", "Время": record.summary]
    }
}
