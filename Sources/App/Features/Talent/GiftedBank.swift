import Domain
import Fluent
import Vapor
import Views

/// Who is in the databank of gifted students (issue 21, item 4), read in a fixed number of statements: the students
/// the rule admits (an active achievement at or above its level and result in its years) and those the КМЦ entered,
/// narrowed by the list's filters and the reader's rights (a school its own; the municipality those with consent).
enum GiftedBank {
    static func rule(_ municipalityID: UUID, on db: any Database) async throws -> GiftedRule {
        try await GiftedRuleRecord.query(on: db).filter(\.$municipality.$id == municipalityID).first()?.rule
            ?? .standard
    }

    /// The academic years a rule looks back over: the current one and those that began within `years - 1` calendar
    /// years before it (a month's slack for a start date that moved).
    static func years(_ rule: GiftedRule, municipalityID: UUID, on db: any Database) async throws -> [UUID] {
        let years = try await ResourceCentersSection.years(municipalityID, on: db)
        guard let current = years.first(where: \.isCurrent) ?? years.first else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let back = calendar.date(byAdding: .year, value: -(rule.years - 1), to: current.startsOn) ?? current.startsOn
        let cutoff = back.addingTimeInterval(-31 * 86_400)
        return years.filter { $0.startsOn <= current.startsOn && $0.startsOn >= cutoff }.compactMap(\.id)
    }

    /// Students the rule admits, with the basis of each.
    static func members(_ municipalityID: UUID, rule: GiftedRule, on db: any Database) async throws
        -> [UUID: Set<GiftedBasis>]
    {
        let yearIDs = try await years(rule, municipalityID: municipalityID, on: db)
        var members: [UUID: Set<GiftedBasis>] = [:]
        if !yearIDs.isEmpty {
            let admitted = try await Achievement.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue)
                .filter(\.$result ~~ AchievementResult.allCases.filter { $0 >= rule.minResult }.map(\.rawValue))
                .join(ContestEdition.self, on: \Achievement.$edition.$id == \ContestEdition.$id)
                .filter(
                    ContestEdition.self,
                    \.$level ~~ ContestLevel.allCases.filter { $0 >= rule.minLevel }.map(\.rawValue)
                )
                .filter(ContestEdition.self, \.$academicYear.$id ~~ yearIDs).all(\.$student.$id)
            for id in admitted { members[id, default: []].insert(.rule) }
        }
        let decided = try await GiftedDecision.query(on: db).filter(\.$municipality.$id == municipalityID)
            .all(\.$student.$id)
        for id in decided { members[id, default: []].insert(.decision) }
        return members
    }

    /// The databank's page of students for the list's filters, with the total and each one's basis.
    static func page(_ query: ListQuery, municipalityID: UUID, req: Request) async throws
        -> (students: [Student], total: Int, basis: [UUID: Set<GiftedBasis>])
    {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .gifted(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var members = try await members(
            municipalityID, rule: try await rule(municipalityID, on: req.db), on: req.db)
        if let basis = query.filters["basis"].flatMap(GiftedBasis.init(rawValue:)) {
            members = members.filter { $0.value.contains(basis) }
        }
        var ids = Array(members.keys)
        let subject = query.filters["subject"].flatMap(UUID.init(uuidString:))
        let year = query.filters["year"].flatMap(UUID.init(uuidString:))
        let level = query.filters["level"]
        let direction = query.filters["direction"]
        if !ids.isEmpty && (subject != nil || year != nil || level != nil || direction != nil) {
            var achievements = Achievement.query(on: req.db).filter(\.$student.$id ~~ ids)
                .filter(\.$status == RecordStatus.active.rawValue)
                .join(ContestEdition.self, on: \Achievement.$edition.$id == \ContestEdition.$id)
            if let subject { achievements = achievements.filter(\.$subject.$id == subject) }
            if let year { achievements = achievements.filter(ContestEdition.self, \.$academicYear.$id == year) }
            if let level { achievements = achievements.filter(ContestEdition.self, \.$level == level) }
            if let direction {
                achievements = achievements.join(Contest.self, on: \ContestEdition.$contest.$id == \Contest.$id)
                    .filter(Contest.self, \.$direction == direction)
            }
            ids = Array(Set(try await achievements.all(\.$student.$id)))
        }
        guard !ids.isEmpty else { return ([], 0, members) }
        var builder = Student.query(on: req.db).filter(\.$id ~~ ids).filter(\.$status == RecordStatus.active.rawValue)
        if let visible {
            builder = builder.filter(\.$school.$id ~~ Array(visible))
        } else {
            builder = builder.filter(\.$consentOn != nil).filter(\.$consentWithdrawnAt == nil)
        }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$school.$id == school)
        }
        if let grade = query.filters["grade"].flatMap(Int.init) { builder = builder.filter(\.$grade == grade) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let (students, total) = try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending)
            .sort(\.$id).with(\.$school).paged(query)
        return (students, total, members)
    }

    /// The active achievements of some students, best first (level, then result, then the latest year).
    static func achievements(of students: [UUID], on db: any Database) async throws -> [UUID: [Achievement]] {
        guard !students.isEmpty else { return [:] }
        let rows = try await Achievement.query(on: db).filter(\.$student.$id ~~ students)
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$subject)
            .with(\.$edition) { $0.with(\.$contest).with(\.$academicYear) }.all()
        return Dictionary(grouping: rows, by: { $0.$student.id }).mapValues {
            $0.sorted {
                ($0.edition.contestLevel, $0.achievementResult, $0.edition.academicYear.startsOn)
                    > ($1.edition.contestLevel, $1.achievementResult, $1.edition.academicYear.startsOn)
            }
        }
    }

    /// «победитель — Всероссийская олимпиада школьников — муниципальный этап, 2025/2026 (математика)».
    static func line(_ achievement: Achievement) -> String {
        let subject = AchievementsSection.subjectText(achievement)
        return "\(achievement.achievementResult.title) — \(ContestEditionsSection.title(achievement.edition))"
            + (subject.isEmpty ? "" : " (\(subject))")
    }

    /// Network courses per student (places taken in a group).
    static func courseCounts(of students: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !students.isEmpty else { return [:] }
        let ids = try await Enrollment.query(on: db).filter(\.$student.$id ~~ students)
            .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all(\.$student.$id)
        return ids.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
