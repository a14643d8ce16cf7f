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
        /// Last year's informatics group of the demo: finished, results in, certificates not issued yet.
        static func waiting(_ app: Application) async throws -> StudyGroup {
            try #require(try await StudyGroup.query(on: app.db).filter(\.$name ~~ "Информатика (").first())
        }

        static func path(_ g: StudyGroup) -> String { "/groups/\(g.id!.uuidString.lowercased())" }

        @Test func theHeadIssuesCertificatesOnceWithNumbersWithoutGaps() async throws {
            try await withApp { app in
                let g = try await Self.waiting(app)
                #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == g.id!).count() == 0)
                var head = Browser(app)
                _ = try await head.login("centre1")
                let page = try await head.get(Self.path(g) + "/certificates")
                #expect(page.status == .ok)
                let ready = try await CertificateService.candidates(g, minimum: 75, on: app.db).filter(\.eligible)
                #expect(!ready.isEmpty)
                #expect(page.body.string.contains("Выдать сертификаты (\(ready.count))"))
                // act
                let issued = try await head.post(Self.path(g) + "/certificates")
                #expect(issued.status == .seeOther)
                // check: one each, and this year's numbers run 1…n without a gap
                let certs = try await Certificate.query(on: app.db).filter(\.$group.$id == g.id!).all()
                #expect(certs.count == ready.count)
                #expect(Set(certs.map { $0.$student.id }) == Set(ready.map { $0.student.id! }))
                let year = try #require(certs.first?.year)
                let all = try await Certificate.query(on: app.db).filter(\.$year == year).sort(\.$sequence).all()
                #expect(all.map(\.sequence) == Array(1...all.count))
                #expect(
                    all.allSatisfy {
                        $0.number == CertificateNumber.format(series: "СК", year: year, sequence: $0.sequence)
                    })
                // Issuing again issues nobody twice.
                _ = try await head.get(Self.path(g) + "/certificates")
                #expect(try await head.post(Self.path(g) + "/certificates").status == .seeOther)
                #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == g.id!).count() == ready.count)
                // Those who did not pass or did not attend enough are named with the reason.
                let body = try await head.get(Self.path(g) + "/certificates").body.string
                #expect(body.contains("аттестация не пройдена") || body.contains("посещаемость"))
                #expect(
                    try await head.get(Self.path(g) + "/certificates/print").body.string.contains(
                        "о прослушивании профильного курса"))
            }
        }

        @Test func twoIssuesAtOnceGiveEachStudentOneCertificateAndNoGap() async throws {
            try await withLiveApp { app, port in
                let g = try await Self.waiting(app)
                let ready = try await CertificateService.candidates(g, minimum: 75, on: app.db).filter(\.eligible).count
                let token = try await directToken(app, username: "centre1")
                let client = burstClient()
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            var request = HTTPClientRequest(
                                url: "http://127.0.0.1:\(port)/api/v1/groups/\(g.id!)/certificates")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            let r = try await client.execute(request, timeout: .seconds(60))
                            _ = try await r.body.collect(upTo: 1 << 20)
                            return r.status.code
                        }
                    }
                    var out: [UInt] = []
                    for try await s in group { out.append(s) }
                    return out
                }
                try await client.shutdown()
                #expect(statuses.filter { $0 == 201 }.count == 1)
                #expect(statuses.filter { $0 == 200 }.count == 5)
                let certs = try await Certificate.query(on: app.db).filter(\.$group.$id == g.id!).all()
                #expect(certs.count == ready && Set(certs.map { $0.$student.id }).count == ready)
                let year = try #require(certs.first?.year)
                let seqs = try await Certificate.query(on: app.db).filter(\.$year == year).sort(\.$sequence).all().map(
                    \.sequence)
                #expect(seqs == Array(1...seqs.count))
            }
        }

        @Test func thePublicPageVerifiesByNumberAndCodeWithInitialsOnly() async throws {
            try await withApp { app in
                let c = try #require(try await Certificate.query(on: app.db).filter(\.$status == "valid").first())
                var anonymous = Browser(app)
                let ok = try await anonymous.get(
                    "/verify?number=\(c.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                        + "code=\(c.verificationCode.lowercased())"
                )
                #expect(ok.status == .ok)
                #expect(ok.body.string.contains("Сертификат действителен"))
                #expect(ok.body.string.contains(c.initials))
                #expect(!ok.body.string.contains(c.studentName))
                #expect(
                    try await anonymous.get(
                        "/verify?number=\(c.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                            + "code=AAAA-AAAA"
                    ).status == .notFound)
                #expect(
                    try await anonymous.get("/verify?number=%D0%A1%D0%9A-2026-99999&code=\(c.verificationCode)").status
                        == .notFound)
                #expect(try await anonymous.get("/verify?number=nonsense&code=x").status == .notFound)
                struct V: Decodable {
                    var status: String
                    var initials: String
                }
                let number = c.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let api = try await anonymous.get(
                    "/api/v1/certificates/verify?number=\(number)&code=\(c.verificationCode)")
                #expect(api.status == .ok)
                #expect(try api.content.decode(V.self).initials == c.initials)
                // Annulled: the public page says so, and a new certificate may be issued to the student for the course.
                var head = Browser(app)
                _ = try await head.login("kmc")
                _ = try await head.get("/certificates/\(c.id!.uuidString.lowercased())/annul")
                #expect(
                    try await head.post("/certificates/\(c.id!.uuidString.lowercased())/annul", ["reason": ""]).status
                        == .unprocessableEntity)
                #expect(
                    try await head.post(
                        "/certificates/\(c.id!.uuidString.lowercased())/annul", ["reason": "Ошибка в фамилии"]
                    ).status == .seeOther)
                let annulled = try await anonymous.get(
                    "/verify?number=\(c.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                        + "code=\(c.verificationCode)"
                )
                #expect(
                    annulled.body.string.contains("Сертификат аннулирован")
                        && annulled.body.string.contains("Ошибка в фамилии"))
                let g = try #require(try await StudyGroup.find(c.$group.id, on: app.db))
                _ = try await head.get("/groups/\(g.id!.uuidString.lowercased())/certificates")
                #expect(
                    try await head.post("/groups/\(g.id!.uuidString.lowercased())/certificates").status == .seeOther)
                let again = try await Certificate.query(on: app.db).filter(\.$group.$id == g.id!).filter(
                    \.$student.$id == c.$student.id
                ).all()
                #expect(
                    again.count == 2 && again.filter(\.isValid).count == 1
                        && again.first(where: \.isValid)?.number != c.number)
                // Guessing is limited.
                var statuses: [HTTPStatus] = []
                for _ in 0..<35 {
                    statuses.append(
                        try await anonymous.get(
                            "/verify?number=\(c.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&"
                                + "code=ZZZZ-ZZZZ"
                        ).status)
                }
                #expect(statuses.contains(.tooManyRequests))
            }
        }

        @Test func unfinishedCoursesAndOthersAreRefused() async throws {
            try await withApp { app in
                let current = try await TimetableTests.group(app, "Математика-10")
                var head = Browser(app)
                _ = try await head.login("centre1")
                let results = try await head.get(Self.path(current) + "/results")
                #expect(results.body.string.contains("Курс ещё не завершён"))
                #expect(try await head.post(Self.path(current) + "/results", [:]).status == .conflict)
                _ = try await head.get(Self.path(current) + "/certificates")
                #expect(try await head.post(Self.path(current) + "/certificates").status == .conflict)
                #expect(try await Certificate.query(on: app.db).filter(\.$group.$id == current.id!).count() == 0)
                // A school sees no group's certificates; a teacher reads but does not issue.
                let g = try await Self.waiting(app)
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(try await school.get(Self.path(g) + "/certificates").status == .forbidden)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                #expect(try await teacher.get(Self.path(g) + "/certificates").status == .ok)
                #expect(try await teacher.post(Self.path(g) + "/certificates").status == .forbidden)
                #expect(try await teacher.get("/certificates").status == .ok)
                #expect(try await school.get("/certificates").status == .forbidden)
                // A result may not turn to «не зачтено» under a valid certificate.
                let certified = try #require(
                    try await Certificate.query(on: app.db).filter(\.$status == "valid").first())
                let cg = try #require(try await StudyGroup.find(certified.$group.id, on: app.db))
                let fr = try #require(
                    try await FinalResult.query(on: app.db).filter(\.$group.$id == cg.id!).filter(
                        \.$student.$id == certified.$student.id
                    ).first())
                var kmcHead = Browser(app)
                _ = try await kmcHead.login("teacher1")
                let k = certified.$student.id.uuidString.lowercased()
                if cg.$organization.id == (try await orgID(app, "МБОУ «Гимназия № 2»")) {
                    _ = try await kmcHead.get(Self.path(cg) + "/results")
                    let refused = try await kmcHead.post(
                        Self.path(cg) + "/results",
                        [
                            "form-" + k: fr.form, "passed-" + k: "no",
                            "day-" + k: CivilDay(number: fr.resultDay).formatted,
                            "v-" + k: String(fr.version),
                        ])
                    #expect(refused.status == .conflict && refused.body.string.contains("сначала аннулируйте"))
                }
            }
        }

        @Test func resultsAreRecordedAtTheEndAndAudited() async throws {
            try await withApp { app in
                let g = try await Self.waiting(app)
                let r = try #require(try await FinalResult.query(on: app.db).filter(\.$group.$id == g.id!).first())
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                let page = try await teacher.get(Self.path(g) + "/results")
                #expect(page.status == .ok && page.body.string.contains("Сохранить итоги"))
                let k = r.$student.id.uuidString.lowercased()
                let bad = try await teacher.post(
                    Self.path(g) + "/results",
                    ["form-" + k: "nonsense", "passed-" + k: "maybe", "day-" + k: "01.01.2100"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Выберите результат."))
                #expect(bad.body.string.contains("Дата не может быть позже сегодняшней."))
                // A stale form (made before someone else's save) is refused.
                let stale = try await teacher.post(
                    Self.path(g) + "/results",
                    [
                        "form-" + k: "exam", "passed-" + k: "no", "grade-" + k: "2",
                        "day-" + k: CivilDay(number: r.resultDay).formatted, "v-" + k: String(r.version - 1),
                    ])
                #expect(stale.status == .conflict && stale.body.string.contains("изменил другой пользователь"))
                let ok = try await teacher.post(
                    Self.path(g) + "/results",
                    [
                        "form-" + k: "exam", "passed-" + k: "no", "grade-" + k: "2",
                        "day-" + k: CivilDay(number: r.resultDay).formatted, "v-" + k: String(r.version),
                    ])
                #expect(ok.status == .seeOther)
                let fresh = try #require(try await FinalResult.find(r.id, on: app.db))
                #expect(fresh.form == "exam" && !fresh.passed && fresh.version == r.version + 1)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "final_results").count() == 1)
            }
        }

        @Test func aGuardianSeesTheChildsAttendanceResultsAndCertificates() async throws {
            try await withApp { app in
                let child = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                let cert = try #require(
                    try await Certificate.query(on: app.db).filter(\.$student.$id == child.id!).first())
                var parent = Browser(app)
                _ = try await parent.login("parent1")
                let path = "/timetable/students/\(child.id!.uuidString.lowercased())"
                #expect(try await parent.get(path).body.string.contains(path + "/progress"))
                let page = try await parent.get(path + "/progress")
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("Успеваемость: Ёлкин Артём Ильич"))
                #expect(body.contains("Математика") && body.contains(cert.number))
                #expect(body.contains("Последние отметки"))
                #expect(
                    !body.contains("href=\"/students\"") && body.contains("href=\"\(path)\""),
                    "the parent's trail leads to the child's week")
                let print = try await parent.get(path + "/certificates/\(cert.id!.uuidString.lowercased())")
                #expect(print.status == .ok && print.body.string.contains(cert.verificationCode))
                // Not another child's, and not for a teacher.
                let other = try #require(
                    try await Certificate.query(on: app.db).filter(\.$student.$id != child.id!).first())
                #expect(
                    try await parent.get("/timetable/students/\(other.$student.id.uuidString.lowercased())/progress")
                        .status == .forbidden)
                #expect(
                    try await parent.get(path + "/certificates/\(other.id!.uuidString.lowercased())").status
                        == .notFound)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                #expect(try await teacher.get(path + "/progress").status == .forbidden)
                // The API gives the student their own, too.
                let token = try await apiToken(app, "student1")
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
                // The home school and the КМЦ read the same record through the API as on the progress page; a centre
                // head who may not read the child's record gets 403.
                struct Page: Decodable {
                    struct Meta: Decodable { var total: Int }
                    var metadata: Meta
                }
                var totals: [String: [Int]] = [:]
                for user in ["school1", "kmc", "student1"] {
                    let t = try await apiToken(app, user)
                    for kind in ["attendance", "results", "certificates"] {
                        let r = try await api.send(
                            .GET, "/api/v1/\(kind)?student=\(child.id!.uuidString)",
                            headers: ["Authorization": "Bearer \(t)"])
                        #expect(r.status == .ok)
                        totals[user, default: []].append(try r.content.decode(Page.self).metadata.total)
                    }
                }
                #expect(
                    totals["school1"] == totals["kmc"] && totals["school1"] == totals["student1"]
                        && (totals["school1"]?.allSatisfy { $0 > 0 } ?? false), "\(totals)")
                let center = try await apiToken(app, "centre1")
                #expect(
                    try await api.send(
                        .GET, "/api/v1/results?student=\(child.id!.uuidString)",
                        headers: ["Authorization": "Bearer \(center)"]
                    ).status == .forbidden)
            }
        }

        /// The methodologist reads results and certificates as the journal shows them: without the children's names,
        /// finding a certificate by its number, printing none.
        @Test func theMethodologistReadsResultsAndCertificatesWithoutNames() async throws {
            try await withApp { app in
                let cert = try #require(try await Certificate.query(on: app.db).with(\.$student).first())
                let g = try #require(try await StudyGroup.find(cert.$group.id, on: app.db))
                let name = cert.student.fullName
                var metod = Browser(app)
                _ = try await metod.login("metod")
                let pages = [
                    Self.path(g) + "/results", Self.path(g) + "/certificates", "/certificates",
                    "/certificates/\(cert.id!.uuidString.lowercased())",
                ]
                for path in pages {
                    let r = try await metod.get(path)
                    #expect(
                        r.status == .ok && !r.body.string.contains(name)
                            && !r.body.string.contains(cert.student.surname), "\(path)")
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
                #expect(try await metod.get(Self.path(g) + "/certificates/print").status == .forbidden)
                // The centre's head sees the names.
                var head = Browser(app)
                _ = try await head.login("centre1")
                #expect(try await head.get(Self.path(g) + "/results").body.string.contains(name))
                #expect(try await head.get("/certificates").body.string.contains(cert.studentName))
            }
        }

        @Test func numbersAreUniquePerMunicipalityOnly() async throws {
            try await withApp { app in
                let mine = try #require(try await Certificate.query(on: app.db).first())
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
