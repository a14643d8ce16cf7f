import AsyncHTTPClient
import Domain
import Fluent
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct EnrollmentTests {
        /// A world of its own: a centre with an agreed programme and an open group «Нагрузочная группа» of
        /// `capacity`, a school with `students` students, and the users kmc (coordinator), centre1 (the centre's head),
        /// teacher1 (the centre's teacher), school1 (the school's administrator), metod (methodologist).
        static func setUp(_ app: Application, capacity: Int, students: Int) async throws -> (UUID, [UUID]) {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .metod, .centre1, .teacher1, .school1])
            let (center, school) = (cast.center, cast.school)
            let program = try await world.program(at: center)
            let group = try await world.group(of: program, "Нагрузочная группа", capacity: capacity)
            return (try group.requireID(), try await world.students(at: school, count: students))
        }

        struct Answer: Content {
            var status: String
            var position: Int?
        }

        @Test func twoHundredConcurrentRequestsFillAGroupOf25Exactly() async throws {
            try await withLiveApp { app, port in
                // setup
                let (groupID, students) = try await Self.setUp(app, capacity: 25, students: 200)
                let token = try await directToken(app, username: "kmc")
                let client = burstClient()
                // act: 200 students at once, each asked twice, over real HTTP
                let results = try await withThrowingTaskGroup(of: (Int, Answer?).self) { group in
                    for student in students + students.prefix(20) {
                        group.addTask {
                            var request = HTTPClientRequest(
                                url: "http://127.0.0.1:\(port)/api/v1/groups/\(groupID)/enrollments")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(string: "{\"studentId\":\"\(student)\"}"))
                            let response = try await client.execute(request, timeout: .seconds(120))
                            let body = try await response.body.collect(upTo: 1 << 16)
                            return (Int(response.status.code), try? JSONDecoder().decode(Answer.self, from: body))
                        }
                    }
                    var all: [(Int, Answer?)] = []
                    for try await r in group { all.append(r) }
                    return all
                }
                try await client.shutdown()
                // check
                #expect(
                    results.allSatisfy { $0.0 == 201 || $0.0 == 200 },
                    "no 5xx or refusals: \(results.map(\.0).filter { $0 != 200 && $0 != 201 })")
                let group = try #require(try await StudyGroup.find(groupID, on: app.db))
                #expect(group.enrolledCount == 25)
                let enrolled = try await Enrollment.query(on: app.db).filter(\.$group.$id == groupID).filter(
                    \.$status == "enrolled"
                ).count()
                #expect(enrolled == 25)
                let waiting = try await Enrollment.query(on: app.db).filter(\.$group.$id == groupID).filter(
                    \.$status == "waitlisted"
                ).all()
                #expect(waiting.count == 175)
                #expect(Set(waiting.compactMap(\.waitlistSeq)).count == 175)
                let positions = results.compactMap { $0.1?.position }
                #expect(Set(positions).isSubset(of: Set(1...175)))
                #expect(try await Enrollment.query(on: app.db).filter(\.$group.$id == groupID).count() == 200)
            }
        }

        /// A programme takes only its grades, whoever enrols (the ИУП's choices are limited to them too); nothing
        /// changes.
        @Test func directEnrollmentRefusesAStudentOfAnotherGrade() async throws {
            try await withApp { app in
                let (groupID, students) = try await Self.setUp(app, capacity: 5, students: 1)
                let group = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$id == groupID).with(\.$program).first())
                let student = try #require(try await Student.find(students[0], on: app.db))
                student.grade = group.program.gradeFrom - 1
                try await student.save(on: app.db)
                let kmc = try await apiToken(app, "kmc", password: World.password)
                var browser = Browser(app)
                let res = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments",
                    headers: ["Authorization": "Bearer \(kmc)", "Content-Type": "application/json"],
                    raw: "{\"studentId\":\"\(students[0])\"}")
                #expect(res.status == .conflict)
                let body = try res.content.decode(APITests.ErrorBody.self)
                #expect(body.error == "grade_not_allowed" && body.reason.contains("учится в \(student.grade) классе"))
                #expect(try await StudyGroup.find(groupID, on: app.db)?.enrolledCount == group.enrolledCount)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == students[0]).filter(
                        \.$group.$id == groupID
                    ).count() == 0)
            }
        }

        @Test func directEnrollmentAnswersAndRefusesInRussian() async throws {
            try await withApp { app in
                let (groupID, students) = try await Self.setUp(app, capacity: 1, students: 3)
                let kmc = try await apiToken(app, "kmc", password: World.password)
                var browser = Browser(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(kmc)", "Content-Type": "application/json"]
                let first = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[0])\"}")
                #expect(first.status == .created)
                #expect(try first.content.decode(Answer.self).status == "enrolled")
                let again = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[0])\"}")
                #expect(try again.content.decode(Answer.self).status == "enrolled")
                let second = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[1])\"}")
                #expect(second.status == .ok)
                #expect(try second.content.decode(Answer.self).position == 1)
                let unknown = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth, raw: "{\"studentId\":\"\(UUID())\"}")
                #expect(unknown.status == .notFound)
                #expect(try unknown.content.decode(APITests.ErrorBody.self).reason == "Обучающийся не найден.")
                // A child whose school has not recorded the consent to data processing is not placed by the КМЦ: 409,
                // no row.
                let unconsented = try #require(try await Student.find(students[2], on: app.db))
                unconsented.consentOn = nil
                unconsented.consentBy = nil
                try await unconsented.save(on: app.db)
                let noConsent = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[2])\"}")
                let noConsentBody = try noConsent.content.decode(APITests.ErrorBody.self)
                #expect(
                    noConsent.status == .conflict && noConsentBody.error == "no_consent"
                        && noConsentBody.reason.contains("нет согласия"))
                #expect(try await Enrollment.query(on: app.db).filter(\.$student.$id == students[2]).count() == 0)
                // One already on the waiting list is answered with their place, whatever changed since.
                let waiting = try #require(try await Student.find(students[1], on: app.db))
                waiting.consentOn = nil
                waiting.consentBy = nil
                try await waiting.save(on: app.db)
                let asked = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[1])\"}")
                let askedPosition = try asked.content.decode(Answer.self).position
                #expect(asked.status == .ok && askedPosition == 1)
                waiting.consentOn = Date()
                waiting.consentBy = "отец"
                try await waiting.save(on: app.db)
                let group = try #require(try await StudyGroup.find(groupID, on: app.db))
                #expect(group.enrolledCount == 1)
                // A programme that is not agreed cannot take students.
                let program = try #require(try await NetworkProgram.find(group.$program.id, on: app.db))
                program.approval = "submitted"
                try await program.save(on: app.db)
                let refused = try await browser.send(
                    .POST, "/api/v1/groups/\(groupID)/enrollments", headers: auth,
                    raw: "{\"studentId\":\"\(students[1])\"}")
                #expect(refused.status == .conflict)
                #expect(try refused.content.decode(APITests.ErrorBody.self).error == "program_not_agreed")
                // Only the coordinator, the administrator and the head of the group's centre enrol directly.
                for user in ["school1", "teacher1", "metod"] {
                    let token = try await apiToken(app, user, password: World.password)
                    let res = try await browser.send(
                        .POST, "/api/v1/groups/\(groupID)/enrollments",
                        headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                        raw: "{\"studentId\":\"\(students[1])\"}")
                    #expect(res.status == .forbidden, "\(user)")
                }
                let fetched = try await browser.send(.GET, "/api/v1/groups/\(groupID)", headers: auth)
                struct G: Content {
                    var capacity: Int
                    var enrolledCount: Int
                    var programId: UUID
                }
                #expect(try fetched.content.decode(G.self).enrolledCount == 1)
            }
        }
    }
}

extension AppTests.EnrollmentTests {
    @Test func theCenterHeadEnrollsThroughThePagesAndAWithdrawalMovesTheListUp() async throws {
        try await withApp { app in
            let (groupID, students) = try await Self.setUp(app, capacity: 1, students: 3)
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            #expect(try await head.get("/groups").body.string.contains("Нагрузочная группа"))
            let search = try await head.get("/groups/\(groupID)/enroll?q=учеников1").body.string
            #expect(search.contains("Учеников1 Тест"))
            // A centre head does not browse the municipality's children: nobody is listed without three letters of a
            // name.
            let browse = try await head.get("/groups/\(groupID)/enroll").body.string
            #expect(!browse.contains("Учеников1 Тест") && browse.contains("не меньше трёх букв"))
            #expect(!(try await head.get("/groups/\(groupID)/enroll?q=уч").body.string.contains("Учеников1 Тест")))
            // LIKE's wildcards are not letters and match only themselves: «%%%» or «___» list nobody.
            for wild in ["%25%25%25", "___", "%25%25%25%25%25", "%5C%25%5C%25%5C%25", "у%25ч"] {
                let page = try await head.get("/groups/\(groupID)/enroll?q=\(wild)").body.string
                #expect(!page.contains("Учеников1 Тест") && page.contains("не меньше трёх букв"), "q=\(wild)")
            }
            // The coordinator, who reads every school's registry, does.
            var kmc = Browser(app)
            _ = try await kmc.login("kmc", password: World.password)
            let kmcBrowse = try await kmc.get("/groups/\(groupID)/enroll").body.string
            #expect(!kmcBrowse.contains("не меньше трёх букв") && kmcBrowse.contains("Записать"))
            #expect(try await kmc.get("/groups/\(groupID)/enroll?q=уч").body.string.contains("Записать"))
            for student in students {
                #expect(try await head.post("/groups/\(groupID)/enroll?student=\(student)").status == .seeOther)
            }
            let card = try await head.get("/groups/\(groupID)").body.string
            #expect(card.contains("занято 1 из 1"))
            #expect(card.contains("Лист ожидания"))
            let first = try #require(
                try await Enrollment.query(on: app.db).filter(\.$student.$id == students[0]).first())
            let second = try #require(
                try await Enrollment.query(on: app.db).filter(\.$student.$id == students[1]).first())
            #expect(second.status == "waitlisted")
            #expect(
                try await head.get("/groups/\(groupID)/withdraw/\(first.id!)").body.string.contains(
                    "«Учеников0 Тест» выбывает из группы"))
            // A reason and a date are required; a future date is refused.
            let noReason = try await head.post("/groups/\(groupID)/withdraw/\(first.id!)")
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Заполните это поле."))
            #expect(try await Enrollment.find(first.id, on: app.db)?.status == "enrolled")
            let future = try await head.post(
                "/groups/\(groupID)/withdraw/\(first.id!)", ["reason": "по состоянию здоровья", "date": "01.01.2099"])
            #expect(future.body.string.contains("Дата не может быть в будущем."))
            let zone = TimeZone(identifier: "Europe/Moscow")!
            #expect(
                try await head.post(
                    "/groups/\(groupID)/withdraw/\(first.id!)",
                    ["reason": "по состоянию здоровья", "date": RuDate.format(Date(), timeZone: zone)]
                ).status == .seeOther)
            let gone = try #require(try await Enrollment.find(first.id, on: app.db))
            #expect(
                gone.status == "withdrawn" && gone.withdrawReason == "по состоянию здоровья" && gone.withdrawnOn != nil)
            #expect(try await Enrollment.find(second.id, on: app.db)?.status == "enrolled")
            #expect(try await StudyGroup.find(groupID, on: app.db)?.enrolledCount == 1)
            let third = try #require(
                try await Enrollment.query(on: app.db).filter(\.$student.$id == students[2]).first())
            #expect(try await EnrollmentService.outcome(of: third, on: app.db) == .waitlisted(position: 1))
        }
    }

    @Test func groupListsShowPeopleOnlyToThoseWhoMaySeeThem() async throws {
        try await withApp { app in
            // setup: «Математика-10» of the centre with a child of «Школа № 1» (who has the account student1) and one
            // of «Школа № 4»
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .metod, .centre1, .teacher1, .school1])
            let (center, school1) = (cast.center, cast.school)
            let school4 = try await world.school("Школа № 4")
            let group = try await world.group(of: try await world.program(at: center), "Математика-10")
            let own = try await world.students(at: school1, count: 1)
            let other = try await world.students(at: school4, count: 1, from: 1)
            try await world.enroll(own + other, in: group)
            try await world.studentAccount("student1", of: own[0])
            for (user, sees) in [("kmc", true), ("centre1", true), ("teacher1", true), ("metod", false)] {
                var browser = Browser(app)
                _ = try await browser.login(user, password: World.password)
                let html = try await browser.get("/groups/\(group.id!)").body.string
                #expect(html.contains("Учеников0 Тест") == sees, "\(user)")
                #expect(html.contains("Учеников1 Тест") == sees && html.contains("Школа № 4</td>") == sees, "\(user)")
            }
            // A school sees its own students only.
            var school = Browser(app)
            _ = try await school.login("school1", password: World.password)
            let html = try await school.get("/groups/\(group.id!)").body.string
            #expect(html.contains("Учеников0 Тест"))
            #expect(!html.contains("Учеников1 Тест") && !html.contains("Школа № 4</td>"))
            #expect(try await school.get("/groups/\(group.id!)/enroll").status == .forbidden)
            var student = Browser(app)
            _ = try await student.login("student1", password: World.password)
            #expect(try await student.get("/groups/\(group.id!)").status == .forbidden)
        }
    }
}
