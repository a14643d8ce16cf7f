import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct EnrollmentListTests {
        /// A КМЦ list for «Информатика-10» (centre1's group) with the given students, created through the pages.
        static func draft(_ app: Application, _ kmc: inout Browser, students: [Student]) async throws -> (
            String, StudyGroup
        ) {
            let group = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Информатика-10").first())
            _ = try await kmc.get("/groups/\(group.id!.uuidString.lowercased())")
            let created = try await kmc.post("/groups/\(group.id!.uuidString.lowercased())/lists", [:])
            #expect(created.status == .seeOther)
            let url = try #require(created.headers.first(name: .location))
            _ = try await kmc.get(url)
            let form =
                students.map { "student=\($0.id!.uuidString.lowercased())" }.joined(separator: "&")
                + "&_csrf=\(kmc.csrf)"
            let added = try await kmc.send(
                .POST, url + "/add", headers: ["Content-Type": "application/x-www-form-urlencoded"], raw: form)
            #expect(added.status == .seeOther)
            return (url, group)
        }

        /// Seniors not yet in the group, from several schools.
        static func seniors(_ app: Application, count: Int, notIn group: String = "Информатика-10") async throws
            -> [Student]
        {
            let g = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == group).first())
            let taken = Set(
                try await Enrollment.query(on: app.db).filter(\.$group.$id == g.id!).all().map { $0.$student.id })
            let all = try await Student.query(on: app.db).filter(\.$grade >= 10).sort(\.$school.$id).sort(\.$sortKey)
                .all()
            var bySchool: [UUID: [Student]] = [:]
            for s in all where !taken.contains(s.id!) { bySchool[s.$school.id, default: []].append(s) }
            // Round-robin over schools, so the list mixes schools.
            var out: [Student] = []
            var i = 0
            while out.count < count {
                for (_, list) in bySchool.sorted(by: { $0.key.uuidString < $1.key.uuidString })
                where i < list.count && out.count < count { out.append(list[i]) }
                i += 1
            }
            return out
        }

        @Test func theKmcSendsAListAndTheCenterAcceptsItWhole() async throws {
            try await withApp { app in
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                let students = try await Self.seniors(app, count: 4)
                let (url, group) = try await Self.draft(app, &kmc, students: students)
                let page = try await kmc.get(url).body.string
                #expect(page.contains("В списке (4)"))
                // The centre does not see the КМЦ's draft.
                var head = Browser(app)
                _ = try await head.login("centre1")
                #expect(try await head.get(url).status == .notFound)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                let sent = try await head.get(url)
                #expect(sent.status == .ok && sent.body.string.contains("Принять список и зачислить"))
                let before = try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount
                #expect(try await head.post(url + "/accept", [:]).status == .seeOther)
                #expect(try #require(try await StudyGroup.find(group.id, on: app.db)).enrolledCount == before + 4)
                let places = try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                    \.$student.$id ~~ students.map { $0.id! }
                ).all()
                #expect(places.count == 4 && places.allSatisfy { $0.status == "enrolled" && $0.source == "list" })
                #expect(try await EnrollmentList.query(on: app.db).filter(\.$state == "accepted").count() == 1)
                // The home school sees who of its own is enrolled where, and nobody else's.
                let school1 = try await orgID(app, "МБОУ «СОШ № 1»")
                var school = Browser(app)
                _ = try await school.login("school1")
                let mine = try await school.get("/enrollments?status=enrolled&per=100").body.string
                // A whole cell, not a prefix: «Носков Лев» is also the start of «Носков Лев Андреевич». Demo names
                // repeat across
                // schools, so another school's child is checked only when no child of this school bears the name.
                let ownNames = Set(
                    try await Student.query(on: app.db).filter(\.$school.$id == school1).all().map(\.fullName))
                for s in students where s.$school.id == school1 || !ownNames.contains(s.fullName) {
                    #expect(mine.contains(">\(s.fullName)<") == (s.$school.id == school1), "\(s.fullName)")
                }
                // The same through the API.
                let token = try await apiToken(app, "school1")
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
                #expect(!items.isEmpty && items.allSatisfy { $0.schoolId == school1 })
                #expect(
                    items.contains { $0.groupId == group.id && $0.source == "list" }
                        == students.contains { $0.$school.id == school1 })
                let kmcToken = try await apiToken(app, "kmc")
                let all = try await kmc.send(
                    .GET, "/api/v1/enrollments?per=100", headers: ["Authorization": "Bearer \(kmcToken)"])
                #expect(try all.content.decode(Page.self).items.count > items.count)
                // A student reads their own places; a guardian their child's.
                struct Own: Content {
                    struct Item: Content { var studentId: UUID }
                    var items: [Item]
                }
                let student1 = try #require(try await User.query(on: app.db).filter(\.$username == "student1").first())
                let child = try #require(
                    try await Student.query(on: app.db).filter(\.$user.$id == student1.id!).first()?.id)
                for user in ["student1", "parent1"] {
                    let t = try await apiToken(app, user)
                    let r = try await school.send(
                        .GET, "/api/v1/enrollments?per=100", headers: ["Authorization": "Bearer \(t)"])
                    #expect(r.status == .ok, "\(user)")
                    let own = try r.content.decode(Own.self).items
                    #expect(!own.isEmpty && own.allSatisfy { $0.studentId == child }, "\(user)")
                }
                #expect(try await school.get(url).status == .notFound)
            }
        }

        @Test func aListLongerThanTheFreePlacesIsRefusedWholeNamingTheShortfall() async throws {
            try await withApp { app in
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                let students = try await Self.seniors(app, count: 3)
                let group = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Информатика-10").first())
                group.capacity = group.enrolledCount + 2
                try await group.save(on: app.db)
                let (url, _) = try await Self.draft(app, &kmc, students: students)
                let refused = try await kmc.post(url + "/send", [:])
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("свободных мест 2: не хватает 1"))
                #expect(try await EnrollmentList.query(on: app.db).first()?.state == "draft")

                // Two fit and are sent; meanwhile the centre seats someone else directly; accepting then refuses whole.
                let third = students[2]
                _ = try await kmc.get(url)
                #expect(
                    try await kmc.post(url + "/remove/\(third.id!.uuidString.lowercased())", [:]).status == .seeOther)
                _ = try await kmc.get(url)
                #expect(try await kmc.post(url + "/send", [:]).status == .seeOther)
                _ = try await EnrollmentService.enroll(studentID: third.id!, groupID: group.id!, app: app, req: nil)
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get(url)
                let late = try await head.post(url + "/accept", [:])
                #expect(late.status == .conflict && late.body.string.contains("свободных мест 1: не хватает 1"))
                let after = try #require(try await StudyGroup.find(group.id, on: app.db))
                #expect(after.enrolledCount == after.capacity - 1)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == group.id!).filter(
                        \.$student.$id ~~ [students[0].id!, students[1].id!]
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
                _ = try await teacher.login("teacher1")
                #expect(try await teacher.get("/lists").status == .forbidden)
            }
        }

        @Test func aTransferNeedsAFreePlaceAndKeepsTheReason() async throws {
            try await withApp { app in
                let math = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-10").first())
                let info = try #require(
                    try await StudyGroup.query(on: app.db).filter(\.$name == "Информатика-10").first())
                let e = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == math.id!).filter(
                        \.$status == "enrolled"
                    ).first())
                var head = Browser(app)
                _ = try await head.login("centre1")
                let url = "/groups/\(math.id!.uuidString.lowercased())/withdraw/\(e.id!.uuidString.lowercased())"
                let form = try await head.get(url).body.string
                #expect(form.contains("Информатика-10"))
                let zone = TimeZone(identifier: "Europe/Moscow")!
                let today = RuDate.format(Date(), timeZone: zone)
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
                #expect(try await Enrollment.find(e.id, on: app.db)?.status == "enrolled")
                info.capacity = info.enrolledCount + 1
                try await info.save(on: app.db)
                // A child with no consent recorded is not moved to another centre's group either; nothing changes.
                let child = try #require(try await Student.find(e.$student.id, on: app.db))
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
                #expect(try await Enrollment.find(e.id, on: app.db)?.status == "enrolled")
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
                let old = try #require(try await Enrollment.find(e.id, on: app.db))
                #expect(
                    old.status == "withdrawn"
                        && old.withdrawReason?.hasPrefix("перевод в группу «Информатика-10»") == true)
                let new = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$student.$id == e.$student.id).filter(
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
