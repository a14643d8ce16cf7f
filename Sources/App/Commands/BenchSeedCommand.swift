import AsyncHTTPClient
import Documents
import Domain
import Fluent
import NIOCore
import SQLKit
import Vapor

/// Benchmarks (figures printed, never timed tests — `scripts/bench-enrollment`).
///
/// `setka bench-seed --students 4000 --groups 160 --out FILE`: a separate benchmark municipality with one centre, one
/// agreed programme, 160 groups of 25, an open first-come campaign, 4 000 students each with a student account and an
/// API token (created here, before any clock starts); writes one request per line (`token<TAB>json body`) to FILE.
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "students") var students: Int?
        @Option(name: "groups") var groups: Int?
        @Option(name: "out") var out: String?
    }
    var help: String { "Seeds a benchmark municipality and writes the enrolment requests to a file" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrate.run(app)
        let nStudents = signature.students ?? 4000
        let nGroups = signature.groups ?? 160
        let out = signature.out ?? "bench-requests.tsv"
        let db = app.db
        let now = Date()
        let municipality = Municipality(name: "Бенчмарк \(UUID().uuidString.prefix(6))")
        try await municipality.create(on: db)
        let municipalityID = try municipality.requireID()
        func org(_ name: String, _ kind: OrganizationKind) async throws -> Organization {
            let o = Organization()
            o.$municipality.id = municipalityID
            o.kind = kind.rawValue
            o.fullName = name
            o.shortName = name
            o.status = RecordStatus.active.rawValue
            o.searchKey = TextKey.search(name)
            o.sortKey = TextKey.sort(name)
            o.version = 1
            try await o.create(on: db)
            return o
        }
        let center = try await org("Ресурсный центр (бенчмарк)", .school)
        let school = try await org("Школа (бенчмарк)", .school)
        let year = AcademicYear()
        year.$municipality.id = municipalityID
        year.title = "2026/2027"
        year.startsOn = now.addingTimeInterval(-90 * 86_400)
        year.endsOn = now.addingTimeInterval(200 * 86_400)
        year.isCurrent = true
        year.status = RecordStatus.active.rawValue
        year.version = 1
        try await year.create(on: db)
        let p = NetworkProgram()
        p.$organization.id = center.id!
        p.$academicYear.id = year.id
        p.title = "Курс для бенчмарка"
        p.kind = "profile"
        p.hours = 64
        p.approval = ProgramApproval.agreed.rawValue
        p.gradeFrom = 10
        p.gradeTo = 11
        p.form = StudyForm.fullTime.rawValue
        p.searchKey = "курс"
        p.sortKey = "курс"
        p.status = RecordStatus.active.rawValue
        p.version = 1
        try await p.create(on: db)
        var groupIDs: [UUID] = []
        for i in 0..<nGroups {
            let g = StudyGroup()
            g.$program.id = p.id!
            g.$organization.id = center.id!
            g.$academicYear.id = year.id!
            g.name = "Группа \(i + 1)"
            g.capacity = 25
            g.enrolledCount = 0
            g.waitlistSeq = 0
            g.plannedHours = 64
            g.startsOn = year.startsOn
            g.endsOn = year.endsOn
            g.isOpen = true
            g.status = RecordStatus.active.rawValue
            g.version = 1
            try await g.create(on: db)
            groupIDs.append(g.id!)
        }
        let c = EnrollmentCampaign()
        c.$municipality.id = municipalityID
        c.$academicYear.id = year.id!
        c.title = "Бенчмарк"
        c.opensAt = now.addingTimeInterval(-3600)
        c.closesAt = now.addingTimeInterval(86_400)
        c.mode = CampaignMode.firstCome.rawValue
        c.maxCourses = 1
        c.confirmDays = 7
        c.searchKey = "бенчмарк"
        c.sortKey = "бенчмарк"
        c.status = RecordStatus.active.rawValue
        c.version = 1
        try await c.create(on: db)
        let link = CampaignProgram()
        link.$campaign.id = c.id!
        link.$program.id = p.id!
        try await link.create(on: db)
        // Students, accounts and tokens in bulk (no bcrypt: these accounts never log in with a password).
        let sql = try db.sql()
        var lines: [String] = []
        lines.reserveCapacity(nStudents)
        let zone = MunicipalClock.defaultZone
        let birth = RuDate.parse("01.03.2010", timeZone: zone)!
        for start in stride(from: 0, to: nStudents, by: 500) {
            var users = sql.insert(into: User.schema).columns(
                "id", "username", "full_name", "password_hash", "is_active", "must_change_password", "search_key",
                "sort_key", "version")
            var roles = sql.insert(into: RoleAssignment.schema).columns(
                "id", "user_id", "role", "municipality_id", "organization_id")
            var students = sql.insert(into: Student.schema).columns(
                "id", "municipality_id", "school_id", "surname", "given_name", "birth_date", "grade", "special_needs",
                "identity_key", "user_id", "search_key", "sort_key", "status", "version")
            var tokens = sql.insert(into: ApiToken.schema).columns(
                "id", "token_hash", "user_id", "name", "created_at", "expires_at")
            for i in start..<min(start + 500, nStudents) {
                let uid = UUID()
                let sid = UUID()
                let raw = "bench-\(UUID().uuidString)"
                let name = "Ученик\(i)"
                let username = "bench-\(municipalityID.uuidString.prefix(6))-\(i)"
                users = users.values([
                    SQLBind(uid), SQLBind(username), SQLBind(name + " Тест"), SQLBind("!"), SQLBind(true),
                    SQLBind(false), SQLBind(username), SQLBind(username), SQLBind(1),
                ])
                roles = roles.values([
                    SQLBind(UUID()), SQLBind(uid), SQLBind(Role.student.rawValue), SQLBind(municipalityID),
                    SQLBind(school.id!),
                ])
                students = students.values([
                    SQLBind(sid), SQLBind(municipalityID), SQLBind(school.id!), SQLBind(name), SQLBind("Тест"),
                    SQLBind(birth.addingTimeInterval(Double(i) * 60)),
                    SQLBind(10), SQLBind(false), SQLBind("\(name)|\(i)"), SQLBind(uid), SQLBind(TextKey.search(name)),
                    SQLBind(TextKey.sort(name)),
                    SQLBind(RecordStatus.active.rawValue), SQLBind(1),
                ])
                tokens = tokens.values([
                    SQLBind(UUID()), SQLBind(Secrets.sha256(raw)), SQLBind(uid), SQLBind("bench"), SQLBind(now),
                    SQLBind(now.addingTimeInterval(86_400)),
                ])
                let body =
                    "{\"campaignId\":\"\(c.id!)\",\"studentId\":\"\(sid)\","
                    + "\"choices\":[\"\(groupIDs[i % groupIDs.count])\"]}"
                lines.append(raw + "\t" + body)
            }
            try await users.run()
            try await roles.run()
            try await students.run()
            try await tokens.run()
        }
        try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        context.console.print(
            "Подготовлено: \(nStudents) обучающихся, \(nGroups) групп по 25 мест; запросы — в \(out).")
    }
}
