import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct EnrollmentListTests {
        /// The world of a list: a centre «Школа-центр № 2» with the groups «Информатика-10» (14 places) and
        /// «Математика-10» (20), two schools, and the users kmc (coordinator), centre1 (the centre's head), teacher1
        /// (the centre's teacher), school1 (the administrator of «Школа № 1»).
        struct Setup {
            let world: World
            let info: StudyGroup
            let math: StudyGroup
            let school1: UUID
            let school3: UUID
        }

        static func setUp(_ app: Application) async throws -> Setup {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1, .teacher1, .school1])
            let (center, school1) = (cast.center, cast.school)
            let school3 = try await world.school("Школа № 3")
            let python = try await world.program(at: center, "Программирование на Python")
            let math = try await world.program(at: center, "Олимпиадная математика")
            return Setup(
                world: world, info: try await world.group(of: python, "Информатика-10", capacity: 14),
                math: try await world.group(of: math, "Математика-10", capacity: 20), school1: school1,
                school3: school3)
        }

        /// A КМЦ list for a group with the given students, created through the pages; its address.
        static func draft(_ app: Application, _ kmc: inout Browser, group: UUID, students: [UUID]) async throws
            -> String
        {
            _ = try await kmc.get("/groups/\(group.uuidString.lowercased())")
            let created = try await kmc.post("/groups/\(group.uuidString.lowercased())/lists", [:])
            #expect(created.status == .seeOther)
            let url = try #require(created.headers.first(name: .location))
            _ = try await kmc.get(url)
            let form =
                students.map { "student=\($0.uuidString.lowercased())" }.joined(separator: "&") + "&_csrf=\(kmc.csrf)"
            let added = try await kmc.send(
                .POST, url + "/add", headers: ["Content-Type": "application/x-www-form-urlencoded"], raw: form)
            #expect(added.status == .seeOther)
            return url
        }

        @Test func theKmcSendsAListAndTheCenterAcceptsItWhole() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                // Two seniors of each school, and a child of «Школа № 1» already in «Математика-10» with their own
                // account and a guardian's.
                let own = try await setup.world.students(at: setup.school1, count: 2)
                let others = try await setup.world.students(at: setup.school3, count: 2, from: 2)
                let students = own + others
                let child = try #require(try await setup.world.students(at: setup.school1, count: 1, from: 4).first)
                try await setup.world.enroll([child], in: setup.math)
                try await setup.world.studentAccount("student1", of: child)
                try await setup.world.guardian(of: child, "Ученикова Вера Николаевна", account: "parent1")
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let url = try await Self.draft(app, &kmc, group: try setup.info.requireID(), students: students)
                let page = try await kmc.get(url).body.string
                #expect(page.contains("В списке (4)"))
                // The centre does not see the КМЦ's draft.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get(url).status == .notFound)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                let sent = try await head.get(url)
                #expect(sent.status == .ok && sent.body.string.contains("Принять список и зачислить"))
                let before = try #require(try await StudyGroup.find(setup.info.id, on: app.db)).enrolledCount
                #expect(try await head.post(url + "/accept", [:]).status == .seeOther)
                #expect(try #require(try await StudyGroup.find(setup.info.id, on: app.db)).enrolledCount == before + 4)
                let places = try await Enrollment.query(on: app.db).filter(\.$group.$id == setup.info.id!).filter(
                    \.$student.$id ~~ students
                ).all()
                #expect(places.count == 4 && places.allSatisfy { $0.status == "enrolled" && $0.source == "list" })
                #expect(try await EnrollmentList.query(on: app.db).filter(\.$state == "accepted").count() == 1)
                // The home school sees who of its own is enrolled where, and nobody else's (a whole cell, not a
                // prefix).
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let mine = try await school.get("/enrollments?status=enrolled&per=100").body.string
                for id in students {
                    let student = try #require(try await Student.find(id, on: app.db))
                    #expect(mine.contains(">\(student.fullName)<") == own.contains(id), "\(student.fullName)")
                }
                // The same through the API: the school's two list places and its child's place in «Математика-10».
                let token = try await apiToken(app, "school1", password: World.password)
                struct Page: Content {
                    struct Item: Content {
                        var schoolId: UUID
                        var groupId: UUID
                        var source: String
                    }
                    var items: [Item]
                }
                let api = try await school.send(
                    .GET, "/api/v1/enrollments?per=100", headers: ["Authorization": "Bearer \(token)"])
                let items = try api.content.decode(Page.self).items
                #expect(items.count == 3 && items.allSatisfy { $0.schoolId == setup.school1 })
                #expect(items.filter { $0.groupId == setup.info.id && $0.source == "list" }.count == own.count)
                let kmcToken = try await apiToken(app, "kmc", password: World.password)
                let all = try await kmc.send(
                    .GET, "/api/v1/enrollments?per=100", headers: ["Authorization": "Bearer \(kmcToken)"])
                #expect(try all.content.decode(Page.self).items.count == 5)
                // A student reads their own places; a guardian their child's.
                struct Own: Content {
                    struct Item: Content { var studentId: UUID }
                    var items: [Item]
                }
                for user in ["student1", "parent1"] {
                    let token = try await apiToken(app, user, password: World.password)
                    let response = try await school.send(
                        .GET, "/api/v1/enrollments?per=100", headers: ["Authorization": "Bearer \(token)"])
                    #expect(response.status == .ok, "\(user)")
                    #expect(try response.content.decode(Own.self).items.map(\.studentId) == [child], "\(user)")
                }
                #expect(try await school.get(url).status == .notFound)
            }
        }

        @Test func aListLongerThanTheFreePlacesIsRefusedWholeNamingTheShortfall() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let school = try await setup.world.students(at: setup.school1, count: 1, from: 9)
                try await setup.world.enroll(school, in: setup.info)
                let students =
                    try await setup.world.students(at: setup.school1, count: 2)
                    + setup.world.students(at: setup.school3, count: 1, from: 2)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let group = try #require(try await StudyGroup.find(setup.info.id, on: app.db))
                group.capacity = group.enrolledCount + 2
                try await group.save(on: app.db)
                let url = try await Self.draft(app, &kmc, group: try group.requireID(), students: students)
                let refused = try await kmc.post(url + "/send", [:])
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("свободных мест 2: не хватает 1"))
                #expect(try await EnrollmentList.query(on: app.db).first()?.state == "draft")

                // Two fit and are sent; meanwhile the centre seats someone else directly; accepting then refuses whole.
                let third = students[2]
                _ = try await kmc.get(url)
                #expect(try await kmc.post(url + "/remove/\(third.uuidString.lowercased())", [:]).status == .seeOther)
                _ = try await kmc.get(url)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                _ = try await EnrollmentService.enroll(studentID: third, groupID: group.id!, app: app, req: nil)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(url)
                let late = try await head.post(url + "/accept", [:])
                #expect(late.status == .conflict && late.body.string.contains("свободных мест 1: не хватает 1"))
                let after = try #require(try await StudyGroup.find(group.id, on: app.db))
                #expect(after.enrolledCount == after.capacity - 1)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$student.$id ~~ [students[0], students[1]]
                    ).count() == 0)
                // The centre returns it with a comment; the КМЦ sees the comment and may edit it again.
                #expect(try await head.post(url + "/return", ["comment": ""]).status == .unprocessableEntity)
                _ = try await head.get(url + "/return")
                #expect(
                    try await head.post(url + "/return", ["comment": "Нет мест: увеличим группу в январе."]).status
                        == .seeOther)
                let back = try await kmc.get(url).body.string
                #expect(back.contains("Центр вернул список: «Нет мест: увеличим группу в январе.»"))
                #expect(back.contains("Добавить выбранных"))
                // Nobody but the group's centre decides.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/lists").status == .forbidden)
            }
        }

        @Test func aTransferNeedsAFreePlaceAndKeepsTheReason() async throws {
            try await withApp { app in
                let setup = try await Self.setUp(app)
                let pupils = try await setup.world.students(at: setup.school1, count: 2)
                try await setup.world.enroll([pupils[0]], in: setup.math)
                try await setup.world.enroll([pupils[1]], in: setup.info)
                let math = try #require(try await StudyGroup.find(setup.math.id, on: app.db))
                let info = try #require(try await StudyGroup.find(setup.info.id, on: app.db))
                let enrollment = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == math.id!).filter(
                        \.$student.$id == pupils[0]
                    ).first())
                #expect(enrollment.status == "enrolled")
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let url =
                    "/groups/\(math.id!.uuidString.lowercased())/withdraw/\(enrollment.id!.uuidString.lowercased())"
                let form = try await head.get(url).body.string
                #expect(form.contains("Информатика-10"))
                let today = RuDate.format(Date(), timeZone: setup.world.zone)
                // A full target group refuses the transfer; nothing changes.
                info.capacity = info.enrolledCount
                try await info.save(on: app.db)
                let full = try await head.post(
                    url,
                    [
                        "reason": "по заявлению родителя (законного представителя)", "date": today,
                        "target": info.id!.uuidString.lowercased(),
                    ])
                #expect(
                    full.status == .conflict
                        && full.body.string.contains("В выбранной группе нет свободных мест: перевод не выполнен."))
                #expect(try await Enrollment.find(enrollment.id, on: app.db)?.status == "enrolled")
                info.capacity = info.enrolledCount + 1
                try await info.save(on: app.db)
                // A child with no consent recorded is not moved to another centre's group either; nothing changes.
                let child = try #require(try await Student.find(enrollment.$student.id, on: app.db))
                let consent = (child.consentOn, child.consentBy)
                child.consentOn = nil
                child.consentBy = nil
                try await child.save(on: app.db)
                _ = try await head.get(url)
                let unconsented = try await head.post(
                    url,
                    [
                        "reason": "по заявлению родителя (законного представителя)", "date": today,
                        "target": info.id!.uuidString.lowercased(),
                    ])
                #expect(unconsented.status == .conflict && unconsented.body.string.contains("нет согласия"))
                #expect(try await Enrollment.find(enrollment.id, on: app.db)?.status == "enrolled")
                child.consentOn = consent.0
                child.consentBy = consent.1
                try await child.save(on: app.db)
                _ = try await head.get(url)
                #expect(
                    try await head.post(
                        url,
                        [
                            "reason": "по заявлению родителя (законного представителя)", "date": today,
                            "target": info.id!.uuidString.lowercased(),
                        ]
                    ).status == .seeOther)
                let old = try #require(try await Enrollment.find(enrollment.id, on: app.db))
                #expect(
                    old.status == "withdrawn"
                        && old.withdrawReason?.hasPrefix("перевод в группу «Информатика-10»") == true)
                let new = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == enrollment.$student.id).filter(
                        \.$group.$id == info.id!
                    ).first())
                #expect(new.status == "enrolled" && new.source == "transfer")
                #expect(
                    try #require(try await StudyGroup.find(math.id, on: app.db)).enrolledCount == math.enrolledCount - 1
                )
            }
        }
    }
}
