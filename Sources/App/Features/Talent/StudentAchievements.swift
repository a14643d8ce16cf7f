import Domain
import Fluent
import Vapor
import Views

/// A student's achievements where the student is shown: the student's card in the registry (for who may read them),
/// the family's pages (through `.person`).
enum StudentAchievements {
    /// The active achievements of students, newest edition first, with what their rows show (one read whatever the
    /// number of students).
    static func load(of studentIDs: [UUID], on db: any Database) async throws -> [UUID: [Achievement]] {
        guard !studentIDs.isEmpty else { return [:] }
        let all = try await Achievement.query(on: db).filter(\.$student.$id ~~ studentIDs)
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$subject)
            .with(\.$edition) { $0.with(\.$contest).with(\.$academicYear) }.all()
            .sorted {
                ($0.edition.academicYear.startsOn, $1.edition.sortKey) > (
                    $1.edition.academicYear.startsOn, $0.edition.sortKey
                )
            }
        return Dictionary(grouping: all) { $0.$student.id }
    }

    /// The family's section of a child's (or the student's own) achievements, without links to the school's cards.
    static func familySections(of studentIDs: [UUID], on db: any Database) async throws -> [UUID: RegistryCard.Section]
    {
        let loaded = try await load(of: studentIDs, on: db)
        var sections: [UUID: RegistryCard.Section] = [:]
        for id in studentIDs {
            sections[id] = StudentAchievementsSection(rows: try rows(loaded[id] ?? []), links: false).section
        }
        return sections
    }

    static func rows(_ achievements: [Achievement]) throws -> [StudentAchievementsSection.Row] {
        try achievements.map {
            .init(
                id: try $0.requireID(), edition: ContestEditionsSection.title($0.edition),
                subject: AchievementsSection.subjectText($0),
                result: TalentWords.result($0.achievementResult, place: $0.place, score: $0.score))
        }
    }

    /// The section of the registry card, when the user may read the student's achievements (nil otherwise); the
    /// school's administrator also gets the link to add one.
    static func section(of student: Student, req: Request) async throws -> RegistryCard.Section? {
        let school = OrgRef(id: student.$school.id, municipalityID: student.$municipality.id)
        guard req.can(.read, .achievement(school: school, shared: student.hasConsent)) else { return nil }
        let id = try student.requireID()
        let achievements = try await load(of: [id], on: req.db)[id] ?? []
        return StudentAchievementsSection(rows: try rows(achievements), links: true).section
    }
}
