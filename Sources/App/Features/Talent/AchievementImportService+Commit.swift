import Domain
import Fluent
import Vapor
import Views

/// Writing a checked file: the new editions, then every achievement with its audit entry, in one transaction — a
/// failure leaves the database as it was.
extension AchievementImportService {
    static func commit(
        _ checked: Checked, school: Organization, fileName: String, municipalityID: UUID, zone: TimeZone, req: Request
    ) async throws -> Int {
        let schoolID = try school.requireID()
        let ready = checked.ready
        // «Подготовили» names the registry's teachers and trainers by name or initials; the rest stays as written.
        let staff = try await AchievementPreparers.options(
            schools: [schoolID], municipalityID: municipalityID, on: req.db)
        let candidates = try staff.map {
            PreparerNames.Candidate(
                id: try $0.requireID(), surname: $0.surname, givenName: $0.givenName, patronymic: $0.patronymic)
        }
        let staffByID = Dictionary(staff.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        try await req.application.writeTransaction { db in
            var created: [String: ContestEdition] = [:]
            for item in ready {
                let edition: ContestEdition
                if let id = item.edition, let found = try await ContestEdition.find(id, on: db) {
                    edition = found
                } else {
                    let key = "\(item.contest.id!)|\(item.year.id!)|\(item.row.level.rawValue)"
                    if let made = created[key] {
                        edition = made
                    } else {
                        edition = ContestEdition()
                        edition.$municipality.id = municipalityID
                        edition.$contest.id = try item.contest.requireID()
                        edition.$academicYear.id = try item.year.requireID()
                        edition.level = item.row.level.rawValue
                        edition.$contest.value = item.contest
                        edition.$academicYear.value = item.year
                        let stage = ContestEditionsSection.stage(edition, kind: item.contest.contestKind)
                        edition.searchKey = TextKey.search(item.contest.title, item.year.title, stage)
                        edition.sortKey = TextKey.sort(
                            "\(item.contest.title) \(item.year.title) \(item.row.level.rank)")
                        edition.status = RecordStatus.active.rawValue
                        edition.version = 1
                        try await edition.create(on: db)
                        created[key] = edition
                        try await Audit.record(
                            on: db, req: req, action: .create, entityType: "contest_edition", entityID: edition.id,
                            title: ContestEditionsSection.title(edition), municipalityID: municipalityID,
                            organizationID: nil,
                            after: [TalentWords.Field.edition: ContestEditionsSection.title(edition)])
                    }
                }
                edition.$contest.value = item.contest
                edition.$academicYear.value = item.year
                let record = Achievement()
                record.$municipality.id = municipalityID
                record.$school.id = schoolID
                record.$school.value = school
                record.$student.id = try item.student.requireID()
                record.$student.value = item.student
                record.$edition.id = try edition.requireID()
                record.$edition.value = edition
                record.$subject.id = item.subject?.id
                record.$subject.value = .some(item.subject)
                record.nomination = item.subject == nil ? item.row.subject : nil
                record.subjectKey = AchievementRules.subjectKey(
                    subjectID: item.subject?.id, nomination: record.nomination)
                record.result = item.row.result.rawValue
                record.score = item.row.score
                record.place = item.row.place
                record.gradeStudied = item.student.grade
                record.gradeCompeted = item.gradeCompeted
                record.achievedOn = item.row.achievedOn
                let named = PreparerNames.match(item.row.preparedBy, among: candidates)
                record.preparedBy = named.others.isEmpty ? nil : named.others.joined(separator: ", ")
                record.$preparers.value = named.ids.compactMap { staffByID[$0] }
                record.documentNumber = item.row.documentNumber
                record.searchKey = TextKey.search(
                    item.student.surname, item.student.givenName, item.student.patronymic, item.contest.title,
                    item.subject?.name, record.nomination)
                record.sortKey = item.student.sortKey
                record.status = RecordStatus.active.rawValue
                record.version = 1
                try await record.create(on: db)
                try await AchievementPreparers.replace(try record.requireID(), with: named.ids, on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "achievement", entityID: record.id,
                    title: AchievementsSection().title(record), municipalityID: municipalityID,
                    organizationID: schoolID,
                    after: AchievementsSection.auditFields(record, zone: zone))
            }
            try await Audit.record(
                on: db, req: req, action: .importBatch, entityType: "achievement", entityID: nil,
                title: TalentWords.Import.auditTitle(fileName: fileName, count: ready.count),
                municipalityID: municipalityID, organizationID: schoolID)
        }
        return ready.count
    }
}
