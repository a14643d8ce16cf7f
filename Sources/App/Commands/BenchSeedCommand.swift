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
            let organization = Organization()
            organization.$municipality.id = municipalityID
            organization.kind = kind.rawValue
            organization.fullName = name
            organization.shortName = name
            organization.status = RecordStatus.active.rawValue
            organization.searchKey = TextKey.search(name)
            organization.sortKey = TextKey.sort(name)
            organization.version = 1
            try await organization.create(on: db)
            return organization
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
        let program = NetworkProgram()
        program.$organization.id = center.id!
        program.$academicYear.id = year.id
        program.title = "Курс для бенчмарка"
        program.kind = "profile"
        program.hours = 64
        program.approval = ProgramApproval.agreed.rawValue
        program.gradeFrom = 10
        program.gradeTo = 11
        program.form = StudyForm.fullTime.rawValue
        program.searchKey = "курс"
        program.sortKey = "курс"
        program.status = RecordStatus.active.rawValue
        program.version = 1
        try await program.create(on: db)
        var groupIDs: [UUID] = []
        for i in 0..<nGroups {
            let group = StudyGroup()
            group.$program.id = program.id!
            group.$organization.id = center.id!
            group.$academicYear.id = year.id!
            group.name = "Группа \(i + 1)"
            group.capacity = 25
            group.enrolledCount = 0
            group.waitlistSeq = 0
            group.plannedHours = 64
            group.startsOn = year.startsOn
            group.endsOn = year.endsOn
            group.isOpen = true
            group.status = RecordStatus.active.rawValue
            group.version = 1
            try await group.create(on: db)
            groupIDs.append(group.id!)
        }
        let campaign = EnrollmentCampaign()
        campaign.$municipality.id = municipalityID
        campaign.$academicYear.id = year.id!
        campaign.title = "Бенчмарк"
        campaign.opensAt = now.addingTimeInterval(-3600)
        campaign.closesAt = now.addingTimeInterval(86_400)
        campaign.mode = CampaignMode.firstCome.rawValue
        campaign.maxCourses = 1
        campaign.confirmDays = 7
        campaign.searchKey = "бенчмарк"
        campaign.sortKey = "бенчмарк"
        campaign.status = RecordStatus.active.rawValue
        campaign.version = 1
        try await campaign.create(on: db)
        let link = CampaignProgram()
        link.$campaign.id = campaign.id!
        link.$program.id = program.id!
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
                    "{\"campaignId\":\"\(campaign.id!)\",\"studentId\":\"\(sid)\","
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
