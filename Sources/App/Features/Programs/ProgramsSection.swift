import Domain
import Fluent
import Vapor
import Views

/// Network programmes: a resource centre drafts them, the КМЦ agrees or returns them (`000_5375b2a087477e6d.txt` §4.2).
/// Editing is possible only while the programme is the centre's draft; every submitted version is kept.
struct ProgramsSection: RegistrySection {
    typealias Record = NetworkProgram
    let area = Registry.programs
    let entityType = "program"
    let noun = ProgramsWords.noun
    let newTitle = ProgramsWords.newTitle
    let archiveConsequence = ProgramsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .program(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "approval", "organization", "kind"], sorts: ["title", "center"],
            defaultSort: "title")
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, on: req.db)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let centerOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        let waiting = try await NetworkProgram.query(on: req.db).join(
            Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filter(
            \.$approval == ProgramApproval.submitted.rawValue
        ).count()
        return ProgramListPage(
            query: query, centers: centerOptions,
            rows: try rows.map { program in
                .init(
                    id: try program.requireID(), title: program.title, kind: ProgramKind(rawValue: program.kind),
                    center: program.organization.shortName, gradeFrom: program.gradeFrom, gradeTo: program.gradeTo,
                    hours: program.hours,
                    approval: ProgramApproval(rawValue: program.approval) ?? .draft)
            },
            total: total, canCreate: req.can(.create, try newResource(req)),
            waiting: req.can(.approve, .program(OrgRef(id: UUID(), municipalityID: municipalityID))) ? waiting : 0
        ).list
    }

    /// Programmes of the municipality, filtered and paged in the database (shared with the API and the catalogue).
    static func query(_ query: ListQuery, municipalityID: UUID, on db: any Database) async throws -> (
        [NetworkProgram], Int
    ) {
        try await filtered(query, municipalityID: municipalityID, on: db).with(\.$organization).with(\.$subject)
            .paged(query)
    }

    /// The municipality's programmes through the list's filters, search and sort (the list, the API, the catalogue).
    static func filtered(_ query: ListQuery, municipalityID: UUID, on db: any Database) -> QueryBuilder<NetworkProgram>
    {
        var builder = NetworkProgram.query(on: db).join(
            Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let approval = query.filters["approval"] { builder = builder.filter(\.$approval == approval) }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$organization.$id == org)
        }
        if let kind = query.filters["kind"] { builder = builder.filter(\.$kind == kind) }
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == year)
        }
        if let profile = query.filters["profile"] { builder = builder.filter(\.$profile == profile) }
        if let form = query.filters["form"] { builder = builder.filter(\.$form == form) }
        if let grade = query.filters["grade"].flatMap(Int.init) {
            builder = builder.filter(\.$gradeFrom <= grade).filter(\.$gradeTo >= grade)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder =
            query.sort == "center"
            ? builder.sort(Organization.self, \.$sortKey, dir).sort(\.$sortKey) : builder.sort(\.$sortKey, dir)
        return builder.sort(\.$id)
    }

    func resource(_ record: NetworkProgram, on db: any Database) async throws -> Resource {
        if record.$organization.value == nil, let org = try await Organization.find(record.$organization.id, on: db) {
            record.$organization.value = org
        }
        guard let org = record.$organization.value else { throw AppError.notFound() }
        return .program(org.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .program(try RegistrySupport.creatableOrganization(req) { .program($0) })
    }
    func title(_ record: NetworkProgram) -> String { record.title }
    func scope(_ record: NetworkProgram) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$organization.value?.$municipality.id, record.$organization.id)
    }

    func card(_ record: NetworkProgram, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let teachers = try await record.$teachers.get(on: req.db)
        let subject = try await record.$subject.get(on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let approval = ProgramApproval(rawValue: record.approval) ?? .draft
        let versions = try await ProgramVersion.query(on: req.db).filter(try \.$program.$id == record.requireID()).sort(
            \.$number, .descending
        ).all()
        let page = ProgramCardPage(
            title: record.title, center: record.$organization.value?.shortName ?? "",
            kind: ProgramKind(rawValue: record.kind), subject: subject?.name,
            profile: record.profile.flatMap(StudyProfile.init(rawValue:)), target: record.target,
            gradeFrom: record.gradeFrom, gradeTo: record.gradeTo, hours: record.hours,
            form: StudyForm(rawValue: record.form), teachers: teachers.map(\.fullName).sorted(),
            modules: record.modules, summary: record.summary, results: record.results, approval: approval,
            reviewComment: record.reviewComment,
            versions: versions.map { version in
                .init(
                    number: version.number, submitted: RuDate.formatDateTime(version.submittedAt, timeZone: zone),
                    by: version.submittedBy,
                    decision: version.decision.flatMap(ProgramApproval.init(rawValue:)), comment: version.comment)
            })
        return (page.facts, page.sections, page.warnings)
    }

    func auditFields(_ record: NetworkProgram, on db: any Database) async throws -> [String: String] {
        let teachers = try await ProgramTeachersSQL.names(programs: record.id.map { [$0] } ?? [], on: db)
        return ProgramsWords.audit(
            title: record.title, kind: ProgramKind(rawValue: record.kind), gradeFrom: record.gradeFrom,
            gradeTo: record.gradeTo, hours: record.hours, form: StudyForm(rawValue: record.form),
            modules: record.modules, target: record.target, teachers: record.id.flatMap { teachers[$0] } ?? [],
            approval: ProgramApproval(rawValue: record.approval))
    }
}

extension ProgramsSection {
    func isEditable(_ record: NetworkProgram) -> Bool {
        (ProgramApproval(rawValue: record.approval) ?? .draft).isEditable
    }

    func extraActions(_ record: NetworkProgram, req: Request) async throws -> [RegistryCard.Action] {
        let resource = try await self.resource(record, on: req.db)
        let approval = ProgramApproval(rawValue: record.approval) ?? .draft
        var actions: [RegistryCard.Action] = []
        if approval.canSubmit && req.can(.update, resource) && record.status == RecordStatus.active.rawValue {
            actions.append(
                .post(ProgramsWords.submit, SiteURL.record(area, try record.requireID()).path + "/submit"))
        }
        if approval.canReview && req.can(.approve, resource) {
            actions.append(
                .link(
                    ProgramsWords.review, SiteURL.record(area, try record.requireID()).path + "/review", primary: true))
        }
        return actions
    }
}
