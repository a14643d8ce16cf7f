import Domain
import Fluent
import Vapor
import Views

/// Students of each school (personal data of minors): the school keeps its own, the КМЦ sees all of the municipality.
/// Duplicates (same surname, name, patronymic and birth date, ignoring case and ё/е) are refused; a match in
/// another school is reported without revealing that child (issue 3).
struct StudentsSection: RegistrySection {
    typealias Record = Student
    let area = Registry.students
    let entityType = "student"
    let noun = StudentsWords.noun
    let newTitle = StudentsWords.newTitle
    let archiveConsequence = StudentsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .student(school: $0)
        }
        let zone = try await RegistrySupport.zone(req)
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        return StudentListPage(
            query: query, schools: schools,
            rows: try rows.map { student in
                .init(
                    id: try student.requireID(), name: student.fullName,
                    birth: RuDate.format(student.birthDate, timeZone: zone),
                    school: student.school.shortName, grade: "\(student.grade)\(student.letter ?? "")",
                    consentOn: student.consentOn.map { RuDate.format($0, timeZone: zone) },
                    consentWithdrawn: student.consentWithdrawnAt != nil)
            },
            total: total, canCreate: req.can(.create, try newResource(req)), importURL: StudentImportStartPage.path
        ).list
    }

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["status", "school", "grade", "consent"], sorts: ["name", "grade"], defaultSort: "name",
            search: true)
    }

    /// Students the user may see (their schools, or all for the КМЦ), filtered and paged in the database; shared with
    /// the API.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([Student], Int) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .student(school: $0)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = Student.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        if let visible { builder = builder.filter(\.$school.$id ~~ Array(visible)) }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$school.$id == school)
        }
        if let grade = query.filters["grade"].flatMap(Int.init) { builder = builder.filter(\.$grade == grade) }
        if query.filters["consent"] == "no" {
            builder = builder.group(.or) { $0.filter(\.$consentOn == nil).filter(\.$consentWithdrawnAt != nil) }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder = query.sort == "grade" ? builder.sort(\.$grade, dir).sort(\.$sortKey) : builder.sort(\.$sortKey, dir)
        return try await builder.sort(\.$id).with(\.$school).paged(query)
    }

    func resource(_ record: Student, on db: any Database) async throws -> Resource {
        if record.$school.value == nil, let school = try await Organization.find(record.$school.id, on: db) {
            record.$school.value = school
        }
        guard let school = record.$school.value else { throw AppError.notFound() }
        return .student(school: school.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .student(school: try RegistrySupport.creatableOrganization(req) { .student(school: $0) })
    }
    func title(_ record: Student) -> String { record.fullName }
    func scope(_ record: Student) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$school.id)
    }

    func card(_ record: Student, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let enrollments = try await Enrollment.query(on: req.db).filter(try \.$student.$id == record.requireID()).with(
            \.$group
        ) {
            $0.with(\.$organization)
        }.all()
        let page = StudentCardPage(
            name: record.fullName, birth: RuDate.format(record.birthDate, timeZone: zone),
            sex: record.sex.flatMap(Sex.init(rawValue:)), school: record.$school.value?.shortName ?? "",
            grade: "\(record.grade)\(record.letter ?? "")", specialNeeds: record.specialNeeds,
            consentOn: record.consentOn.map { RuDate.format($0, timeZone: zone) }, consentBy: record.consentBy,
            consentText: record.consentText(zone: zone),
            consentWithdrawn: record.consentWithdrawnAt != nil,
            courses: try enrollments.map { enrollment in
                .init(
                    groupID: try enrollment.group.requireID(), group: enrollment.group.name,
                    center: enrollment.group.organization.shortName,
                    status: EnrollmentStatus(rawValue: enrollment.status), rawStatus: enrollment.status)
            },
            guardians: try await GuardiansSection.load(of: record, req: req, zone: zone))
        let achievements = try await StudentAchievements.section(of: record, req: req)
        let publication = (TalentWords.Publication.field, Self.publicationText(record, zone: zone))
        return (page.facts + [publication], page.sections + [achievements].compactMap { $0 }, page.warnings)
    }

    func extraActions(_ record: Student, req: Request) async throws -> [RegistryCard.Action] {
        let school = try await resource(record, on: req.db)
        let id = try record.requireID()
        var actions: [RegistryCard.Action] = []
        // The child's week, progress and applications, for who reads the child's own record (the school, the КМЦ).
        if case .student(let ref) = school, req.can(.read, .person(studentID: id, school: ref)) {
            actions += StudentRecordLinks.links(
                studentID: id, applicationsURL: StudentRecordLinks.schoolApplicationsURL(id)
            ).map { .link($0.title, $0.url, primary: false) }
        }
        if record.status == RecordStatus.active.rawValue, case .student(let ref) = school,
            req.can(.create, .achievement(school: ref, shared: record.hasConsent))
        {
            let path = SiteURL.new(.achievements).path + "?student=" + id.uuidString.lowercased()
            actions.append(.link(TalentWords.addAchievement, path, primary: false))
        }
        if record.status == RecordStatus.active.rawValue, case .student(let ref) = school,
            req.can(.create, .gifted(school: ref, shared: record.hasConsent))
        {
            let path = SiteURL.new(.gifted).path + "?student=" + id.uuidString.lowercased()
            actions.append(.link(OlympiadWords.Gifted.addToBank, path, primary: false))
        }
        guard record.status == RecordStatus.active.rawValue, req.can(.update, school) else { return actions }
        return actions + [
            .link(StudentsWords.addGuardian, SiteURL.record(area, id).path + "/guardians/new", primary: false)
        ]
    }

}
