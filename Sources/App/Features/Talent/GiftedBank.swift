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
        years(rule, of: try await ResourceCentersSection.years(municipalityID, on: db))
    }

    /// The same, of the municipality's years already read.
    static func years(_ rule: GiftedRule, of years: [AcademicYear]) -> [UUID] {
        guard let current = years.first(where: \.isCurrent) ?? years.first else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let back = calendar.date(byAdding: .year, value: -(rule.years - 1), to: current.startsOn) ?? current.startsOn
        let cutoff = back.addingTimeInterval(-31 * 86_400)
        return years.filter { $0.startsOn <= current.startsOn && $0.startsOn >= cutoff }.compactMap(\.id)
    }

    /// The members with consent in force, by name: the list's statement with no filter (the demo's choices).
    static func consentingMembers(_ municipalityID: UUID, on db: any Database) async throws -> [UUID] {
        let rule = try await Self.rule(municipalityID, on: db)
        return try await GiftedBankSQL.page(
            GiftedBankSQL.Filters(), rule: rule, years: try await years(rule, municipalityID: municipalityID, on: db),
            municipalityID: municipalityID, descending: false, offset: 0, limit: Int(Int32.max), on: db
        ).ids
    }

    /// The databank's page of students for the list's filters, with the total and each one's basis: the page's ids and
    /// the count from `GiftedBankSQL` (membership as subqueries), the students by those ids.
    static func page(_ query: ListQuery, municipalityID: UUID, req: Request) async throws
        -> (students: [Student], total: Int, basis: [UUID: Set<GiftedBasis>])
    {
        let page = try await read(query, municipalityID: municipalityID, req: req)
        return (page.students, page.total, page.basis)
    }

    /// A page of the databank with what it was read by: the rule and the municipality's years (the list's filters
    /// and its heading use them too: read once).
    struct Page {
        var students: [Student]
        var total: Int
        var basis: [UUID: Set<GiftedBasis>]
        var rule: GiftedRule
        var years: [AcademicYear]
    }

    static func read(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> Page {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .gifted(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        let rule = try await Self.rule(municipalityID, on: req.db)
        let allYears = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let yearIDs = years(rule, of: allYears)
        let filters = GiftedBankSQL.Filters(
            visible: visible.map { Array($0) }, school: query.filters["school"].flatMap(UUID.init(uuidString:)),
            grade: query.filters["grade"].flatMap(Int.init), needle: TextKey.needle(query.q),
            basis: query.filters["basis"].flatMap(GiftedBasis.init(rawValue:)),
            subject: query.filters["subject"].flatMap(UUID.init(uuidString:)),
            year: query.filters["year"].flatMap(UUID.init(uuidString:)), level: query.filters["level"],
            direction: query.filters["direction"])
        let (ids, total) = try await GiftedBankSQL.page(
            filters, rule: rule, years: yearIDs, municipalityID: municipalityID, descending: query.descending,
            offset: (query.page - 1) * query.per, limit: query.per, on: req.db)
        let students = try await Self.students(ids, on: req.db)
        let basis = try await GiftedBankSQL.basis(
            of: ids, rule: rule, years: yearIDs, municipalityID: municipalityID, on: req.db)
        return Page(students: students, total: total, basis: basis, rule: rule, years: allYears)
    }

    /// The basis of one student's membership; empty when they are not a member.
    static func basis(of student: UUID, municipalityID: UUID, on db: any Database) async throws -> Set<GiftedBasis> {
        let rule = try await Self.rule(municipalityID, on: db)
        let yearIDs = try await years(rule, municipalityID: municipalityID, on: db)
        return try await GiftedBankSQL.basis(
            of: [student], rule: rule, years: yearIDs, municipalityID: municipalityID, on: db)[student] ?? []
    }

    /// Students by id with their schools, in the order of `ids`.
    static func students(_ ids: [UUID], on db: any Database) async throws -> [Student] {
        let rows = try await RegistrySupport.inChunks(ids) {
            try await Student.query(on: db).filter(\.$id ~~ $0).with(\.$school).all()
        }
        let found = Dictionary(rows.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { found[$0] }
    }

    /// The active achievements of some students, best first (level, then result, then the latest year).
    static func achievements(of students: [UUID], on db: any Database) async throws -> [UUID: [Achievement]] {
        guard !students.isEmpty else { return [:] }
        // Relations loaded one statement each: a join read back through Fluent's `joined` decoded every row's columns
        // by name for each model and made the databank's workbook three times slower (38 → 13 requests/s).
        let rows = try await RegistrySupport.inChunks(students) {
            try await Achievement.query(on: db).filter(\.$student.$id ~~ $0)
                .filter(\.$status == RecordStatus.active.rawValue).with(\.$subject)
                .with(\.$edition) { $0.with(\.$contest).with(\.$academicYear) }.all()
        }
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
