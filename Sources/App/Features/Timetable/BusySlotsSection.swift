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
    let noun = BusySlotsWords.noun
    let newTitle = BusySlotsWords.newTitle
    let archiveConsequence = BusySlotsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .schoolTime(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["school"], defaultSort: "school")
        var builder = BusySlotRecord.query(on: req.db).join(
            Organization.self, on: \BusySlotRecord.$school.$id == \Organization.$id
        )
        .filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$school.$id == org)
        }
        builder = builder.sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending).sort(
            \.$startMinute)
        let (rows, total) = try await builder.with(\.$school).paged(query)
        let writable = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .schoolTime($0)
        }
        return BusySlotListPage(
            query: query,
            schools: try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db),
            statusFilter: CommonFilters.status,
            rows: try rows.map { slot in
                BusySlotListPage.Row(
                    url: SiteURL.record(area, try slot.requireID()).path, school: slot.school.shortName,
                    weekdays: slot.weekdays.map(\.short).joined(separator: ", "),
                    grades: slot.grades.map(String.init).joined(separator: ", "), time: slot.time,
                    status: RecordStatus(rawValue: slot.status) ?? .active)
            },
            total: total, canCreate: !writable.isEmpty
        ).list
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
        (record.$school.value?.shortName ?? BusySlotsWords.school) + ": " + record.summary
    }
    func scope(_ record: BusySlotRecord) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$school.id)
    }

    func card(_ record: BusySlotRecord, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        (
            BusySlotsWords.facts(
                school: record.$school.value?.shortName ?? "",
                weekdays: record.weekdays.map(\.title).joined(separator: ", "),
                grades: record.grades.map(String.init).joined(separator: ", "), time: record.time), [], []
        )
    }

    func fields(_ req: Request, record: BusySlotRecord?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return BusySlotsWords.fields(
            schools: try await RegistrySupport.writableOrganizations(
                req, municipalityID: municipalityID, kinds: [.school]
            ) {
                .schoolTime($0)
            })
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
            errors.add("organization", BusySlotsWords.notYourSchool)
        }
        let weekdays = Set(form.all("weekdays").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) })
        if weekdays.isEmpty { errors.add("weekdays", BusySlotsWords.noDay) }
        let grades = Set(form.all("grades").compactMap(Int.init).filter { (1...11).contains($0) })
        if grades.isEmpty { errors.add("grades", BusySlotsWords.noGrade) }
        let start = errors.clock("start", form["start"], required: true)
        let end = errors.clock("end", form["end"], required: true)
        if let start, let end, end <= start { errors.add("end", BusySlotsWords.endBeforeStart) }
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
        BusySlotsWords.audit(school: record.$school.value?.shortName ?? "", summary: record.summary)
    }
}
