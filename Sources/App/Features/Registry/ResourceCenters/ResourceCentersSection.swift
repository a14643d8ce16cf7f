import Domain
import Fluent
import Vapor
import Views

/// Resource-centre designations: an organisation serves the network in an academic year in given subjects,
/// directions (`003_256a4293e3c370c5.txt` §1.4) and profiles (`002_f5d848fa5a191e3f.txt` §10), by a decree.
struct ResourceCentersSection: RegistrySection {
    typealias Record = ResourceCenter
    let area = Registry.resourceCenters
    let entityType = "resource_center"
    let noun = ResourceCentersWords.noun
    let newTitle = ResourceCentersWords.newTitle
    let archiveConsequence = ResourceCentersWords.archiveConsequence

    static func years(_ municipalityID: UUID, on db: any Database) async throws -> [AcademicYear] {
        try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
    }

    /// The year a list shows: `?year=` as an id or a title such as 2026/2027, else the current one.
    static func selectedYear(_ raw: String?, years: [AcademicYear]) -> AcademicYear? {
        if let raw, !raw.isEmpty {
            return years.first { $0.id?.uuidString.lowercased() == raw.lowercased() || $0.title == raw }
        }
        return years.first { $0.isCurrent } ?? years.first
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .resourceCenter(OrgRef(id: UUID(), municipalityID: municipalityID)))
        var query = RegistrySupport.listQuery(req, filters: ["status", "year"], sorts: ["name"], defaultSort: "name")
        let years = try await Self.years(municipalityID, on: req.db)
        let year = Self.selectedYear(query.filters["year"], years: years)
        query.filters["year"] = year?.id?.uuidString.lowercased()
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, yearID: year?.id, on: req.db)
        let canCreate = req.can(.create, .resourceCenter(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let zone = try await RegistrySupport.zone(req)
        return ResourceCenterListPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            hasYear: year != nil,
            rows: try rows.map { rc in
                .init(
                    id: try rc.requireID(), organization: rc.organization.shortName,
                    subjects: rc.subjects.sorted { $0.sortKey < $1.sortKey }.map(\.name),
                    directions: Direction.decode(rc.directions), decree: Self.decree(rc, zone: zone),
                    status: RecordStatus(rawValue: rc.status) ?? .active)
            },
            total: total, canCreate: canCreate
        ).list
    }

    /// Designations of a year, filtered and paged in the database (shared with the API).
    static func query(_ query: ListQuery, municipalityID: UUID, yearID: UUID?, on db: any Database) async throws -> (
        [ResourceCenter], Int
    ) {
        guard let yearID else { return ([], 0) }
        var builder = ResourceCenter.query(on: db).join(
            Organization.self, on: \ResourceCenter.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID)
        .filter(\.$academicYear.$id == yearID)
        .filterStatus(query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(Organization.self, \.$searchKey ~~ needle) }
        return try await builder.sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending)
            .with(\.$organization).with(\.$subjects).with(\.$academicYear).paged(query)
    }

    static func decree(_ rc: ResourceCenter, zone: TimeZone) -> String {
        ResourceCentersWords.decree(
            number: rc.decreeNumber, date: rc.decreeDate.map { RuDate.format($0, timeZone: zone) })
    }

    func resource(_ record: ResourceCenter, on db: any Database) async throws -> Resource {
        guard let org = try await Organization.find(record.$organization.id, on: db) else { throw AppError.notFound() }
        record.$organization.value = org
        return .resourceCenter(org.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .resourceCenter(OrgRef(id: UUID(), municipalityID: try RegistrySupport.municipality(req)))
    }
    func title(_ record: ResourceCenter) -> String {
        record.$organization.value?.shortName ?? ResourceCentersWords.noun
    }
    func scope(_ record: ResourceCenter) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$organization.value?.$municipality.id, record.$organization.id)
    }

    func card(_ record: ResourceCenter, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        try await record.$organization.load(on: req.db)
        try await record.$academicYear.load(on: req.db)
        try await record.$subjects.load(on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let page = ResourceCenterCardPage(
            organization: record.organization.shortName, year: record.academicYear.title,
            subjects: record.subjects.sorted { $0.sortKey < $1.sortKey }.map(\.name),
            directions: Direction.decode(record.directions), profiles: Self.profiles(record.profiles),
            decree: Self.decree(record, zone: zone))
        // The КМЦ's decisions on the designation (issue 22, item 6), for who may read its meetings.
        let municipalityID = record.organization.$municipality.id
        guard req.can(.read, .meeting(municipalityID: municipalityID)) else { return (page.facts, [], []) }
        let hearings = try await DesignationHearings.rows(centerID: record.requireID(), on: req.db)
        return (page.facts, [HearingRow.cardSection(hearings)], [])
    }

    static func profiles(_ stored: String) -> [StudyProfile] {
        stored.split(separator: ";").compactMap { StudyProfile(rawValue: String($0)) }
    }

    func fields(_ req: Request, record: ResourceCenter?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await Self.years(municipalityID, on: req.db)
        return ResourceCenterFormPage(
            organizations: try await RegistrySupport.organizationOptions(
                municipalityID, kinds: [.school, .additionalEducation, .college, .university, .other], on: req.db),
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            subjects: try await RegistrySupport.subjectOptions(municipalityID, on: req.db)
        ).fields
    }

    func values(_ record: ResourceCenter, req: Request) async throws -> FormValues {
        try await record.$subjects.load(on: req.db)
        let zone = try await RegistrySupport.zone(req)
        return FormValues([
            "organization": [record.$organization.id.uuidString.lowercased()],
            "year": [record.$academicYear.id.uuidString.lowercased()],
            "subjects": try record.subjects.map { try $0.requireID().uuidString.lowercased() },
            "directions": Direction.decode(record.directions).map(\.rawValue),
            "profiles": Self.profiles(record.profiles).map(\.rawValue),
            "decreeNumber": [record.decreeNumber ?? ""],
            "decreeDate": [RegistrySupport.date(record.decreeDate, zone)],
        ])
    }

    func apply(_ form: FormValues, to record: ResourceCenter, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID =
            try isNew
            ? RegistrySupport.municipality(req)
            : (record.$organization.value?.$municipality.id ?? RegistrySupport.municipality(req))
        let zone = try await RegistrySupport.zone(req)
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        let years = try await Self.years(municipalityID, on: req.db)
        let year = years.first { $0.id?.uuidString.lowercased() == form["year"]?.lowercased() }
        if year == nil { errors.add("year", ResourceCentersWords.yearFromList) }
        let subjects = try await RegistrySupport.subjects(
            Array(Set(form.all("subjects"))), field: "subjects", municipalityID: municipalityID, required: true,
            errors: &errors,
            on: req.db)
        let directions = form.all("directions").compactMap(Direction.init(rawValue:))
        if directions.count != form.all("directions").count {
            errors.add("directions", ResourceCentersWords.directionsFromList)
        }
        let profiles = form.all("profiles").compactMap(StudyProfile.init(rawValue:))
        if profiles.count != form.all("profiles").count {
            errors.add("profiles", ResourceCentersWords.profilesFromList)
        }
        let number = errors.optional("decreeNumber", form["decreeNumber"], max: 40)
        let date = errors.date("decreeDate", form["decreeDate"], timeZone: zone, required: false)
        if let org, let year,
            let clash = try await ResourceCenter.query(on: req.db).filter(try \.$organization.$id == org.requireID())
                .filter(try \.$academicYear.$id == year.requireID()).first(), clash.id != record.id
        {
            errors.add("organization", ResourceCentersWords.duplicate(year: year.title))
        }
        guard errors.isEmpty, let org, let year else { return nil }
        record.$organization.id = try org.requireID()
        record.$organization.value = org
        record.$academicYear.id = try year.requireID()
        record.directions = Direction.encode(directions)
        record.profiles = profiles.map(\.rawValue).joined(separator: ";")
        record.decreeNumber = number
        record.decreeDate = date
        let subjectIDs = subjects.compactMap(\.id)
        return { db in
            let id = try record.requireID()
            try await ResourceCenterSubject.query(on: db).filter(\.$center.$id == id).delete()
            for subjectID in subjectIDs {
                let link = ResourceCenterSubject()
                link.$center.id = id
                link.$subject.id = subjectID
                try await link.create(on: db)
            }
        }
    }

    func auditFields(_ record: ResourceCenter, on db: any Database) async throws -> [String: String] {
        let org = try await Organization.find(record.$organization.id, on: db)
        let year = try await AcademicYear.find(record.$academicYear.id, on: db)
        let subjects = try await ResourceCenterSubject.query(on: db).filter(\.$center.$id == record.id ?? UUID()).with(
            \.$subject
        ).all()
        return ResourceCentersWords.audit(
            organization: org?.shortName ?? "", year: year?.title ?? "",
            subjects: subjects.map(\.subject.name).sorted(),
            directions: Direction.decode(record.directions), profiles: Self.profiles(record.profiles),
            decree: Self.decree(record, zone: try await MunicipalClock.zone(org?.$municipality.id, on: db)))
    }
}
