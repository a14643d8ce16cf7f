import Domain
import Fluent
import Vapor
import Views

/// Students' achievements (issue 21, item 2): the school enters its own students' results; the administrator, the
/// coordinator and the methodologist read the municipality's — of the students whose consent to the processing of
/// personal data is on record (item 7: without it a result does not leave the school).
struct AchievementsSection: RegistrySection {
    typealias Record = Achievement
    let area = Registry.achievements
    let entityType = "achievement"
    let noun = TalentWords.achievementNoun
    let newTitle = TalentWords.achievementNewTitle
    let archiveConsequence = TalentWords.achievementArchiveConsequence
    let duplicate = (field: "subject", message: TalentWords.Check.duplicateAchievement)

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["status", "school", "year", "level", "result", "student"], sorts: ["name"],
            defaultSort: "name", search: true)
    }

    static let choices: [String: [String]] = [
        "status": RegistrySupport.statusChoices, "level": ContestLevel.allCases.map(\.rawValue),
        "result": AchievementResult.allCases.map(\.rawValue),
    ]

    /// The policy's resource of an achievement whose student is loaded.
    static func resource(of record: Achievement) -> Resource {
        .achievement(
            school: OrgRef(id: record.$school.id, municipalityID: record.$municipality.id),
            shared: record.$student.value?.hasConsent ?? false)
    }

    /// «математика» or the nomination (subject loaded).
    static func subjectText(_ record: Achievement) -> String {
        record.$subject.value??.name ?? record.nomination ?? ""
    }

    /// The achievements the user may see, filtered and paged in the database; shared with the API. A school sees its
    /// own; the municipality's roles those of students with consent.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([Achievement], Int) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .achievement(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = Achievement.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filterStatus(query, \.$status)
        if let visible {
            builder = builder.filter(\.$school.$id ~~ Array(visible))
        } else {
            builder = builder.join(Student.self, on: \Achievement.$student.$id == \Student.$id)
                .filter(Student.self, \.$consentOn != nil).filter(Student.self, \.$consentWithdrawnAt == nil)
        }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$school.$id == school)
        }
        if let student = query.filters["student"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$student.$id == student)
        }
        if let result = query.filters["result"] { builder = builder.filter(\.$result == result) }
        let year = query.filters["year"].flatMap(UUID.init(uuidString:))
        let level = query.filters["level"]
        if year != nil || level != nil {
            builder = builder.join(ContestEdition.self, on: \Achievement.$edition.$id == \ContestEdition.$id)
            if let year { builder = builder.filter(ContestEdition.self, \.$academicYear.$id == year) }
            if let level { builder = builder.filter(ContestEdition.self, \.$level == level) }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        return try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending).sort(\.$id)
            .with(\.$student).with(\.$school).with(\.$subject).with(\.$edition) {
                $0.with(\.$contest).with(\.$academicYear)
            }
            .paged(query)
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .achievement(school: $0, shared: true)
        }
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let creatable = try RegistrySupport.creatableOrganization(req) { .achievement(school: $0, shared: false) }
        return AchievementListPage(
            query: query, schools: schools,
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map {
                .init(
                    id: try $0.requireID(), student: $0.student.fullName, school: $0.school.shortName,
                    grade: $0.gradeStudied, edition: ContestEditionsSection.title($0.edition),
                    subject: Self.subjectText($0), result: $0.achievementResult,
                    resultText: TalentWords.result($0.achievementResult, place: $0.place, score: $0.score),
                    status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .achievement(school: creatable, shared: false))
        ).list
    }

    /// Every path to a record asks its resource first: the student (for the consent), school, edition and subject
    /// the card and the title need are loaded here.
    func resource(_ record: Achievement, on db: any Database) async throws -> Resource {
        if record.$student.value == nil { record.$student.value = try await Student.find(record.$student.id, on: db) }
        if record.$school.value == nil { record.$school.value = try await Organization.find(record.$school.id, on: db) }
        if record.$edition.value == nil {
            let edition = try await ContestEdition.query(on: db).filter(\.$id == record.$edition.id).with(\.$contest)
                .with(\.$academicYear).first()
            record.$edition.value = edition
        }
        if record.$subject.value == nil, let subjectID = record.$subject.id {
            record.$subject.value = try await OlympiadSubject.find(subjectID, on: db)
        }
        guard record.$student.value != nil, record.$school.value != nil, record.$edition.value != nil else {
            throw AppError.notFound()
        }
        return Self.resource(of: record)
    }
    func newResource(_ req: Request) throws -> Resource {
        .achievement(
            school: try RegistrySupport.creatableOrganization(req) { .achievement(school: $0, shared: false) },
            shared: false)
    }
    func title(_ record: Achievement) -> String {
        guard let student = record.$student.value else { return TalentWords.achievementNoun }
        return "\(student.fullName): \(TalentWords.result(record.achievementResult, place: nil, score: nil))"
    }
    func scope(_ record: Achievement) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$school.id)
    }
}
