import AsyncHTTPClient
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct ApplicationTests {
        /// The world of applications: «Школа-центр № 2» with «Информатика-10» (14 places), «Математика-10» (20) and
        /// «Право-11» (22, eleventh grade only), «Лицей № 5» with «Химия-10» (16); an open first-come campaign of
        /// them all and a ranked one of the centre's first two, closed an hour ago; «Школа № 1» whose «Учеников0 Тест»
        /// (`child`) has the account student1 and the guardian parent1 «Ученикова Вера Николаевна»; «Школа № 3»; the
        /// users kmc, centre1, school1 (administrator of «Школа № 1»).
        struct Setup {
            let world: World
            let school1: UUID
            let school3: UUID
            let info: StudyGroup
            let math: StudyGroup
            let law: StudyGroup
            let chemistry: StudyGroup
            let open: EnrollmentCampaign
            let ranked: EnrollmentCampaign
            let child: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1, .school1])
            let (center, school1) = (cast.center, cast.school)
            let lyceum = try await world.center("Лицей № 5")
            let school3 = try await world.school("Школа № 3")
            let python = try await world.program(at: center, "Программирование на Python")
            let olympiad = try await world.program(at: center, "Олимпиадная математика")
            let right = try await world.program(at: center, "Основы права", grades: 11...11)
            let chemistry = try await world.program(at: lyceum, "Химия в задачах")
            let child = try #require(try await world.students(at: school1, count: 1).first)
            try await world.studentAccount("student1", of: child)
            try await world.guardian(of: child, "Ученикова Вера Николаевна", account: "parent1")
            return Setup(
                world: world, school1: school1, school3: school3,
                info: try await world.group(of: python, "Информатика-10", capacity: 14),
                math: try await world.group(of: olympiad, "Математика-10", capacity: 20),
                law: try await world.group(of: right, "Право-11", capacity: 22),
                chemistry: try await world.group(of: chemistry, "Химия-10", capacity: 16),
                open: try await world.campaign(
                    "Запись на сетевые курсы второго полугодия", programs: [python, olympiad, right, chemistry]),
                ranked: try await world.campaign(
                    "Профильная смена «Олимпиадный резерв»", mode: .ranked, programs: [python, olympiad],
                    open: false),
                child: child)
        }

        @Test func aGuardianFillsAnIUPTheSchoolConfirmsIt() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let campaign = setup.open
                let info = setup.info
                // Another school's child with an application of their own.
                let stranger = try #require(try await setup.world.students(at: setup.school3, count: 1, from: 1).first)
                let other = try await setup.world.application(in: campaign, for: stranger, choices: [setup.math])
                // The child is a girl: the words about her agree («зачислена», not «зачислен(а)»).
                let girl = try #require(try await Student.find(setup.child, on: app.db))
                girl.sex = Sex.female.rawValue
                try await girl.save(on: app.db)
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                let mine = try await parent.get("/applications").body.string
                #expect(mine.contains("Подать заявку: \(campaign.title)"))
                let url =
                    "/applications/new?campaign=\(campaign.id!.uuidString.lowercased())&"
                    + "student=\(setup.child.uuidString.lowercased())"
                let form = try await parent.get(url)
                #expect(form.status == .ok && form.body.string.contains("Информатика-10"))
                // Without the agreement checkbox the ИУП is not accepted.
                let noAgree = try await parent.post(
                    url, ["choice1": info.id!.uuidString.lowercased(), "agreeName": "Ученикова Вера Николаевна"])
                #expect(noAgree.status == .unprocessableEntity && noAgree.body.string.contains("отметьте согласие"))
                let before = try #require(try await StudyGroup.find(info.id, on: app.db)).enrolledCount
                let done = try await parent.post(
                    url,
                    [
                        "choice1": info.id!.uuidString.lowercased(), "agree": "yes",
                        "agreeName": "Ученикова Вера Николаевна",
                    ])
                #expect(done.status == .seeOther)
                let application = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == setup.child).filter(
                        \.$campaign.$id == campaign.id!
                    ).first())
                #expect(
                    application.state == "submitted" && application.guardianAgreedBy == "Ученикова Вера Николаевна"
                        && application.holdExpiresAt != nil)
                #expect(try #require(try await StudyGroup.find(info.id, on: app.db)).enrolledCount == before + 1)
                let enrollment = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == setup.child).filter(
                        \.$group.$id == info.id!
                    ).first())
                #expect(enrollment.status == "enrolled" && enrollment.source == "application")
                let panels = try await parent.get("/applications").body.string
                #expect(panels.contains("зачислена") && !panels.contains("зачислен(а)"))
                let iup = try await parent.get(ApplicationsController.url(application.id!) + "/iup").body.string
                #expect(iup.contains("Информатика-10") && iup.contains("зачислена") && !iup.contains("зачислен(а)"))
                // The school's queue has it; confirming it makes the application confirmed.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let queue = try await school.get("/applications").body.string
                #expect(queue.contains("Учеников0 Тест"))
                #expect(
                    try await school.post(ApplicationsController.url(application.id!) + "/confirm", [:]).status
                        == .seeOther)
                #expect(try await CourseApplication.find(application.id, on: app.db)?.state == "confirmed")
                // Another school cannot confirm, and a guardian cannot see another child's application.
                #expect(try await school.get(ApplicationsController.url(other.id!)).status == .notFound)
                #expect(try await parent.get(ApplicationsController.url(other.id!)).status == .notFound)
                // The submission and the school's confirmation are in the application's history.
                let history = try await AuditEntry.query(on: app.db).filter(\.$entityType == "application").filter(
                    \.$entityID == application.id
                ).all()
                #expect(history.map(\.action).sorted() == ["create", "update"])
            }
        }

        @Test func tenSubmissionsAtOnceGiveOneApplicationAndAFullGroupAWaitingPlace() async throws {
            try await withLiveApp { app, port in
                let setup = try await Self.setUp(app)
                let campaign = setup.open
                let info = setup.info
                try await setup.world.enroll(
                    try await setup.world.students(at: setup.school3, count: 1, from: 1), in: info)
                try await setup.world.fill(info)
                let token = try await directToken(app, username: "parent1")
                let body =
                    "{\"campaignId\":\"\(campaign.id!)\",\"studentId\":\"\(setup.child)\",\"choices\":[\"\(info.id!)\"],"
                    + "\"guardianAgreement\":\"Ученикова Вера Николаевна\"}"
                let statuses = try await burst(
                    port: port, "/api/v1/applications", token: token, json: body, times: 10)
                #expect(
                    statuses.allSatisfy {
                        $0.0 == 200 && $0.1.contains("\"status\":\"waitlisted\"") && $0.1.contains("\"position\":1")
                    }, "\(statuses)")
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == setup.child).filter(
                        \.$campaign.$id == campaign.id!
                    ).count() == 1)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == setup.child).filter(
                        \.$group.$id == info.id!
                    ).count() == 1)
            }
        }

        @Test func unconfirmedHoldsExpireAndRefusalsFreeTheSeat() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                // Two pending applications of «Школа № 1» holding seats in «Информатика-10».
                let students = try await setup.world.students(at: setup.school1, count: 2, from: 1)
                let pending = try await setup.world.application(in: setup.open, for: students[0], choices: [setup.info])
                let next = try await setup.world.application(in: setup.open, for: students[1], choices: [setup.info])
                let group = try #require(try await StudyGroup.find(setup.info.id, on: app.db))
                #expect(group.enrolledCount == 2)
                pending.holdExpiresAt = Date().addingTimeInterval(-60)
                try await pending.save(on: app.db)
                try await ApplicationService.expireOverdue(app)
                #expect(try await CourseApplication.find(pending.id, on: app.db)?.state == "expired")
                #expect(try await CourseApplication.find(next.id, on: app.db)?.state == "submitted")
                let enrollment = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == students[0]).filter(
                        \.$group.$id == group.id!
                    ).first())
                #expect(
                    enrollment.status == "withdrawn"
                        && enrollment.withdrawReason == "заявка не подтверждена родителем и школой в срок")
                #expect(
                    try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount == group.enrolledCount
                        - 1)

                // A school refusal (with its reason) frees the seat too.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get(ApplicationsController.url(next.id!) + "/refuse")
                #expect(
                    try await school.post(ApplicationsController.url(next.id!) + "/refuse", ["comment": ""]).status
                        == .unprocessableEntity)
                #expect(
                    try await school.post(
                        ApplicationsController.url(next.id!) + "/refuse",
                        ["comment": "Курс совпадает с уроками по расписанию школы."]
                    ).status == .seeOther)
                let refused = try #require(try await CourseApplication.find(next.id, on: app.db))
                #expect(
                    refused.state == "refused"
                        && refused.schoolComment == "Курс совпадает с уроками по расписанию школы.")
                #expect(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == next.id!).filter(
                        \.$outcome == "enrolled"
                    ).count() == 0)
                #expect(
                    try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount == group.enrolledCount
                        - 2)
            }
        }

        /// The queue shows applications waiting for the school by default; «Все» (an empty state) lifts that default.
        @Test func theQueuesAllFilterShowsEveryState() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let students = try await setup.world.students(at: setup.school1, count: 2, from: 1)
                try await setup.world.application(in: setup.open, for: students[0], choices: [setup.info])
                try await setup.world.application(
                    in: setup.open, for: students[1], choices: [setup.info], confirmed: true)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let waiting = try await kmc.get("/applications?per=100").body.string
                #expect(waiting.contains("Учеников1 Тест") && !waiting.contains("Учеников2 Тест"))
                let all = try await kmc.get("/applications?state=&per=100").body.string
                #expect(all.contains("Учеников1 Тест") && all.contains("Учеников2 Тест"))
            }
        }

        /// After the guardian withdrew consent to the processing of personal data, the school cannot confirm the
        /// application: refused in Russian, nothing changes, and the application says why.
        @Test func theSchoolCannotConfirmAfterConsentIsWithdrawn() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let id = try #require(try await setup.world.students(at: setup.school1, count: 1, from: 1).first)
                let pending = try await setup.world.application(in: setup.open, for: id, choices: [setup.info])
                #expect(pending.state == "submitted" && pending.schoolDecision == "pending")
                let student = try #require(try await Student.find(id, on: app.db))
                student.consentWithdrawnAt = Date()
                student.consentWithdrawnBy = "Тестова Мария Ивановна"
                try await student.save(on: app.db)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let page = try await school.get(ApplicationsController.url(pending.id!)).body.string
                #expect(page.contains("отозвано") && !page.contains("Подтвердить заявку"))
                let res = try await school.post(ApplicationsController.url(pending.id!) + "/confirm", [:])
                #expect(res.status == .conflict)
                let after = try #require(try await CourseApplication.find(pending.id, on: app.db))
                #expect(after.schoolDecision == "pending" && after.version == pending.version)
            }
        }

        @Test func aRefusalKeepsASeatAnotherApplicationHolds() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let id = try #require(try await setup.world.students(at: setup.school1, count: 1, from: 1).first)
                let pending = try await setup.world.application(in: setup.open, for: id, choices: [setup.info])
                let held = try #require(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == pending.id!).filter(
                        \.$outcome == "enrolled"
                    ).first())
                let ranked = setup.ranked
                let other = CourseApplication()
                other.$municipality.id = pending.$municipality.id
                other.$campaign.id = ranked.id!
                other.$student.id = pending.$student.id
                other.$school.id = pending.$school.id
                other.state = "distributed"
                other.submittedByName = "Тестов"
                other.submittedAt = Date()
                other.schoolDecision = "confirmed"
                other.version = 1
                try await other.create(on: app.db)
                let choice = ApplicationChoice()
                choice.$application.id = other.id!
                choice.rank = 1
                choice.$group.id = held.$group.id
                choice.outcome = "enrolled"
                try await choice.create(on: app.db)
                let count = try #require(try await StudyGroup.find(held.$group.id, on: app.db)).enrolledCount
                #expect(count == 1)
                // act
                try await ApplicationService.close(
                    pending.id!, to: .refused, reason: "школа отказала", req: nil, app: app)
                // check: the first application's claim ends, the seat stays with the student for the other one
                #expect(try await ApplicationChoice.find(held.id, on: app.db)?.outcome == "released")
                let place = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == pending.$student.id).filter(
                        \.$group.$id == held.$group.id
                    ).first())
                #expect(place.status == "enrolled")
                #expect(try await StudyGroup.find(held.$group.id, on: app.db)?.enrolledCount == count)
                #expect(try await ApplicationChoice.find(choice.id, on: app.db)?.outcome == "enrolled")
            }
        }

        @Test func theRankedDistributionIsSeededStoredAndDoneOnce() async throws {
            try await withApp { app in
                // setup: eight confirmed applications to the ranked campaign, half with «Информатика-10» first, half
                // with «Математика-10» first; «Информатика-10» has two places, so two of its four first-choosers
                // are given their second choice.
                let setup = try await Self.setUp(app)
                let campaign = setup.ranked
                let info = try #require(try await StudyGroup.find(setup.info.id, on: app.db))
                info.capacity = 2
                try await info.save(on: app.db)
                let students =
                    try await setup.world.students(at: setup.school1, count: 4, from: 1)
                    + setup.world.students(at: setup.school3, count: 4, from: 5)
                var apps: [CourseApplication] = []
                for (i, student) in students.enumerated() {
                    apps.append(
                        try await setup.world.application(
                            in: campaign, for: student,
                            choices: i % 2 == 0 ? [setup.info, setup.math] : [setup.math, setup.info], confirmed: true))
                }
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let card = try await kmc.get("/campaigns/\(campaign.id!.uuidString.lowercased())").body.string
                #expect(card.contains("Распределить…"))
                // The button leads to a confirmation that says what will happen; nothing is distributed by looking at
                // it.
                let confirm = try await kmc.get("/campaigns/\(campaign.id!.uuidString.lowercased())/distribute").body
                    .string
                #expect(confirm.contains("Провести жеребьёвку") && confirm.contains("повторно нельзя"))
                #expect(try await EnrollmentCampaign.find(campaign.id, on: app.db)?.distributedAt == nil)
                let choiceRows = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id ~~ apps.compactMap(\.id)
                ).all()
                let free = [setup.info.id!: 2, setup.math.id!: 20]
                #expect(
                    try await kmc.post("/campaigns/\(campaign.id!.uuidString.lowercased())/distribute", [:]).status
                        == .seeOther)
                let done = try #require(try await EnrollmentCampaign.find(campaign.id, on: app.db))
                let seed = try #require(done.seed.flatMap(UInt64.init))
                // Every application was drawn once; each got one course (the campaign's maximum), «Информатика-10»
                // exactly its two places, «Математика-10» the other six.
                let order = try #require(done.lotteryOrder).split(separator: ",").map(String.init)
                #expect(order.sorted() == apps.map { $0.id!.uuidString.lowercased() }.sorted())
                var given: [UUID: [UUID]] = [:]
                for application in apps {
                    given[application.id!] = try await ApplicationChoice.query(on: app.db).filter(
                        \.$application.$id == application.id!
                    )
                    .filter(\.$outcome == "enrolled").all().map { $0.$group.id }
                }
                #expect(given.values.allSatisfy { $0.count == 1 })
                #expect(given.values.filter { $0 == [setup.info.id!] }.count == 2)
                #expect(given.values.filter { $0 == [setup.math.id!] }.count == 6)
                #expect(try await StudyGroup.find(setup.info.id, on: app.db)?.enrolledCount == 2)
                #expect(try await StudyGroup.find(setup.math.id, on: app.db)?.enrolledCount == 6)
                // Replaying the lottery with the stored seed gives the recorded order and the recorded places.
                let replay = Allocation.run(
                    applicants: apps.map { application in
                        .init(
                            id: application.id!,
                            choices: choiceRows.filter { $0.$application.id == application.id }.sorted {
                                $0.rank < $1.rank
                            }.map {
                                $0.$group.id
                            })
                    },
                    free: free, maxCourses: done.maxCourses, seed: seed)
                #expect(replay.order.map { $0.uuidString.lowercased() }.joined(separator: ",") == done.lotteryOrder)
                for application in apps {
                    #expect(given[application.id!] == (replay.placements[application.id!] ?? []))
                }
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$campaign.$id == campaign.id!).filter(
                        \.$state == "distributed"
                    ).count() == apps.count)
                let shown = try await kmc.get("/campaigns/\(campaign.id!.uuidString.lowercased())").body.string
                #expect(
                    shown.contains("Зерно жеребьёвки") && shown.contains(String(seed))
                        && shown.contains("Порядок жеребьёвки"))
                // Pressed again: refused, nothing changes.
                _ = try await kmc.get("/profile")
                #expect(
                    try await kmc.post("/campaigns/\(campaign.id!.uuidString.lowercased())/distribute", [:]).status
                        == .conflict)
                #expect(try await EnrollmentCampaign.find(campaign.id, on: app.db)?.seed == done.seed)
            }
        }

        /// The distribution's confirmation and action belong to the campaign's municipality's КМЦ: a school, an unknown
        /// id and another municipality's campaign are refused, and nothing is distributed.
        @Test func theDistributionRefusesOthers() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let campaign = setup.ranked
                let path = "/campaigns/\(campaign.id!.uuidString.lowercased())/distribute"
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                #expect(try await school.post(path).status == .forbidden)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(
                    try await kmc.get("/campaigns/\(UUID().uuidString.lowercased())/distribute").status == .notFound)
                let other = Municipality(name: "Соседний округ")
                try await other.create(on: app.db)
                let moved = try #require(try await EnrollmentCampaign.find(campaign.id, on: app.db))
                moved.$municipality.id = other.id!
                try await moved.save(on: app.db)
                #expect(try await kmc.get(path).status == .forbidden)
                #expect(try await kmc.post(path).status == .forbidden)
                #expect(try await EnrollmentCampaign.find(campaign.id, on: app.db)?.distributedAt == nil)
            }
        }

        @Test func closedWindowsAndOtherPeoplesChildrenAreRefused() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let ranked = setup.ranked
                let child = setup.child
                let group = setup.info
                // Another child of the same school and one of another school, each with an application; the child
                // with one of their own.
                let classmate = try #require(try await setup.world.students(at: setup.school1, count: 1, from: 1).first)
                let stranger = try #require(try await setup.world.students(at: setup.school3, count: 1, from: 2).first)
                try await setup.world.application(in: setup.open, for: classmate, choices: [setup.math])
                try await setup.world.application(in: setup.open, for: stranger, choices: [setup.math])
                try await setup.world.application(in: setup.open, for: child, choices: [setup.chemistry])
                let token = try await apiToken(app, "student1", password: World.password)
                var browser = Browser(app)
                struct In: Content {
                    var campaignId: UUID
                    var studentId: UUID
                    var choices: [UUID]
                }
                let closed = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: ranked.id!, studentId: child, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(
                    closed.status == .conflict && closed.body.string.contains("Приём заявок в этой кампании закрыт."))
                let open = setup.open
                for other in [classmate, stranger] {
                    let foreign = try await browser.send(
                        .POST, "/api/v1/applications",
                        json: In(campaignId: open.id!, studentId: other, choices: [group.id!]),
                        headers: ["Authorization": "Bearer \(token)"])
                    #expect(foreign.status == .notFound)
                }
                // A course the student's grade cannot take is refused with the field named.
                let wrong = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: child, choices: [UUID(), setup.law.id!]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("недоступен"))
                // Under the API's own field name, each course by its rank.
                let fields = try wrong.content.decode(APITests.ErrorBody.self).fields
                #expect(Array(fields.keys) == ["choices"] && fields["choices"]?.hasPrefix("Курс № ") == true)
                // The student's own list through the API holds only their own applications.
                let list = try await browser.send(
                    .GET, "/api/v1/applications", headers: ["Authorization": "Bearer \(token)"])
                struct Page: Content {
                    struct Item: Content { var studentId: UUID }
                    var items: [Item]
                }
                #expect(try list.content.decode(Page.self).items.map(\.studentId) == [child])
                // The home school sees the child but does not submit: 403 with the reason, not the 404 of a stranger.
                let school = try await apiToken(app, "school1", password: World.password)
                let bySchool = try await browser.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: child, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(school)"])
                #expect(
                    bySchool.status == .forbidden
                        && bySchool.body.string.contains("подают обучающийся или его родитель"))
                for (other, status) in [(classmate, HTTPStatus.forbidden), (stranger, .notFound)] {
                    let bySchoolOther = try await browser.send(
                        .POST, "/api/v1/applications",
                        json: In(campaignId: open.id!, studentId: other, choices: [group.id!]),
                        headers: ["Authorization": "Bearer \(school)"])
                    #expect(bySchoolOther.status == status)
                }
                // A value of the wrong type: 400 naming the field and what it takes, nothing written.
                let before = try await CourseApplication.query(on: app.db).count()
                #expect(before == 3)
                let json: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
                let typed = try await browser.send(
                    .POST, "/api/v1/applications", headers: json,
                    raw: #"{"campaignId": 5, "studentId": "\#(child)", "choices": []}"#)
                let typedBody = try typed.content.decode(APITests.ErrorBody.self)
                #expect(
                    typed.status == .badRequest
                        && typedBody.fields["campaignId"] == "поле «campaignId»: ожидается строка.")
                let badID = try await browser.send(
                    .POST, "/api/v1/applications", headers: json,
                    raw: #"{"campaignId": "\#(open.id!)", "studentId": "\#(child)", "#
                        + #""choices": ["\#(group.id!)", "x"]}"#)
                let badIDBody = try badID.content.decode(APITests.ErrorBody.self)
                #expect(
                    badID.status == .badRequest
                        && badIDBody.fields["choices"] == "поле «choices[1]»: неверный идентификатор (UUID).")
                let notJSON = try await browser.send(.POST, "/api/v1/applications", headers: json, raw: "{campaignId")
                #expect(notJSON.status == .badRequest && notJSON.body.string.contains("не JSON"))
                #expect(try await CourseApplication.query(on: app.db).count() == before)
            }
        }
    }
}

extension AppTests.ApplicationTests {
    @Test func theKmcOpensACampaignThroughTheForm() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let center = try await setup.world.center("Школа-центр № 4")
            _ = try await setup.world.program(at: center, "Черновик курса", agreed: false)
            var kmc = Browser(app)
            _ = try await kmc.login("kmc", password: World.password)
            let form = try await kmc.get("/campaigns/new")
            #expect(form.status == .ok && form.body.string.contains("Олимпиадная математика"))
            #expect(!form.body.string.contains("Черновик курса"))
            let program = try #require(
                try await NetworkProgram.query(on: app.db).filter(\.$title == "Химия в задачах").first())
            var fields = [
                "title": "Весенняя запись", "academicYear": setup.world.yearID.uuidString.lowercased(),
                "opensOn": "01.03.2027", "opensTime": "09:00",
                "closesOn": "01.02.2027", "closesTime": "", "mode": "ranked", "maxCourses": "1", "confirmDays": "5",
            ]
            let bad = try await kmc.send(
                .POST, "/campaigns/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                raw: (fields.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                } + ["_csrf=\(kmc.csrf)"]).joined(separator: "&"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Приём заявок должен закрываться позже, чем открывается."))
            #expect(bad.body.string.contains("Отметьте хотя бы одну согласованную программу."))
            fields["closesOn"] = "15.03.2027"
            let body =
                (fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                + ["programs=\(program.id!.uuidString.lowercased())", "_csrf=\(kmc.csrf)"]).joined(separator: "&")
            let ok = try await kmc.send(
                .POST, "/campaigns/new", headers: ["Content-Type": "application/x-www-form-urlencoded"], raw: body)
            #expect(ok.status == .seeOther)
            let campaign = try #require(
                try await EnrollmentCampaign.query(on: app.db).filter(\.$title == "Весенняя запись").first())
            #expect(campaign.campaignMode == .ranked && campaign.maxCourses == 1)
            #expect(RuDate.formatDateTime(campaign.closesAt, timeZone: setup.world.zone) == "15.03.2027 23:59")
            #expect(try await campaign.$programs.query(on: app.db).all().map(\.title) == ["Химия в задачах"])
            // A school administrator reads campaigns but cannot open one.
            var school = Browser(app)
            _ = try await school.login("school1", password: World.password)
            #expect(try await school.get("/campaigns").status == .ok)
            #expect(try await school.get("/campaigns/new").status == .forbidden)
        }
    }
}
