import Domain
import Fluent
import Vapor
import Views

/// The reads of the support measures (issue 21, item 5), each in a fixed number of statements: the administrator's
/// weights, the measures for the list's filters and the reader's rights, the ranked candidates with their points.
enum SupportBoard {
    static let choices: [String: [String]] = [
        "kind": SupportKind.allCases.map(\.rawValue), "status": SupportStatus.allCases.map(\.rawValue),
    ]

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["year", "kind", "status", "school", "student"], sorts: ["name", "sum", "decree"],
            defaultSort: "name", search: true)
    }

    static func weights(_ municipalityID: UUID, on db: any Database) async throws -> SupportPoints {
        try await SupportWeightsRecord.query(on: db).filter(\.$municipality.$id == municipalityID).first()?.points
            ?? .standard
    }

    /// The measures the reader may see for the filters: a page of them, how many there are and their roubles in all.
    static func page(_ query: ListQuery, municipalityID: UUID, req: Request) async throws
        -> (measures: [SupportMeasure], total: Int, sum: Int)
    {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .supportMeasure(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = SupportMeasure.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .join(Student.self, on: \SupportMeasure.$student.$id == \Student.$id)
        if let visible {
            builder = builder.filter(Student.self, \.$school.$id ~~ Array(visible))
        } else {
            // Without the consent to processing in force a student's measures stay with the school (item 7).
            builder = builder.filter(Student.self, \.$consentOn != nil).filter(
                Student.self, \.$consentWithdrawnAt == nil)
        }
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == year)
        }
        if let kind = query.filters["kind"].flatMap(SupportKind.init(rawValue:)) {
            builder = builder.filter(\.$kind == kind.rawValue)
        }
        if let status = query.filters["status"].flatMap(SupportStatus.init(rawValue:)) {
            builder = builder.filter(\.$status == status.rawValue)
        }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(Student.self, \.$school.$id == school)
        }
        if let student = query.filters["student"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$student.$id == student)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(Student.self, \.$searchKey ~~ needle) }
        // Summed here, not by SUM(): PostgreSQL answers a bigint's SUM as NUMERIC, which FluentKit cannot read as Int
        // (one column of a municipality's measures).
        let sum = try await builder.copy().all(\.$total).reduce(0, +)
        let direction: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        switch query.sort {
        case "sum": builder = builder.sort(\.$total, direction)
        case "decree": builder = builder.sort(\.$decreeDay, direction).sort(\.$decreeNumber, direction)
        default: builder = builder.sort(Student.self, \.$sortKey, direction)
        }
        let (measures, total) = try await builder.sort(\.$id).with(\.$student) { $0.with(\.$school) }
            .with(\.$academicYear).paged(query)
        return (measures, total, sum)
    }

    /// A measure as the pages and the API show it (its student, school and year loaded).
    static func line(_ measure: SupportMeasure) -> SupportLine {
        let input = measure.input
        return SupportLine(
            id: measure.id!, studentID: measure.$student.id, student: measure.student.fullName,
            school: measure.student.school.shortName, grade: measure.student.grade,
            year: measure.academicYear.title, kind: input.kind,
            sum: SupportWords.sum(kind: input.kind, amount: input.amount, months: input.months, total: measure.total),
            details: SupportWords.details(
                kind: input.kind, startsOn: input.startsOn?.formatted, endsOn: input.endsOn?.formatted,
                destination: input.destination, event: input.event),
            basis: measure.basis, points: measure.points,
            decree: decree(measure),
            status: measure.supportStatus,
            orderURL: measure.$order.id.map { SiteURL.order($0).path })
    }

    /// The marks of the awarded measures of some students, newest first — «стипендиат, постановление № 12 от …» — in
    /// one statement (the databank's list: the line's student, school and year are not needed for a mark).
    static func awardedMarks(of students: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        guard !students.isEmpty else { return [:] }
        let rows = try await RegistrySupport.inChunks(students) {
            try await SupportMeasure.query(on: db).filter(\.$student.$id ~~ $0)
                .join(AcademicYear.self, on: \SupportMeasure.$academicYear.$id == \AcademicYear.$id)
                .sort(AcademicYear.self, \.$startsOn, .descending).sort(\.$createdAt, .descending).all()
        }
        return Dictionary(grouping: rows.filter(\.isAwarded), by: { $0.$student.id }).mapValues {
            $0.map { SupportLine.awardedMark(kind: $0.input.kind, decree: Self.decree($0)) }
        }
    }

    static func decree(_ measure: SupportMeasure) -> String {
        SupportWords.decree(measure.decreeNumber, measure.input.decreeDay?.formatted)
    }

    /// The measures of some students (every year), newest first: the databank marks laureates and stipend holders.
    static func measures(of students: [UUID], on db: any Database) async throws -> [UUID: [SupportMeasure]] {
        guard !students.isEmpty else { return [:] }
        let rows = try await RegistrySupport.inChunks(students) {
            try await SupportMeasure.query(on: db).filter(\.$student.$id ~~ $0)
                .with(\.$student) { $0.with(\.$school) }.with(\.$academicYear).all()
        }
        return Dictionary(grouping: rows, by: { $0.$student.id }).mapValues {
            $0.sorted { ($0.academicYear.startsOn, $0.createdAt) > ($1.academicYear.startsOn, $1.createdAt) }
        }
    }

    /// A candidate's points for a year and the achievements that make them, best first.
    struct Score {
        var total: Int
        var counted: [(achievement: Achievement, points: Int)]
    }

    /// The points of students' active achievements within the weights' years up to `year` (the municipality's years
    /// in order: one before is a year ago).
    static func scores(
        of students: [UUID], year: AcademicYear, weights: SupportPoints, municipalityID: UUID, on db: any Database
    ) async throws -> [UUID: Score] {
        let yearsAgo = try await Self.yearsAgo(from: year, municipalityID: municipalityID, on: db)
        let achievements = try await GiftedBank.achievements(of: students, on: db)
        var scores: [UUID: Score] = [:]
        for student in students {
            let list = achievements[student] ?? []
            let items = list.map {
                SupportPoints.Item(
                    level: $0.edition.contestLevel, result: $0.achievementResult,
                    yearsAgo: yearsAgo($0.edition.$academicYear.id))
            }
            let (total, counted) = weights.score(items)
            scores[student] = Score(total: total, counted: counted.map { (list[$0.index], $0.points) })
        }
        return scores
    }

    /// How many of the municipality's academic years (in order) a year is before `year`; far back for an unknown one.
    static func yearsAgo(from year: AcademicYear, municipalityID: UUID, on db: any Database) async throws
        -> @Sendable (UUID) -> Int
    {
        let years = try await ResourceCentersSection.years(municipalityID, on: db).sorted { $0.startsOn > $1.startsOn }
        let index = Dictionary(years.enumerated().map { ($1.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let current = index[year.id!] ?? 0
        return { (index[$0] ?? Int.max / 2) - current }
    }

    /// One student's points for a year, as the form shows them: «13 баллов».
    static func points(of student: UUID, year: AcademicYear?, municipalityID: UUID, on db: any Database) async throws
        -> Int
    {
        guard let year else { return 0 }
        let weights = try await weights(municipalityID, on: db)
        return try await scores(of: [student], year: year, weights: weights, municipalityID: municipalityID, on: db)[
            student]?.total ?? 0
    }

    /// The databank's students with consent the reader may choose from, ranked by points for the year (equal points by
    /// name), a page of them and how many there are.
    static func candidates(_ query: ListQuery, year: AcademicYear, municipalityID: UUID, req: Request) async throws
        -> (rows: [(student: Student, score: Score, place: Int)], total: Int)
    {
        // Every member with consent, by name (the membership's statement); points need all their achievements.
        let rule = try await GiftedBank.rule(municipalityID, on: req.db)
        let filters = GiftedBankSQL.Filters(
            school: query.filters["school"].flatMap(UUID.init(uuidString:)), needle: TextKey.needle(query.q))
        let years = try await GiftedBank.years(rule, municipalityID: municipalityID, on: req.db)
        let (ids, _) = try await GiftedBankSQL.page(
            filters, rule: rule, years: years, municipalityID: municipalityID, descending: false, offset: 0,
            limit: Int(Int32.max), on: req.db)
        guard !ids.isEmpty else { return ([], 0) }
        // Everyone's points from four columns of their achievements; the page's candidates then with the achievements
        // behind them (the same weights, `scores`).
        let weights = try await weights(municipalityID, on: req.db)
        let yearsAgo = try await Self.yearsAgo(from: year, municipalityID: municipalityID, on: req.db)
        let facts = try await GiftedBankSQL.facts(
            filters, rule: rule, years: years, municipalityID: municipalityID, on: req.db)
        var totals: [UUID: Int] = [:]
        for (student, list) in facts {
            totals[student] =
                weights.score(
                    list.map { SupportPoints.Item(level: $0.level, result: $0.result, yearsAgo: yearsAgo($0.year)) }
                ).total
        }
        let ranked = ids.enumerated().sorted {
            let a = totals[$0.element] ?? 0
            let b = totals[$1.element] ?? 0
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        var places: [Int] = []
        for (i, student) in ranked.enumerated() {
            let points = totals[student] ?? 0
            places.append(i > 0 && (totals[ranked[i - 1]] ?? 0) == points ? places[i - 1] : i + 1)
        }
        let start = min((query.page - 1) * query.per, ranked.count)
        let end = min(start + query.per, ranked.count)
        let scores = try await scores(
            of: Array(ranked[start..<end]), year: year, weights: weights, municipalityID: municipalityID, on: req.db)
        let byID = Dictionary(
            try await GiftedBank.students(Array(ranked[start..<end]), on: req.db).map { ($0.id!, $0) },
            uniquingKeysWith: { a, _ in a })
        let rows = (start..<end).compactMap { i -> (Student, Score, Int)? in
            guard let student = byID[ranked[i]] else { return nil }
            return (student, scores[student.id!] ?? Score(total: 0, counted: []), places[i])
        }
        return (rows.map { (student: $0.0, score: $0.1, place: $0.2) }, ranked.count)
    }

    /// The year a page asks for (`year` in the query) or the current one.
    static func year(_ raw: String?, municipalityID: UUID, on db: any Database) async throws -> AcademicYear? {
        let years = try await ResourceCentersSection.years(municipalityID, on: db)
        if let id = raw.flatMap(UUID.init(uuidString:)) { return years.first { $0.id == id } }
        return years.first(where: \.isCurrent) ?? years.first
    }
}
