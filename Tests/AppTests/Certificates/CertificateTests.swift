import AsyncHTTPClient
import Domain
import Fluent
import NIOCore
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    @Suite struct CertificateTests {
        /// A world with last year's finished course at a centre: six students of a school, four two-hour lessons in the
        /// journal and the results in, certificates not issued yet.
        struct Setup {
            var world: World
            var center: UUID
            var school: UUID
            var teacher: StaffMember
            var group: StudyGroup
            /// «Учеников0…5 Тест»: 0 and 1 attended everything and passed, 2 attended exactly 75 % and passed (these
            /// three get certificates); 3 passed with 50 %, 4 failed, 5 has no result.
            var students: [UUID]
            var eligible: [UUID] { Array(students.prefix(3)) }
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .metod, .centre1, .teacher1, .school1])
            let (center, school) = (cast.center, cast.school)
            let teacher = try await world.staff("Педагогов", at: [center], user: try cast.id(of: .teacher1))
            let students = try await world.students(at: school, count: 6)
            let always: [AttendanceStatus] = [.present, .present, .present, .present]
            let group = try await world.finishedGroup(
                at: center, "Математика-11", year: try await world.pastYear(), teacher: teacher,
                attendance: [
                    students[0]: always, students[1]: always, students[2]: [.present, .present, .present, .excused],
                    students[3]: [.present, .absent, .present, .absent], students[4]: always, students[5]: always,
                ],
                passed: [
                    students[0]: true, students[1]: true, students[2]: true, students[3]: true, students[4]: false,
                ])
            return Setup(
                world: world, center: center, school: school, teacher: teacher, group: group, students: students)
        }

        /// The certificate of one student in the group.
        static func certificate(_ app: Application, of student: UUID, in group: StudyGroup) async throws -> Certificate
        {
            try #require(
                try await Certificate.query(on: app.db).filter(\.$group.$id == group.requireID()).filter(
                    \.$student.$id == student
                ).filter(\.$status == "valid").with(\.$student).first())
        }

        static func path(_ group: StudyGroup) -> String { "/groups/\(group.id!.uuidString.lowercased())" }

        @Test func theHeadIssuesCertificatesOnceWithNumbersWithoutGaps() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let group = setup.group
                #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).count() == 0)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let page = try await head.get(Self.path(group) + "/certificates")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Выдать сертификаты (\(setup.eligible.count))"))
                // act
                let issued = try await head.post(Self.path(group) + "/certificates", Self.confirm)
                #expect(issued.status == .seeOther)
                // check: one each to those who passed and attended enough, and this year's numbers run 1…n without a
                // gap
                let certs = try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).all()
                #expect(certs.count == setup.eligible.count)
                #expect(Set(certs.map { $0.$student.id }) == Set(setup.eligible))
                let year = try #require(certs.first?.year)
                let all = try await Certificate.query(on: app.db).filter(\.$year == year).sort(\.$sequence).all()
                #expect(all.map(\.sequence) == Array(1...setup.eligible.count))
                #expect(
                    all.allSatisfy {
                        $0.number == CertificateNumber.format(series: "СК", year: year, sequence: $0.sequence)
                    })
                // Issuing again issues nobody twice.
                _ = try await head.get(Self.path(group) + "/certificates")
                #expect(try await head.post(Self.path(group) + "/certificates", Self.confirm).status == .seeOther)
                #expect(
                    try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).count()
                        == setup.eligible.count)
                // Those who did not pass, did not attend enough or have no result are named with the reason.
                let body = try await head.get(Self.path(group) + "/certificates").body.string
                #expect(body.contains("аттестация не пройдена"))
                #expect(body.contains("посещаемость 50 % — меньше 75 %"))
                #expect(body.contains("нет итогов аттестации"))
                #expect(
                    try await head.get(Self.path(group) + "/certificates/print").body.string.contains(
                        "о прослушивании профильного курса"))
            }
        }

        @Test func twoIssuesAtOnceGiveEachStudentOneCertificateAndNoGap() async throws {
            try await withLiveApp { app, port in
                let setup = try await Self.setUp(app)
                let finished = setup.group
                let token = try await directToken(app, username: "centre1")
                let client = burstClient()
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            var request = HTTPClientRequest(
                                url: "http://127.0.0.1:\(port)/api/v1/groups/\(finished.id!)/certificates")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            let response = try await client.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            return response.status.code
                        }
                    }
                    var out: [UInt] = []
                    for try await status in group { out.append(status) }
                    return out
                }
                try await client.shutdown()
                #expect(statuses.filter { $0 == 201 }.count == 1)
                #expect(statuses.filter { $0 == 200 }.count == 5)
                let certs = try await Certificate.query(on: app.db).filter(\.$group.$id == finished.id!).all()
                #expect(certs.count == setup.eligible.count)
                #expect(Set(certs.map { $0.$student.id }) == Set(setup.eligible))
                let year = try #require(certs.first?.year)
                let seqs = try await Certificate.query(on: app.db).filter(\.$year == year).sort(\.$sequence).all().map(
                    \.sequence)
                #expect(seqs == Array(1...setup.eligible.count))
            }
        }

        @Test func thePublicPageVerifiesByNumberAndCodeWithInitialsOnly() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                try await setup.world.issueCertificates(setup.group)
                let certificate = try await Self.certificate(app, of: setup.students[0], in: setup.group)
                var anonymous = Browser(app)
                let ok = try await anonymous.get(
                    "/verify?number=\(certificate.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                        + "code=\(certificate.verificationCode.lowercased())"
                )
                #expect(ok.status == .ok)
                #expect(ok.body.string.contains("Сертификат действителен"))
                #expect(certificate.initials == "У. Т.")
                #expect(ok.body.string.contains(certificate.initials))
                #expect(!ok.body.string.contains(certificate.studentName))
                #expect(
                    try await anonymous.get(
                        "/verify?number=\(certificate.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                            + "code=AAAA-AAAA"
                    ).status == .notFound)
                #expect(
                    try await anonymous.get(
                        "/verify?number=%D0%A1%D0%9A-2026-99999&code=\(certificate.verificationCode)"
                    ).status
                        == .notFound)
                #expect(try await anonymous.get("/verify?number=nonsense&code=x").status == .notFound)
                struct V: Decodable {
                    var status: String
                    var initials: String
                }
                let number = certificate.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let api = try await anonymous.get(
                    "/api/v1/certificates/verify?number=\(number)&code=\(certificate.verificationCode)")
                #expect(api.status == .ok)
                #expect(try api.content.decode(V.self).initials == certificate.initials)
                // Annulled: the public page says so, and a new certificate may be issued to the student for the course.
                var head = Browser(app)
                _ = try await head.login("kmc", password: World.password)
                _ = try await head.get("/certificates/\(certificate.id!.uuidString.lowercased())/annul")
                #expect(
                    try await head.post(
                        "/certificates/\(certificate.id!.uuidString.lowercased())/annul", ["reason": ""]
                    ).status
                        == .unprocessableEntity)
                #expect(
                    try await head.post(
                        "/certificates/\(certificate.id!.uuidString.lowercased())/annul", ["reason": "Ошибка в фамилии"]
                    ).status == .seeOther)
                let annulled = try await anonymous.get(
                    "/verify?number=\(certificate.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                        + "code=\(certificate.verificationCode)"
                )
                #expect(
                    annulled.body.string.contains("Сертификат аннулирован")
                        && annulled.body.string.contains("Ошибка в фамилии"))
                let group = setup.group
                _ = try await head.get("/groups/\(group.id!.uuidString.lowercased())/certificates")
                #expect(
                    try await head.post("/groups/\(group.id!.uuidString.lowercased())/certificates", Self.confirm)
                        .status == .seeOther
                )
                let again = try await Certificate.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                    \.$student.$id == certificate.$student.id
                ).all()
                #expect(
                    again.count == 2 && again.filter(\.isValid).count == 1
                        && again.first(where: \.isValid)?.number != certificate.number)
                // Guessing is limited.
                var statuses: [HTTPStatus] = []
                for _ in 0..<35 {
                    statuses.append(
                        try await anonymous.get(
                            "/verify?number=\(certificate.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                                + "code=ZZZZ-ZZZZ"
                        ).status)
                }
                #expect(statuses.contains(.tooManyRequests))
            }
        }

        @Test func unfinishedCoursesAndOthersAreRefused() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                // This year's course has its next lesson in a week.
                let year = setup.world.year
                let current = try await setup.world.group(
                    at: setup.center, "Математика-10", year: year, teacher: setup.teacher)
                try await setup.world.enroll(Array(setup.students.prefix(2)), in: current, fromStart: true)
                _ = try await setup.world.lesson(
                    of: current, on: CivilDay(Date(), timeZone: setup.world.zone).adding(days: 7))
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let results = try await head.get(Self.path(current) + "/results")
                #expect(results.body.string.contains("Курс ещё не завершён"))
                #expect(try await head.post(Self.path(current) + "/results", [:]).status == .conflict)
                _ = try await head.get(Self.path(current) + "/certificates")
                #expect(try await head.post(Self.path(current) + "/certificates", Self.confirm).status == .conflict)
                #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == current.id!).count() == 0)
                // A school sees no group's certificates; a teacher reads but does not issue.
                let group = setup.group
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(Self.path(group) + "/certificates").status == .forbidden)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get(Self.path(group) + "/certificates").status == .ok)
                #expect(try await teacher.post(Self.path(group) + "/certificates", Self.confirm).status == .forbidden)
                #expect(try await teacher.get("/certificates").status == .ok)
                #expect(try await school.get("/certificates").status == .forbidden)
                #expect(try await Certificate.query(on: app.db).count() == 0)
                // A result may not turn to «не зачтено» under a valid certificate (the group's own teacher tries).
                try await setup.world.issueCertificates(group)
                let certified = try await Self.certificate(app, of: setup.students[0], in: group)
                let fr = try #require(
                    try await FinalResult.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$student.$id == certified.$student.id
                    ).first())
                let key = certified.$student.id.uuidString.lowercased()
                _ = try await teacher.get(Self.path(group) + "/results")
                let refused = try await teacher.post(
                    Self.path(group) + "/results",
                    [
                        "form-" + key: fr.form, "passed-" + key: "no",
                        "day-" + key: CivilDay(number: fr.resultDay).formatted,
                        "v-" + key: String(fr.version),
                    ])
                #expect(refused.status == .conflict && refused.body.string.contains("сначала аннулируйте"))
                let unchanged = try #require(try await FinalResult.find(fr.id, on: app.db))
                #expect(unchanged.passed && unchanged.version == fr.version)
            }
        }

        @Test func resultsAreRecordedAtTheEndAndAudited() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let group = setup.group
                let result = try #require(
                    try await FinalResult.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$student.$id == setup.students[0]
                    ).first())
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let page = try await teacher.get(Self.path(group) + "/results")
                #expect(page.status == .ok && page.body.string.contains("Сохранить итоги"))
                let key = result.$student.id.uuidString.lowercased()
                let bad = try await teacher.post(
                    Self.path(group) + "/results",
                    ["form-" + key: "nonsense", "passed-" + key: "maybe", "day-" + key: "01.01.2100"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Выберите результат."))
                #expect(bad.body.string.contains("Дата не может быть позже сегодняшней."))
                // A stale form (made before someone else's save) is refused.
                let stale = try await teacher.post(
                    Self.path(group) + "/results",
                    [
                        "form-" + key: "exam", "passed-" + key: "no", "grade-" + key: "2",
                        "day-" + key: CivilDay(number: result.resultDay).formatted,
                        "v-" + key: String(result.version - 1),
                    ])
                #expect(stale.status == .conflict && stale.body.string.contains("изменил другой пользователь"))
                let ok = try await teacher.post(
                    Self.path(group) + "/results",
                    [
                        "form-" + key: "exam", "passed-" + key: "no", "grade-" + key: "2",
                        "day-" + key: CivilDay(number: result.resultDay).formatted, "v-" + key: String(result.version),
                    ])
                #expect(ok.status == .seeOther)
                let fresh = try #require(try await FinalResult.find(result.id, on: app.db))
                #expect(fresh.form == "exam" && !fresh.passed && fresh.version == result.version + 1)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "final_results").count() == 1)
            }
        }

        @Test func aGuardianSeesTheChildsAttendanceResultsAndCertificates() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let childID = setup.students[0]
                try await setup.world.studentAccount("student1", of: childID)
                try await setup.world.guardian(of: childID, account: "parent1")
                try await setup.world.user("centre3", .centerHead, at: try await setup.world.center("Школа-центр № 3"))
                try await setup.world.issueCertificates(setup.group)
                let child = try #require(try await Student.find(childID, on: app.db))
                let cert = try await Self.certificate(app, of: childID, in: setup.group)
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                let path = "/timetable/students/\(child.id!.uuidString.lowercased())"
                #expect(try await parent.get(path).body.string.contains(path + "/progress"))
                let page = try await parent.get(path + "/progress")
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("Успеваемость: Учеников0 Тест"))
                #expect(body.contains("Олимпиадная математика") && body.contains(cert.number))
                #expect(body.contains("Последние отметки") && body.contains("Математика-11"))
                #expect(
                    !body.contains("href=\"/students\"") && body.contains("href=\"\(path)\""),
                    "the parent's trail leads to the child's week")
                let print = try await parent.get(path + "/certificates/\(cert.id!.uuidString.lowercased())")
                #expect(print.status == .ok && print.body.string.contains(cert.verificationCode))
                // Not another child's, and not for a teacher.
                let other = try await Self.certificate(app, of: setup.students[1], in: setup.group)
                #expect(
                    try await parent.get("/timetable/students/\(other.$student.id.uuidString.lowercased())/progress")
                        .status == .forbidden)
                #expect(
                    try await parent.get(path + "/certificates/\(other.id!.uuidString.lowercased())").status
                        == .notFound)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get(path + "/progress").status == .forbidden)
                // The API gives the student their own, too.
                let token = try await apiToken(app, "student1", password: World.password)
                var api = Browser(app)
                let own = try await api.send(
                    .GET, "/api/v1/certificates?student=\(child.id!.uuidString)",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(own.status == .ok && own.body.string.contains(cert.number))
                #expect(
                    try await api.send(
                        .GET, "/api/v1/certificates?student=\(other.$student.id.uuidString)",
                        headers: ["Authorization": "Bearer \(token)"]
                    ).status == .forbidden)
                #expect(
                    try await api.send(
                        .GET, "/api/v1/attendance?student=\(child.id!.uuidString)",
                        headers: ["Authorization": "Bearer \(token)"]
                    ).status == .ok)
                // The home school and the КМЦ read the same record through the API as on the progress page: the four
                // marks, the one result and the one certificate made; a centre head who may not read the child's
                // record gets 403.
                struct Page: Decodable {
                    struct Meta: Decodable { var total: Int }
                    var metadata: Meta
                }
                var totals: [String: [Int]] = [:]
                for user in ["school1", "kmc", "student1"] {
                    let userToken = try await apiToken(app, user, password: World.password)
                    for kind in ["attendance", "results", "certificates"] {
                        let response = try await api.send(
                            .GET, "/api/v1/\(kind)?student=\(child.id!.uuidString)",
                            headers: ["Authorization": "Bearer \(userToken)"])
                        #expect(response.status == .ok)
                        totals[user, default: []].append(try response.content.decode(Page.self).metadata.total)
                    }
                }
                #expect(totals == ["school1": [4, 1, 1], "kmc": [4, 1, 1], "student1": [4, 1, 1]], "\(totals)")
                for head in ["centre1", "centre3"] {
                    let center = try await apiToken(app, head, password: World.password)
                    #expect(
                        try await api.send(
                            .GET, "/api/v1/results?student=\(child.id!.uuidString)",
                            headers: ["Authorization": "Bearer \(center)"]
                        ).status == .forbidden, "\(head)")
                }
            }
        }

        /// The methodologist reads results and certificates as the journal shows them: without the children's names,
        /// finding a certificate by its number, printing none.
        @Test func theMethodologistReadsResultsAndCertificatesWithoutNames() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                try await setup.world.issueCertificates(setup.group)
                let cert = try await Self.certificate(app, of: setup.students[0], in: setup.group)
                let group = setup.group
                let name = cert.student.fullName
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                let pages = [
                    Self.path(group) + "/results", Self.path(group) + "/certificates", "/certificates",
                    "/certificates/\(cert.id!.uuidString.lowercased())",
                ]
                for path in pages {
                    let response = try await metod.get(path)
                    #expect(
                        response.status == .ok && !response.body.string.contains(name)
                            && !response.body.string.contains(cert.student.surname), "\(path)")
                }
                // A search by the surname finds nothing (the page repeats the surname typed in: «По запросу «…»
                // ничего не найдено»).
                let surname = cert.student.surname.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let search = try await metod.get("/certificates?q=" + surname)
                #expect(
                    search.status == .ok && !search.body.string.contains(name)
                        && search.body.string.contains("ничего не найдено"))
                let number: Int = try #require(cert.student.registryNumber)
                let label = StudentLabel.masked(number)
                #expect(
                    try await metod.get("/certificates/\(cert.id!.uuidString.lowercased())").body.string.contains(
                        label + "<"))
                #expect(try await metod.get("/certificates").body.string.contains(label + "<"))
                #expect(try await metod.get("/certificates?q=\(cert.number)").body.string.contains(cert.number))
                #expect(
                    try await metod.get("/certificates/\(cert.id!.uuidString.lowercased())/print").status == .forbidden)
                #expect(try await metod.get(Self.path(group) + "/certificates/print").status == .forbidden)
                // The centre's head sees the names.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get(Self.path(group) + "/results").body.string.contains(name))
                #expect(try await head.get("/certificates").body.string.contains(cert.studentName))
            }
        }

        @Test func numbersAreUniquePerMunicipalityOnly() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                try await setup.world.issueCertificates(setup.group)
                let mine = try await Self.certificate(app, of: setup.students[0], in: setup.group)
                let other = Municipality(name: "Соседний район")
                try await other.create(on: app.db)
                let copy = Certificate()
                copy.$municipality.id = other.id!
                copy.year = mine.year
                copy.sequence = mine.sequence
                copy.number = mine.number
                copy.verificationCode = "ZZZZ-ZZZZ"
                copy.$student.id = mine.$student.id
                copy.$group.id = mine.$group.id
                copy.studentName = "Другой"
                copy.initials = "Д."
                copy.programTitle = "Курс"
                copy.hours = 1
                copy.centerName = "Центр"
                copy.firstDay = 0
                copy.lastDay = 0
                copy.issuedAt = Date()
                copy.issuedBy = "тест"
                copy.status = "annulled"
                try await copy.create(on: app.db)
                // Verification tells them apart by the code.
                var anonymous = Browser(app)
                let res = try await anonymous.get(
                    "/verify?number=\(mine.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                        + "code=\(mine.verificationCode)"
                )
                #expect(res.status == .ok && res.body.string.contains("Сертификат действителен"))
            }
        }
    }
}
