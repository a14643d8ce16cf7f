import Vapor
import Fluent
import SQLKit
import Domain
import Documents
import AsyncHTTPClient
import NIOCore

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
        let nStudents = signature.students ?? 4000, nGroups = signature.groups ?? 160
        let out = signature.out ?? "bench-requests.tsv"
        let db = app.db
        let now = Date()
        let muni = Municipality(name: "Бенчмарк \(UUID().uuidString.prefix(6))")
        try await muni.create(on: db)
        let muniID = try muni.requireID()
        func org(_ name: String, _ kind: OrganizationKind) async throws -> Organization {
            let o = Organization(); o.$municipality.id = muniID; o.kind = kind.rawValue; o.fullName = name; o.shortName = name
            o.status = RecordStatus.active.rawValue; o.searchKey = TextKey.search(name); o.sortKey = TextKey.sort(name); o.version = 1
            try await o.create(on: db); return o
        }
        let centre = try await org("Ресурсный центр (бенчмарк)", .school)
        let school = try await org("Школа (бенчмарк)", .school)
        let year = AcademicYear(); year.$municipality.id = muniID; year.title = "2026/2027"; year.startsOn = now.addingTimeInterval(-90 * 86_400)
        year.endsOn = now.addingTimeInterval(200 * 86_400); year.isCurrent = true; year.status = RecordStatus.active.rawValue; year.version = 1
        try await year.create(on: db)
        let p = NetworkProgram(); p.$organization.id = centre.id!; p.$academicYear.id = year.id; p.title = "Курс для бенчмарка"; p.kind = "profile"
        p.hours = 64; p.approval = ProgramApproval.agreed.rawValue; p.gradeFrom = 10; p.gradeTo = 11; p.form = StudyForm.fullTime.rawValue
        p.searchKey = "курс"; p.sortKey = "курс"; p.status = RecordStatus.active.rawValue; p.version = 1
        try await p.create(on: db)
        var groupIDs: [UUID] = []
        for i in 0..<nGroups {
            let g = StudyGroup(); g.$program.id = p.id!; g.$organization.id = centre.id!; g.$academicYear.id = year.id!; g.name = "Группа \(i + 1)"
            g.capacity = 25; g.enrolledCount = 0; g.waitlistSeq = 0; g.plannedHours = 64; g.startsOn = year.startsOn; g.endsOn = year.endsOn
            g.isOpen = true; g.status = RecordStatus.active.rawValue; g.version = 1
            try await g.create(on: db); groupIDs.append(g.id!)
        }
        let c = EnrollmentCampaign(); c.$municipality.id = muniID; c.$academicYear.id = year.id!; c.title = "Бенчмарк"; c.opensAt = now.addingTimeInterval(-3600)
        c.closesAt = now.addingTimeInterval(86_400); c.mode = CampaignMode.firstCome.rawValue; c.maxCourses = 1; c.confirmDays = 7
        c.searchKey = "бенчмарк"; c.sortKey = "бенчмарк"; c.status = RecordStatus.active.rawValue; c.version = 1
        try await c.create(on: db)
        let link = CampaignProgram(); link.$campaign.id = c.id!; link.$program.id = p.id!; try await link.create(on: db)
        // Students, accounts and tokens in bulk (no bcrypt: these accounts never log in with a password).
        let sql = try db.sql()
        var lines: [String] = []
        lines.reserveCapacity(nStudents)
        let zone = TimeZone(identifier: "Europe/Moscow")!
        let birth = RuDate.parse("01.03.2010", timeZone: zone)!
        for start in stride(from: 0, to: nStudents, by: 500) {
            var users = sql.insert(into: User.schema).columns("id", "username", "full_name", "password_hash", "is_active", "must_change_password", "search_key", "sort_key", "version")
            var roles = sql.insert(into: RoleAssignment.schema).columns("id", "user_id", "role", "municipality_id", "organization_id")
            var students = sql.insert(into: Student.schema).columns("id", "municipality_id", "school_id", "surname", "given_name", "birth_date", "grade", "special_needs",
                                                                 "identity_key", "user_id", "search_key", "sort_key", "status", "version")
            var tokens = sql.insert(into: ApiToken.schema).columns("id", "token_hash", "user_id", "name", "created_at", "expires_at")
            for i in start ..< min(start + 500, nStudents) {
                let uid = UUID(), sid = UUID(), raw = "bench-\(UUID().uuidString)"
                let name = "Ученик\(i)", username = "bench-\(muniID.uuidString.prefix(6))-\(i)"
                users = users.values([SQLBind(uid), SQLBind(username), SQLBind(name + " Тест"), SQLBind("!"), SQLBind(true), SQLBind(false), SQLBind(username), SQLBind(username), SQLBind(1)])
                roles = roles.values([SQLBind(UUID()), SQLBind(uid), SQLBind(Role.student.rawValue), SQLBind(muniID), SQLBind(school.id!)])
                students = students.values([SQLBind(sid), SQLBind(muniID), SQLBind(school.id!), SQLBind(name), SQLBind("Тест"), SQLBind(birth.addingTimeInterval(Double(i) * 60)),
                                            SQLBind(10), SQLBind(false), SQLBind("\(name)|\(i)"), SQLBind(uid), SQLBind(TextKey.search(name)), SQLBind(TextKey.sort(name)),
                                            SQLBind(RecordStatus.active.rawValue), SQLBind(1)])
                tokens = tokens.values([SQLBind(UUID()), SQLBind(Secrets.sha256(raw)), SQLBind(uid), SQLBind("bench"), SQLBind(now), SQLBind(now.addingTimeInterval(86_400))])
                let body = "{\"campaignId\":\"\(c.id!)\",\"studentId\":\"\(sid)\",\"choices\":[\"\(groupIDs[i % groupIDs.count])\"]}"
                lines.append(raw + "\t" + body)
            }
            try await users.run(); try await roles.run(); try await students.run(); try await tokens.run()
        }
        try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        context.console.print("Подготовлено: \(nStudents) обучающихся, \(nGroups) групп по 25 мест; запросы — в \(out).")
    }
}

/// `setka bench-load --url http://127.0.0.1:8080 --requests FILE --connections 64`: sends every request of the file
/// (POST /api/v1/applications) over the given number of connections and prints throughput and latency percentiles.
struct BenchLoadCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "url") var url: String?
        @Option(name: "requests") var requests: String?
        @Option(name: "connections") var connections: Int?
    }
    var help: String { "Sends the benchmark enrolment requests and prints enrolments per second and latency percentiles" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let base = signature.url ?? "http://127.0.0.1:8080"
        let lines = try String(contentsOfFile: signature.requests ?? "bench-requests.tsv", encoding: .utf8).split(separator: "\n").map(String.init)
        let connections = signature.connections ?? 64
        var config = HTTPClient.Configuration()
        config.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        let queue = WorkQueue(lines)
        let clock = ContinuousClock()
        let started = clock.now
        let results = try await withThrowingTaskGroup(of: [(Double, UInt)].self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var out: [(Double, UInt)] = []
                    while let line = await queue.next() {
                        let parts = line.split(separator: "\t", maxSplits: 1)
                        var r = HTTPClientRequest(url: base + "/api/v1/applications")
                        r.method = .POST
                        r.headers.add(name: "Authorization", value: "Bearer \(parts[0])")
                        r.headers.add(name: "Content-Type", value: "application/json")
                        r.body = .bytes(ByteBuffer(string: String(parts[1])))
                        let t0 = clock.now
                        let res = try await client.execute(r, timeout: .seconds(60))
                        _ = try await res.body.collect(upTo: 1 << 16)
                        let d = clock.now - t0
                        out.append((Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15, res.status.code))
                    }
                    return out
                }
            }
            var all: [(Double, UInt)] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = clock.now - started
        try await client.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let latencies = results.map(\.0).sorted()
        func pct(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let byStatus = Dictionary(grouping: results, by: \.1).mapValues(\.count)
        context.console.print(String(format: "requests: %d over %d connections in %.2f s — %.0f enrolments/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; statuses %@",
                                     results.count, connections, seconds, Double(results.count) / seconds, pct(0.5), pct(0.95), pct(0.99),
                                     byStatus.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))
    }
}

actor WorkQueue {
    private var items: [String]
    private var index = 0
    init(_ items: [String]) { self.items = items }
    func next() -> String? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// `setka bench-import --rows 100000`: builds a CSV of that many students and imports it into a new school
/// as the import page does — the preview, then the commit (de-duplicate, insert in one transaction) — and prints the time
/// of each, and of a commit on a process that did not keep the preview's checked rows (it reads and validates again).
struct BenchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rows") var rows: Int?
    }
    var help: String { "Times the import of a generated CSV of students" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Migrate.run(app)
        let n = signature.rows ?? 100_000
        let muni = Municipality(name: "Импорт \(UUID().uuidString.prefix(6))")
        try await muni.create(on: app.db)
        let school = Organization(); school.$municipality.id = muni.id!; school.kind = OrganizationKind.school.rawValue; school.fullName = "Школа импорта"
        school.shortName = "Школа импорта"; school.status = RecordStatus.active.rawValue; school.searchKey = "школа"; school.sortKey = "школа"; school.version = 1
        try await school.create(on: app.db)
        let surnames = ["Алексеев", "Борисов", "Васильев", "Гаврилов", "Дмитриев", "Ефимов", "Жданов", "Зуев", "Ильин", "Карпов"]
        let word = StudentImport.madeUpWord
        var csv = StudentImport.header.prefix(8).joined(separator: ";") + "\n"
        for i in 0..<n {
            let day = 1 + i % 28, month = 1 + (i / 28) % 12, yearOf = 2008 + (i / 336) % 10
            csv += "\(surnames[i % 10])-\(word(i));Иван;Петрович;\(String(format: "%02d.%02d.%04d", day, month, yearOf));м;\(1 + i % 11);А;нет\n"
        }
        let data = Data(csv.utf8)
        func batch(into school: Organization) async throws -> StudentImportBatch {
            let batch = StudentImportBatch()
            batch.$municipality.id = school.$municipality.id; batch.$school.id = school.id!; batch.createdByName = "bench"; batch.createdAt = Date()
            batch.fileName = "bench.csv"; batch.format = "csv"; batch.state = StudentImportBatch.State.preview.rawValue; batch.rowCount = n
            batch.createdCount = 0; batch.mergedCount = 0; batch.skippedCount = 0; batch.content = data
            try await batch.create(on: app.db)
            return batch
        }
        let first = try await batch(into: school)
        let clock = ContinuousClock()
        let t0 = clock.now
        // The preview, as the import page shows it: read, validate, de-duplicate against the registry.
        let analysis = try await StudentImportService.analyse(data, fileName: "bench.csv", schoolID: school.id!, municipalityID: muni.id!,
                                                              zone: TimeZone(identifier: "Europe/Moscow")!, canSee: { _ in true }, on: app.db)
        let t1 = clock.now
        guard analysis.isValid else { context.console.print("Файл не прошёл проверку: \(analysis.errors.prefix(3))"); return }
        // The commit, as the page's button runs it after the preview: the preview's checked rows (kept by this process),
        // de-duplicated again under the write lock, then inserted, in one transaction.
        let outcome = try await StudentImportService.commit(batchID: first.id!, skipLines: [], canSee: { _ in true }, app: app, req: nil)
        let t2 = clock.now
        guard outcome.created == n else { context.console.print("Добавлено \(outcome.created) из \(n)"); return }
        // The same file committed by a process that did not show the preview (behind a load balancer): read and
        // validated again as well. Into a second municipality, so that nobody is a duplicate.
        let muni2 = Municipality(name: "Импорт \(UUID().uuidString.prefix(6))")
        try await muni2.create(on: app.db)
        let school2 = Organization(); school2.$municipality.id = muni2.id!; school2.kind = school.kind; school2.fullName = school.fullName
        school2.shortName = school.shortName; school2.status = school.status; school2.searchKey = school.searchKey; school2.sortKey = school.sortKey
        school2.version = 1
        try await school2.create(on: app.db)
        let second = try await batch(into: school2)
        StudentImportService.planCache.removeAll()
        let t3 = clock.now
        let outcome2 = try await StudentImportService.commit(batchID: second.id!, skipLines: [], canSee: { _ in true }, app: app, req: nil)
        let t4 = clock.now
        guard outcome2.created == n else { context.console.print("Добавлено \(outcome2.created) из \(n)"); return }
        func s(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        context.console.print(String(format: "import of %d rows (%.1f MB CSV): preview (read + validate + de-duplicate) %.2f s; "
                                     + "commit after it (de-duplicate + insert, one transaction) %.2f s; "
                                     + "commit on a process without the preview (read + validate + de-duplicate + insert) %.2f s",
                                     n, Double(data.count) / 1_048_576, s(t1 - t0), s(t2 - t1), s(t4 - t3)))
    }
}
