import AsyncHTTPClient
import Documents
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 23, item 1: a centre holds an event; a parent registers a child, a teacher themselves; the capacity holds,
    /// one registration per person; the organiser sees who registered and marks who came; the consolidated plan, its
    /// XLSX, the public calendar and its iCal feed show it; another municipality's event is neither read nor joined.
    @Suite struct EventTests {
        @Test func aCentreHoldsAnEventAParentRegistersAChild() async throws {
            try await withApp { app in
                // setup
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .teacher1, .school1])
                let child = try await world.student(at: cast.school, "Соколов", "Пётр")
                let sibling = try await world.student(at: cast.school, "Соколова", "Мария")
                try await world.guardian(of: child.requireID(), "Соколова Анна Ивановна", account: "mum")
                try await world.guardian(of: sibling.requireID(), "Соколова Анна Ивановна", account: "mum2")
                let today = CivilDay(Date(), timeZone: world.zone)
                var centre = Browser(app)
                _ = try await centre.login("centre1", password: World.password)
                // act: a form with mistakes, then a good one
                _ = try await centre.get("/events/new")
                var form: [String: String] = [
                    "title": "Мастер-класс «Роботы»", "kind": "master-class", "audience": "students",
                    "organization": cast.center.uuidString, "startsOn": today.adding(days: 5).formatted,
                    "endsOn": today.adding(days: 4).formatted, "startsAt": "15:00", "endsAt": "14:00",
                    "capacity": "1", "isPublic": "yes",
                ]
                let bad = try await centre.post("/events/new", form)
                #expect(bad.status == .unprocessableEntity)
                for message in [EventWords.Check.endBeforeStart, EventWords.Check.placeOrLink] {
                    #expect(bad.body.string.contains(message), "\(message)")
                }
                form["organization"] = cast.school.uuidString
                form["endsOn"] = ""
                form["endsAt"] = "17:00"
                form["place"] = "Кабинет 14"
                let otherOrg = try await centre.post("/events/new", form)
                #expect(
                    otherOrg.status == .unprocessableEntity
                        && otherOrg.body.string.contains(EventWords.Check.chooseOrganization))
                form["organization"] = cast.center.uuidString
                #expect(try await centre.post("/events/new", form).status == .seeOther)
                let event = try #require(try await Event.query(on: app.db).first())
                let path = SiteURL.eventRegistrations(try event.requireID()).path
                // A teacher may not register for a students' event; a parent registers one child, the place is taken.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let teacherPage = try await teacher.get(path)
                #expect(teacherPage.body.string.contains(EventWords.nobodyToRegister(.students)))
                #expect(try await teacher.post(path, ["who": "self"]).status == .unprocessableEntity)
                var mum = Browser(app)
                _ = try await mum.login("mum", password: World.password)
                let choices = try await mum.get(path).body.string
                #expect(choices.contains("Соколов Пётр") && !choices.contains("Соколова Мария"))
                let who = "student:" + (try child.requireID().uuidString.lowercased())
                #expect(try await mum.post(path, ["who": who]).status == .seeOther)
                let twice = try await mum.post(path, ["who": who])
                #expect(twice.status == .conflict && twice.body.string.contains(EventWords.refusal(.already)))
                // The only place is taken: the sibling's parent is refused, nothing written.
                var mum2 = Browser(app)
                _ = try await mum2.login("mum2", password: World.password)
                let siblingWho = "student:" + (try sibling.requireID().uuidString.lowercased())
                let full = try await mum2.post(path, ["who": siblingWho])
                #expect(full.status == .conflict && full.body.string.contains(EventWords.refusal(.full)))
                #expect(try await EventRegistration.query(on: app.db).count() == 1)
                #expect(try await Event.find(event.id, on: app.db)?.registeredCount == 1)
                // The organiser sees the child; another parent does not.
                #expect(try await centre.get(path).body.string.contains("Соколов Пётр"))
                #expect(!(try await mum2.get(path).body.string.contains("Соколов Пётр")))
                // Cancelled by the parent: the place is free again and the sibling gets it.
                let registration = try #require(try await EventRegistration.query(on: app.db).first())
                _ = try await mum.get(path)
                let cancel = path + "/" + (try registration.requireID().uuidString.lowercased()) + "/cancel"
                #expect(try await mum2.post(cancel).status == .notFound)
                let confirm = try await mum.get(cancel)
                #expect(confirm.status == .ok && confirm.body.string.contains(EventWords.cancelConsequence))
                #expect(try await mum.post(cancel).status == .seeOther)
                #expect(try await mum2.post(path, ["who": siblingWho]).status == .seeOther)
                #expect(try await Event.find(event.id, on: app.db)?.registeredCount == 1)
                let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "event_registration")
                    .count()
                #expect(audited == 3)
                // check: the plan, its XLSX, the calendar and iCal show it
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get("/events/plan").body.string.contains("Мастер-класс «Роботы»"))
                let xlsx = try await kmc.get("/events/plan.xlsx")
                let sheet = try XLSXReader.read(Data(buffer: xlsx.body))
                #expect(sheet.rows.contains { $0.contains("Мастер-класс «Роботы»") })
                var anyone = Browser(app)
                let calendar = try await anyone.get("/calendar")
                #expect(calendar.status == .ok && calendar.body.string.contains("Мастер-класс «Роботы»"))
                let ics = try await anyone.get("/calendar.ics").body.string
                #expect(ics.contains("SUMMARY:Мастер-класс «Роботы»") && ics.contains("STATUS:CONFIRMED"))
                // With a participant the audience stays, and the places do not drop below those taken.
                let edit = "/events/\(try event.requireID().uuidString)/edit"
                _ = try await centre.get(edit)
                var changed = form
                changed["version"] = "1"
                changed["audience"] = "teachers"
                changed["capacity"] = "0"
                let refused = try await centre.post(edit, changed)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(EventWords.Check.audienceKept))
                changed["audience"] = "students"
                changed["capacity"] = "2"
                #expect(try await centre.post(edit, changed).status == .seeOther)
                #expect(try await Event.find(event.id, on: app.db)?.capacity == 2)
                // A private event is not on the public calendar.
                _ = try await world.event(at: cast.center, "Закрытый семинар", audience: .teachers, isPublic: false)
                #expect(!(try await anyone.get("/calendar").body.string.contains("Закрытый семинар")))
                #expect(try await kmc.get("/events").body.string.contains("Закрытый семинар"))
            }
        }

        @Test func theOrganiserMarksAttendanceAndAnotherMunicipalityIsRefused() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1, .teacher1, .school1])
                let event = try await world.event(at: cast.center, audience: .teachers, offset: 1, capacity: nil)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let path = SiteURL.eventRegistrations(try event.requireID()).path
                _ = try await teacher.get(path)
                #expect(try await teacher.post(path, ["who": "self"]).status == .seeOther)
                // Attendance is marked from the first day only, by the organiser's side.
                var centre = Browser(app)
                _ = try await centre.login("centre1", password: World.password)
                _ = try await centre.get(path)
                let attendance = SiteURL.eventAttendance(try event.requireID()).path
                #expect(try await centre.post(attendance).status == .conflict)
                event.startsOn -= 1
                event.endsOn -= 1
                try await event.save(on: app.db)
                let row = try #require(try await EventRegistration.query(on: app.db).first())
                _ = try await centre.get(path)
                #expect(try await teacher.post(attendance).status == .forbidden)
                #expect(
                    try await centre.post(attendance, values: ["attended": [try row.requireID().uuidString]]).status
                        == .seeOther)
                #expect(try await EventRegistration.find(row.id, on: app.db)?.attended == true)
                // The school's administration reads the event but not who registered for another organisation's.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/events/\(try event.requireID().uuidString)").status == .ok)
                #expect(!(try await school.get(path).body.string.contains("Тестов teacher1")))
                // Another municipality's users neither read nor join it.
                let other = try await World.make(app, name: "Другой округ")
                let stranger = try await other.school("Чужая школа")
                try await other.user("alien", .schoolAdmin, at: stranger)
                var alien = Browser(app)
                _ = try await alien.login("alien", password: World.password)
                #expect(try await alien.get("/events/\(try event.requireID().uuidString)").status == .forbidden)
                #expect(try await alien.get(path).status == .forbidden)
                let token = try await directToken(app, username: "alien")
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let api = try await alien.send(
                    .POST, "/api/v1" + path, json: ["studentId": ""], headers: bearer)
                #expect(api.status == .forbidden)
                #expect(
                    try await alien.send(.GET, "/api/v1/events", headers: bearer).body.string.contains("\"total\":0"))
            }
        }

        @Test func theAPIListsAndRegisters() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1, .teacher1, .school1])
                let child = try await world.student(at: cast.school, "Соколов", "Пётр")
                try await world.guardian(of: child.requireID(), account: "mum")
                let event = try await world.event(at: cast.center, capacity: 1)
                let stranger = try await world.student(at: cast.school, "Орлова", "Ника")
                var client = Browser(app)
                let mum: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "mum"))"]
                let list = try await client.send(.GET, "/api/v1/events?when=upcoming&audience=students", headers: mum)
                #expect(list.status == .ok && list.body.string.contains("Семинар «Сетевые группы»"))
                let path = "/api/v1/events/\(try event.requireID().uuidString)/registrations"
                let notMine = try await client.send(
                    .POST, path, json: ["studentId": try stranger.requireID().uuidString], headers: mum)
                #expect(notMine.status == .forbidden)
                let made = try await client.send(
                    .POST, path, json: ["studentId": try child.requireID().uuidString], headers: mum)
                #expect(made.status == .created)
                let again = try await client.send(
                    .POST, path, json: ["studentId": try child.requireID().uuidString], headers: mum)
                #expect(again.status == .conflict)
                let teacher: HTTPHeaders = [
                    "Authorization": "Bearer \(try await directToken(app, username: "teacher1"))"
                ]
                let wrong = try await client.send(.POST, path, json: ["studentId": ""], headers: teacher)
                #expect(wrong.status == .unprocessableEntity)
                let mine = try await client.send(.GET, path, headers: mum)
                #expect(mine.body.string.contains("Соколов Пётр"))
                // Cancelled through the API: the place is free again; a second cancel finds nothing.
                let row = try #require(try await EventRegistration.query(on: app.db).first())
                let one = path + "/" + (try row.requireID().uuidString)
                #expect(try await client.send(.DELETE, one, headers: mum).status == .noContent)
                #expect(try await client.send(.DELETE, one, headers: mum).status == .notFound)
                #expect(try await Event.find(event.id, on: app.db)?.registeredCount == 0)
                #expect(
                    try await client.send(
                        .POST, path, json: ["studentId": try child.requireID().uuidString], headers: mum
                    ).status == .created)
                #expect(!(try await client.send(.GET, path, headers: teacher).body.string.contains("Соколов")))
                // An event through the API by the page's checks.
                let centre: HTTPHeaders = [
                    "Authorization": "Bearer \(try await directToken(app, username: "centre1"))"
                ]
                let bad = try await client.send(
                    .POST, "/api/v1/events", json: ["title": "Вебинар", "kind": "webinar"], headers: centre)
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("organizationId"))
                struct New: Content {
                    var title = "Вебинар «Итоги»", kind = "webinar", audience = "teachers", organizationId: String
                    var startsOn: String, link = "https://video.example/x", isPublic = false
                }
                let today = CivilDay(Date(), timeZone: world.zone)
                let created = try await client.send(
                    .POST, "/api/v1/events",
                    json: New(organizationId: cast.center.uuidString, startsOn: today.adding(days: 3).iso),
                    headers: centre)
                #expect(created.status == .created && created.body.string.contains("\"phase\":\"open\""))
            }
        }

        /// Over real HTTP: 30 teachers register for 5 places at once — exactly 5 are taken, the rest refused.
        @Test func concurrentRegistrationsNeverOverbook() async throws {
            try await withLiveApp { app, port in
                let world = try await World.make(app)
                let center = try await world.center()
                let event = try await world.event(at: center, audience: .teachers, capacity: 5)
                var tokens: [String] = []
                for index in 0..<30 {
                    try await world.user("t\(index)", .teacher, at: center)
                    tokens.append(try await directToken(app, username: "t\(index)"))
                }
                let path = "/api/v1/events/\(try event.requireID().uuidString)/registrations"
                let client = burstClient()
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for token in tokens {
                        group.addTask {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(string: "{}"))
                            return try await client.execute(request, timeout: .seconds(30)).status.code
                        }
                    }
                    var all: [UInt] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                try await client.shutdown()
                #expect(statuses.filter { $0 == 201 }.count == 5)
                #expect(statuses.filter { $0 == 409 }.count == 25)
                #expect(try await EventRegistration.query(on: app.db).count() == 5)
                #expect(try await Event.find(event.id, on: app.db)?.registeredCount == 5)
                // One teacher, the same request ten times at once: one registration.
                let other = try await world.event(at: center, "Вебинар", audience: .teachers, capacity: nil)
                let otherPath = "/api/v1/events/\(try other.requireID().uuidString)/registrations"
                let twice = try await burst(port: port, otherPath, token: tokens[0], json: "{}", times: 10)
                #expect(twice.filter { $0.0 == 201 }.count == 1 && twice.filter { $0.0 == 409 }.count == 9)
                #expect(try await Event.find(other.id, on: app.db)?.registeredCount == 1)
                // Cancelled ten times at once: once; the count is given back once.
                let row = try #require(
                    try await EventRegistration.query(on: app.db).filter(\.$event.$id == other.requireID()).first())
                let url = "http://127.0.0.1:\(port)\(otherPath)/\(try row.requireID().uuidString)"
                let token = tokens[0]
                let client2 = burstClient()
                let deletes = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<10 {
                        group.addTask {
                            var request = HTTPClientRequest(url: url)
                            request.method = .DELETE
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            return try await client2.execute(request, timeout: .seconds(30)).status.code
                        }
                    }
                    var all: [UInt] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                try await client2.shutdown()
                #expect(deletes.filter { $0 == 204 }.count == 1 && deletes.filter { $0 == 404 }.count == 9)
                #expect(try await Event.find(other.id, on: app.db)?.registeredCount == 0)
            }
        }
    }
}
