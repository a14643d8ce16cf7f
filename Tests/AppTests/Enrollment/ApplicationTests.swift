import AsyncHTTPClient
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct ApplicationTests {
        static func openCampaign(_ app: Application) async throws -> EnrollmentCampaign {
            try #require(try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "first_come").first())
        }

        @Test func aGuardianFillsAnIUPTheSchoolConfirmsIt() async throws {
            try await withApp { app in
                let c = try await Self.openCampaign(app)
                let elkin = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                let info = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Информатика-10").first())
                var parent = Browser(app)
                _ = try await parent.login("parent1")
                let mine = try await parent.get("/applications").body.string
                #expect(mine.contains("Подать заявку: \(c.title)"))
                let url =
                    "/applications/new?campaign=\(c.id!.uuidString.lowercased())&"
                    + "student=\(elkin.id!.uuidString.lowercased())"
                let form = try await parent.get(url)
                #expect(form.status == .ok && form.body.string.contains("Информатика-10"))
                // Without the agreement checkbox the ИУП is not accepted.
                let noAgree = try await parent.post(
                    url, ["choice1": info.id!.uuidString.lowercased(), "agreeName": "Ёлкина Вера Николаевна"])
                #expect(noAgree.status == .unprocessableEntity && noAgree.body.string.contains("отметьте согласие"))
                let before = try #require(try await StudyGroup.find(info.id, on: app.db)).enrolledCount
                let done = try await parent.post(
                    url,
                    [
                        "choice1": info.id!.uuidString.lowercased(), "agree": "yes",
                        "agreeName": "Ёлкина Вера Николаевна",
                    ])
                #expect(done.status == .seeOther)
                let a = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == elkin.id!).filter(
                        \.$campaign.$id == c.id!
                    ).first())
                #expect(
                    a.state == "submitted" && a.guardianAgreedBy == "Ёлкина Вера Николаевна" && a.holdExpiresAt != nil)
                #expect(try #require(try await StudyGroup.find(info.id, on: app.db)).enrolledCount == before + 1)
                let e = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == elkin.id!).filter(
                        \.$group.$id == info.id!
                    ).first())
                #expect(e.status == "enrolled" && e.source == "application")
                #expect(try await parent.get("/applications").body.string.contains("зачислен(а)"))
                // The school's queue has it; confirming it makes the application confirmed.
                var school = Browser(app)
                _ = try await school.login("school1")
                let queue = try await school.get("/applications").body.string
                #expect(queue.contains("Ёлкин Артём Ильич"))
                #expect(try await school.post(ApplicationsController.url(a.id!) + "/confirm", [:]).status == .seeOther)
                #expect(try await CourseApplication.find(a.id, on: app.db)?.state == "confirmed")
                // Another school cannot confirm, and a guardian cannot see another child's application.
                let other = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$school.$id != elkin.$school.id).first())
                #expect(try await school.get(ApplicationsController.url(other.id!)).status == .notFound)
                #expect(try await parent.get(ApplicationsController.url(other.id!)).status == .notFound)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "application").filter(
                        \.$entityID == a.id
                    ).count() >= 2)
            }
        }

        @Test func tenSubmissionsAtOnceGiveOneApplicationAndAFullGroupAWaitingPlace() async throws {
            try await withLiveApp { app, port in
                let c = try await Self.openCampaign(app)
                let elkin = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                let info = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Информатика-10").first())
                info.capacity = info.enrolledCount
                try await info.save(on: app.db)
                let token = try await directToken(app, username: "parent1")
                let client = burstClient()
                let body =
                    "{\"campaignId\":\"\(c.id!)\",\"studentId\":\"\(elkin.id!)\",\"choices\":[\"\(info.id!)\"],"
                    + "\"guardianAgreement\":\"Ёлкина Вера Николаевна\"}"
                let statuses = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
                    for _ in 0..<10 {
                        group.addTask {
                            var r = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/applications")
                            r.method = .POST
                            r.headers.add(name: "Authorization", value: "Bearer \(token)")
                            r.headers.add(name: "Content-Type", value: "application/json")
                            r.body = .bytes(ByteBuffer(string: body))
                            let res = try await client.execute(r, timeout: .seconds(30))
                            return (res.status.code, String(buffer: try await res.body.collect(upTo: 1 << 16)))
                        }
                    }
                    var out: [(UInt, String)] = []
                    for try await s in group { out.append(s) }
                    return out
                }
                try await client.shutdown()
                #expect(
                    statuses.allSatisfy {
                        $0.0 == 200 && $0.1.contains("\"status\":\"waitlisted\"") && $0.1.contains("\"position\":1")
                    }, "\(statuses)")
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$student.$id == elkin.id!).filter(
                        \.$campaign.$id == c.id!
                    ).count() == 1)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == elkin.id!).filter(
                        \.$group.$id == info.id!
                    ).count() == 1)
            }
        }

        @Test func unconfirmedHoldsExpireAndRefusalsFreeTheSeat() async throws {
            try await withApp { app in
                // A pending demo application of СОШ № 1 holding a seat.
                let pending = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$state == "submitted").all()
                        .first { _ in true })
                let choice = try #require(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == pending.id!).filter(
                        \.$outcome == "enrolled"
                    ).first())
                let group = try #require(try await StudyGroup.find(choice.$group.id, on: app.db))
                pending.holdExpiresAt = Date().addingTimeInterval(-60)
                try await pending.save(on: app.db)
                try await ApplicationService.expireOverdue(app)
                #expect(try await CourseApplication.find(pending.id, on: app.db)?.state == "expired")
                let e = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == pending.$student.id).filter(
                        \.$group.$id == group.id!
                    ).first())
                #expect(
                    e.status == "withdrawn" && e.withdrawReason == "заявка не подтверждена родителем и школой в срок")
                #expect(
                    try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount == group.enrolledCount
                        - 1)

                // A school refusal (with its reason) frees the seat too.
                let next = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$state == "submitted").with(\.$school)
                        .first())
                let admin = User(
                    username: "refuser", fullName: "Отказова Инна",
                    passwordHash: try await Passwords.hash(DemoData.password, app: app))
                try await admin.create(on: app.db)
                try await RoleAssignment(
                    userID: admin.id!, role: "school_admin", municipalityID: next.$municipality.id,
                    organizationID: next.$school.id
                ).create(on: app.db)
                var school = Browser(app)
                _ = try await school.login("refuser")
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
            }
        }

        /// The queue shows applications waiting for the school by default; «Все» (an empty state) lifts that default.
        @Test func theQueuesAllFilterShowsEveryState() async throws {
            try await withApp { app in
                let waiting = Set(
                    try await CourseApplication.query(on: app.db).filter(\.$state == "submitted").all().map {
                        $0.$student.id
                    })
                let closed = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$state != "submitted").with(\.$student).all()
                        .first { !waiting.contains($0.$student.id) })
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                #expect(!(try await kmc.get("/applications?per=100").body.string.contains(closed.student.fullName)))
                #expect(try await kmc.get("/applications?state=&per=100").body.string.contains(closed.student.fullName))
            }
        }

        /// After the guardian withdrew consent to the processing of personal data, the school cannot confirm the
        /// application: refused in Russian, nothing changes, and the application says why.
        @Test func theSchoolCannotConfirmAfterConsentIsWithdrawn() async throws {
            try await withApp { app in
                let pending = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$state == "submitted").filter(
                        \.$schoolDecision == "pending"
                    ).with(\.$student).first())
                pending.student.consentWithdrawnAt = Date()
                pending.student.consentWithdrawnBy = "Тестова Мария Ивановна"
                try await pending.student.save(on: app.db)
                let admin = User(
                    username: "confirmer", fullName: "Подтверждаева Инна",
                    passwordHash: try await Passwords.hash(DemoData.password, app: app))
                try await admin.create(on: app.db)
                try await RoleAssignment(
                    userID: admin.id!, role: "school_admin", municipalityID: pending.$municipality.id,
                    organizationID: pending.$school.id
                ).create(on: app.db)
                var school = Browser(app)
                _ = try await school.login("confirmer")
                let page = try await school.get(ApplicationsController.url(pending.id!)).body.string
                #expect(page.contains("отозвано") && !page.contains("Подтвердить заявку"))
                let res = try await school.post(ApplicationsController.url(pending.id!) + "/confirm", [:])
                #expect(res.status == .conflict)
                let after = try #require(try await CourseApplication.find(pending.id, on: app.db))
                #expect(after.schoolDecision == "pending" && after.version == pending.version)
            }
        }

        /// A seat another application of the student still holds (the ranked distribution gave the student a group
        /// the student already held through a first-come application) is not freed when the first application is
        /// refused.
        @Test func aRefusalKeepsASeatAnotherApplicationHolds() async throws {
            try await withApp { app in
                let pending = try #require(
                    try await CourseApplication.query(on: app.db).filter(\.$state == "submitted").first())
                let held = try #require(
                    try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == pending.id!).filter(
                        \.$outcome == "enrolled"
                    ).first())
                let ranked = try #require(
                    try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "ranked").first())
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
                let c = try #require(try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "ranked").first())
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                let card = try await kmc.get("/campaigns/\(c.id!.uuidString.lowercased())").body.string
                #expect(card.contains("Распределить…"))
                // The button leads to a confirmation that says what will happen; nothing is distributed by looking at
                // it.
                let confirm = try await kmc.get("/campaigns/\(c.id!.uuidString.lowercased())/distribute").body.string
                #expect(confirm.contains("Провести жеребьёвку") && confirm.contains("повторно нельзя"))
                #expect(try await EnrollmentCampaign.find(c.id, on: app.db)?.distributedAt == nil)
                let apps = try await CourseApplication.query(on: app.db).filter(\.$campaign.$id == c.id!).all()
                let choiceRows = try await ApplicationChoice.query(on: app.db).filter(
                    \.$application.$id ~~ apps.compactMap(\.id)
                ).all()
                let groupIDs = Array(Set(choiceRows.map { $0.$group.id }))
                let free = Dictionary(
                    try await StudyGroup.query(on: app.db).filter(\.$id ~~ groupIDs).all().map {
                        ($0.id!, $0.capacity - $0.enrolledCount)
                    }, uniquingKeysWith: { a, _ in a })
                #expect(
                    try await kmc.post("/campaigns/\(c.id!.uuidString.lowercased())/distribute", [:]).status
                        == .seeOther)
                let done = try #require(try await EnrollmentCampaign.find(c.id, on: app.db))
                let seed = try #require(done.seed.flatMap(UInt64.init))
                // Replaying the lottery with the stored seed gives the recorded order and the recorded places.
                let replay = Allocation.run(
                    applicants: apps.map { a in
                        .init(
                            id: a.id!,
                            choices: choiceRows.filter { $0.$application.id == a.id }.sorted { $0.rank < $1.rank }.map {
                                $0.$group.id
                            })
                    },
                    free: free, maxCourses: done.maxCourses, seed: seed)
                #expect(replay.order.map { $0.uuidString.lowercased() }.joined(separator: ",") == done.lotteryOrder)
                for a in apps {
                    let given = try await ApplicationChoice.query(on: app.db).filter(\.$application.$id == a.id!)
                        .filter(\.$outcome == "enrolled").all().map { $0.$group.id }
                    #expect(given == (replay.placements[a.id!] ?? []))
                }
                #expect(
                    try await CourseApplication.query(on: app.db).filter(\.$campaign.$id == c.id!).filter(
                        \.$state == "distributed"
                    ).count() == apps.count)
                let shown = try await kmc.get("/campaigns/\(c.id!.uuidString.lowercased())").body.string
                #expect(
                    shown.contains("Зерно жеребьёвки") && shown.contains(String(seed))
                        && shown.contains("Порядок жеребьёвки"))
                // Pressed again: refused, nothing changes.
                _ = try await kmc.get("/profile")
                #expect(
                    try await kmc.post("/campaigns/\(c.id!.uuidString.lowercased())/distribute", [:]).status
                        == .conflict)
                #expect(try await EnrollmentCampaign.find(c.id, on: app.db)?.seed == done.seed)
            }
        }

        /// The distribution's confirmation and action belong to the campaign's municipality's КМЦ: a school, an unknown
        /// id
        /// and another municipality's campaign are refused, and nothing is distributed.
        @Test func theDistributionRefusesOthers() async throws {
            try await withApp { app in
                let c = try #require(try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "ranked").first())
                let path = "/campaigns/\(c.id!.uuidString.lowercased())/distribute"
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(try await school.get(path).status == .forbidden)
                #expect(try await school.post(path).status == .forbidden)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                #expect(
                    try await kmc.get("/campaigns/\(UUID().uuidString.lowercased())/distribute").status == .notFound)
                let other = Municipality(name: "Соседний округ")
                try await other.create(on: app.db)
                let moved = try #require(try await EnrollmentCampaign.find(c.id, on: app.db))
                moved.$municipality.id = other.id!
                try await moved.save(on: app.db)
                #expect(try await kmc.get(path).status == .forbidden)
                #expect(try await kmc.post(path).status == .forbidden)
                #expect(try await EnrollmentCampaign.find(c.id, on: app.db)?.distributedAt == nil)
            }
        }

        @Test func closedWindowsAndOtherPeoplesChildrenAreRefused() async throws {
            try await withApp { app in
                let ranked = try #require(
                    try await EnrollmentCampaign.query(on: app.db).filter(\.$mode == "ranked").first())
                let elkin = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                let group = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-11").first())
                let token = try await apiToken(app, "student1")
                var b = Browser(app)
                struct In: Content {
                    var campaignId: UUID
                    var studentId: UUID
                    var choices: [UUID]
                }
                let closed = try await b.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: ranked.id!, studentId: elkin.id!, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(
                    closed.status == .conflict && closed.body.string.contains("Приём заявок в этой кампании закрыт."))
                let open = try await Self.openCampaign(app)
                let stranger = try #require(try await Student.query(on: app.db).filter(\.$id != elkin.id!).first())
                let foreign = try await b.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: stranger.id!, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(foreign.status == .notFound)
                // A course the student's grade cannot take is refused with the field named.
                let info = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Право-11").first())
                let wrong = try await b.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: elkin.id!, choices: [UUID(), info.id!]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("недоступен"))
                // Under the API's own field name, each course by its rank.
                let fields = try wrong.content.decode(APITests.ErrorBody.self).fields
                #expect(Array(fields.keys) == ["choices"] && fields["choices"]?.hasPrefix("Курс № ") == true)
                // The student's own list through the API holds only their own applications.
                let list = try await b.send(.GET, "/api/v1/applications", headers: ["Authorization": "Bearer \(token)"])
                struct Page: Content {
                    struct Item: Content { var studentId: UUID }
                    var items: [Item]
                }
                #expect(try list.content.decode(Page.self).items.allSatisfy { $0.studentId == elkin.id })
                // The home school sees the child but does not submit: 403 with the reason, not the 404 of a stranger.
                let school = try await apiToken(app, "school1")
                let bySchool = try await b.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: elkin.id!, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(school)"])
                #expect(
                    bySchool.status == .forbidden
                        && bySchool.body.string.contains("подают обучающийся или его родитель"))
                let bySchoolForeign = try await b.send(
                    .POST, "/api/v1/applications",
                    json: In(campaignId: open.id!, studentId: stranger.id!, choices: [group.id!]),
                    headers: ["Authorization": "Bearer \(school)"])
                #expect(bySchoolForeign.status == (stranger.$school.id == elkin.$school.id ? .forbidden : .notFound))
                // A value of the wrong type: 400 naming the field and what it takes, nothing written.
                let before = try await CourseApplication.query(on: app.db).count()
                let json: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
                let typed = try await b.send(
                    .POST, "/api/v1/applications", headers: json,
                    raw: #"{"campaignId": 5, "studentId": "\#(elkin.id!)", "choices": []}"#)
                let typedBody = try typed.content.decode(APITests.ErrorBody.self)
                #expect(
                    typed.status == .badRequest
                        && typedBody.fields["campaignId"] == "поле «campaignId»: ожидается строка.")
                let badID = try await b.send(
                    .POST, "/api/v1/applications", headers: json,
                    raw: #"{"campaignId": "\#(open.id!)", "studentId": "\#(elkin.id!)", "#
                        + #""choices": ["\#(group.id!)", "x"]}"#)
                let badIDBody = try badID.content.decode(APITests.ErrorBody.self)
                #expect(
                    badID.status == .badRequest
                        && badIDBody.fields["choices"] == "поле «choices[1]»: неверный идентификатор (UUID).")
                let notJSON = try await b.send(.POST, "/api/v1/applications", headers: json, raw: "{campaignId")
                #expect(notJSON.status == .badRequest && notJSON.body.string.contains("не JSON"))
                #expect(try await CourseApplication.query(on: app.db).count() == before)
            }
        }
    }
}

extension AppTests.ApplicationTests {
    @Test func theKmcOpensACampaignThroughTheForm() async throws {
        try await withApp { app in
            var kmc = Browser(app)
            _ = try await kmc.login("kmc")
            let form = try await kmc.get("/campaigns/new")
            #expect(form.status == .ok && form.body.string.contains("Олимпиадная математика"))
            let program = try #require(
                try await NetworkProgram.query(on: app.db).filter(\.$title == "Химия в задачах").first())
            let year = try #require(try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
            var fields = [
                "title": "Весенняя запись", "academicYear": year.id!.uuidString.lowercased(), "opensOn": "01.03.2027",
                "opensTime": "09:00",
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
            let c = try #require(
                try await EnrollmentCampaign.query(on: app.db).filter(\.$title == "Весенняя запись").first())
            #expect(c.campaignMode == .ranked && c.maxCourses == 1)
            let zone = TimeZone(identifier: "Europe/Moscow")!
            #expect(RuDate.formatDateTime(c.closesAt, timeZone: zone) == "15.03.2027 23:59")
            #expect(try await c.$programs.query(on: app.db).all().map(\.title) == ["Химия в задачах"])
            // A school administrator reads campaigns but cannot open one.
            var school = Browser(app)
            _ = try await school.login("school1")
            #expect(try await school.get("/campaigns").status == .ok)
            #expect(try await school.get("/campaigns/new").status == .forbidden)
        }
    }
}
