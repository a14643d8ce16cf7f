import Domain
import Fluent
import Vapor

/// `setka generate`: fills an EMPTY database with a consistent made-up network of `scale` — municipalities with their
/// organisations, academic year and holidays, resource centres with rooms, staff and programmes, schools with their
/// pupils, groups filled from the municipality's schools, a year's timetable, the journal of every past lesson, final
/// results of the finished groups and certificates for some of them — and users for every role with predictable logins
/// (`DemoData.password`). The same seed, year and day give the same database: every id and value comes from the seed
/// (`SplitMix64`), none from the clock. Everything is written in one transaction through the bulk paths
/// (`GeneratorRows`).
struct NetworkGenerator: Sendable {
    var scale: NetworkScale
    var seed: UInt64
    /// The first calendar year of the academic year (2026 for 2026/2027); nil: the one containing `today`.
    var year: Int?
    /// The day the journal is filled up to (lessons before it are past); nil: today on the municipal clock.
    var today: CivilDay?
    /// Told the share done (0…1) and what is being written, now and then.
    var progress: (@Sendable (Double, String) -> Void)?

    init(
        scale: NetworkScale, seed: UInt64 = 1, year: Int? = nil, today: CivilDay? = nil,
        progress: (@Sendable (Double, String) -> Void)? = nil
    ) {
        self.scale = scale
        self.seed = seed
        self.year = year
        self.today = today
        self.progress = progress
    }

    /// What was generated, and the logins to print.
    struct Summary: Sendable {
        var municipalities = 0
        var organizations = 0
        var students = 0
        var groups = 0
        var enrollments = 0
        var lessons = 0
        var marks = 0
        var results = 0
        var certificates = 0
        var achievements = 0
        var olympiadParticipants = 0
        var supportMeasures = 0
        var routes = 0
        var planItems = 0
        var users = 0
        /// Each login with what it is, in the order they were made.
        var logins: [(login: String, title: String)] = []
    }

    enum Refusal: Error, CustomStringConvertible {
        case notEmpty
        case badScale(String)
        var description: String {
            switch self {
            case .notEmpty:
                "В базе данных уже есть данные: сеть создаётся только в пустой базе. Ничего не изменено."
            case .badScale(let why): "Неверный размер сети: \(why) Ничего не изменено."
            }
        }
    }

    @discardableResult
    func run(on app: Application) async throws -> Summary {
        if let problem = scale.problem { throw Refusal.badScale(problem) }
        guard try await Self.isEmpty(app.db) else { throw Refusal.notEmpty }
        // bcrypt at cost 12 takes about 0.25 s: the shared password is hashed once and the hash reused.
        let hash = try await Passwords.hash(DemoData.password, app: app)
        let zone = MunicipalClock.defaultZone
        let day = today ?? MunicipalClock.now(zone).day
        let plan = NetworkBuild.Plan(
            scale: scale, seed: seed, startYear: year ?? AcademicYears.startYear(containing: day), today: day,
            zone: zone, passwordHash: hash, progress: progress)
        let summary: Summary
        if let writer = app.sqliteWriter {
            summary = try await writer.exclusive { try await NetworkBuild(plan, rows: GeneratorRows($0)).run() }
        } else {
            summary = try await app.writeTransaction {
                try await NetworkBuild(plan, rows: GeneratorRows(FluentWriteConnection(db: $0))).run()
            }
        }
        // Each group's count of students waiting for a certificate, as the writes keep it.
        try await app.writeTransaction { try await CertificateService.refreshAllDue(on: $0) }
        // The analytic notes, drafted from what the database now holds.
        _ = try await app.writeTransaction { try await Self.draftNotes($0, today: day, zone: zone) }
        return summary
    }

    /// No municipality, organisation, user or student yet.
    static func isEmpty(_ db: any Database) async throws -> Bool {
        let municipalities = try await Municipality.query(on: db).count()
        let organizations = try await Organization.query(on: db).count()
        let users = try await User.query(on: db).count()
        let students = try await Student.query(on: db).count()
        return municipalities + organizations + users + students == 0
    }

    /// The logins, grouped as the command prints them: the first municipality's one by one, the rest as ranges.
    static func loginsText(_ summary: Summary) -> String {
        var lines = ["Пользователи (пароль для всех: \(DemoData.password)):"]
        var numbered: [String: [Int]] = [:]
        var order: [String] = []
        for (login, title) in summary.logins {
            let prefix = String(login.prefix { !$0.isNumber })
            let number = Int(login.dropFirst(prefix.count))
            if let number, number > 1 {
                if numbered[prefix] == nil { order.append(prefix) }
                numbered[prefix, default: []].append(number)
            } else {
                lines.append("  \(login) — \(title)")
            }
        }
        for prefix in order {
            let numbers = numbered[prefix] ?? []
            lines.append("  \(prefix)\(numbers.min() ?? 2) … \(prefix)\(numbers.max() ?? 2) — ещё \(numbers.count)")
        }
        return lines.joined(separator: "\n")
    }
}

/// One run of the generator inside the write transaction: the plan, the row buffers, and what each municipality's
/// parts hand to the next (`NetworkBuild+Registry`, `+People`, `+Programmes`, `+Journal`, `+Results`).
final class NetworkBuild {
    struct Plan: Sendable {
        var scale: NetworkScale
        var seed: UInt64
        var startYear: Int
        var today: CivilDay
        var zone: TimeZone
        var passwordHash: String
        var progress: (@Sendable (Double, String) -> Void)?
    }

    let plan: Plan
    let rows: GeneratorRows
    var summary = NetworkGenerator.Summary()
    /// Numbers of the logins handed out so far (`centre`, `teacher`, `school`, `student`, `parent`).
    var loginNumbers: [String: Int] = [:]

    init(_ plan: Plan, rows: GeneratorRows) {
        self.plan = plan
        self.rows = rows
    }

    var scale: NetworkScale { plan.scale }
    var zone: TimeZone { plan.zone }
    var yearStart: CivilDay { CivilDay(year: plan.startYear, month: 9, day: 1)! }
    var yearEnd: CivilDay { CivilDay(year: plan.startYear + 1, month: 5, day: 31)! }

    /// The stream of numbers of one part of one municipality.
    func random(_ municipality: Int, _ part: UInt64) -> SplitMix64 {
        SplitMix64(seed: plan.seed).stream(UInt64(municipality) << 8 | part)
    }

    /// A moment of a civil day in the municipality's zone.
    func moment(_ day: CivilDay, minute: Int = 9 * 60) -> Date {
        day.date(timeZone: zone).addingTimeInterval(Double(minute) * 60)
    }

    /// The next login of a numbered kind: `teacher1`, `teacher2`, …
    func nextLogin(_ prefix: String) -> String {
        let number = (loginNumbers[prefix] ?? 0) + 1
        loginNumbers[prefix] = number
        return "\(prefix)\(number)"
    }

    func report(_ municipality: Int, _ part: Int, _ what: String) {
        let parts = 6.0
        plan.progress?((Double(municipality) + Double(part) / parts) / Double(scale.municipalities), what)
    }

    func run() async throws -> NetworkGenerator.Summary {
        for index in 0..<scale.municipalities {
            var town = try await registry(index)
            report(index, 1, "люди")
            try await people(&town)
            report(index, 2, "программы и группы")
            try await programmes(&town)
            report(index, 3, "расписание и журнал")
            try await journal(&town)
            report(index, 4, "результаты и сертификаты")
            try await results(&town)
            report(index, 5, "олимпиады и достижения")
            try await talent(&town)
            try await governance(&town)
            try await rows.flush()
            report(index + 1, 0, "муниципалитет \(index + 1) из \(scale.municipalities)")
        }
        try await rows.flush()
        return summary
    }
}
