import Domain
import Fluent
import Vapor
import Views

/// Who may be named as having prepared a student for a result (issue 21, item 2; `000_5375b2a087477e6d.txt` §4.3):
/// the staff of the student's school, the teachers of the municipality's network programmes and groups, and its outside
/// trainers — active members of the staff registry. Written once for the form, its check, the card and the API.
enum AchievementPreparers {
    /// The staff the form offers for results of students of these schools, by name.
    static func options(schools: [UUID], municipalityID: UUID, on db: any Database) async throws -> [StaffMember] {
        let ofSchools =
            schools.isEmpty
            ? [] : try await StaffOrganization.query(on: db).filter(\.$organization.$id ~~ schools).all(\.$staff.$id)
        let teachers = try await ProgramTeacher.query(on: db)
            .join(NetworkProgram.self, on: \ProgramTeacher.$program.$id == \NetworkProgram.$id)
            .join(Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID).all(\.$staff.$id)
        let groupTeachers = try await StudyGroup.query(on: db)
            .join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID).filter(\.$teacher.$id != nil)
            .all(\.$teacher.$id).compactMap { $0 }
        let ids = Array(Set(ofSchools + teachers + groupTeachers))
        return try await StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue)
            .group(.or) { group in
                group.filter(\.$isOutsideTrainer == true)
                if !ids.isEmpty { group.filter(\.$id ~~ ids) }
            }
            .sort(\.$sortKey).sort(\.$id).all()
    }

    /// The form's choices: «Смирнова Анна Викторовна — учитель математики».
    static func choices(_ staff: [StaffMember]) throws -> [(value: String, title: String)] {
        try staff.map {
            (
                try $0.requireID().uuidString.lowercased(),
                TalentWords.preparerChoice(name: $0.fullName, position: $0.position)
            )
        }
    }

    /// The chosen preparers, checked: each among `allowed` (or already named by the record); an unknown id is the
    /// field's error and no link is kept. Sorted as the registry sorts names.
    static func chosen(
        _ raw: [String], allowed: [StaffMember], kept: [StaffMember], errors: inout FieldErrors
    ) -> [StaffMember] {
        let pool = Dictionary(
            (allowed + kept).compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
        var chosen: [UUID: StaffMember] = [:]
        for value in raw where !value.isEmpty {
            guard let id = UUID(uuidString: value), let member = pool[id] else {
                errors.add("preparers", TalentWords.Check.choosePreparer)
                return []
            }
            chosen[id] = member
        }
        return sorted(Array(chosen.values))
    }

    /// By name as the staff registry sorts, then by id.
    static func sorted(_ staff: [StaffMember]) -> [StaffMember] {
        staff.sorted { ($0.sortKey, $0.id?.uuidString ?? "") < ($1.sortKey, $1.id?.uuidString ?? "") }
    }

    /// Loads the preparers of `records` (500 achievements per statement), each record's sorted.
    static func load(into records: [Achievement], on db: any Database) async throws {
        let links = try await RegistrySupport.inChunks(records.compactMap(\.id)) {
            try await AchievementPreparer.query(on: db).filter(\.$achievement.$id ~~ $0).with(\.$staff).all()
        }
        let byAchievement = Dictionary(grouping: links, by: { $0.$achievement.id })
        for record in records {
            record.$preparers.value = sorted((byAchievement[record.id ?? UUID()] ?? []).map(\.staff))
        }
    }

    /// Replaces an achievement's links within the write.
    static func replace(_ achievementID: UUID, with staffIDs: [UUID], on db: any Database) async throws {
        try await AchievementPreparer.query(on: db).filter(\.$achievement.$id == achievementID).delete()
        for staffID in staffIDs {
            let link = AchievementPreparer()
            link.$achievement.id = achievementID
            link.$staff.id = staffID
            try await link.create(on: db)
        }
    }

    /// The card's and the audit's line: the registry's names, then the others as written.
    static func line(_ record: Achievement) -> String {
        TalentWords.preparers(names: sorted(record.$preparers.value ?? []).map(\.fullName), others: record.preparedBy)
    }
}
