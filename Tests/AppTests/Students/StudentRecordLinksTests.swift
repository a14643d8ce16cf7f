import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// A student's records linked to each other: the school's student card and a guardian's «Мои дети» lead to the
    /// child's week, progress (results and certificates) and applications; the school's «Расписание» is where its
    /// students study; the group card names the rooms of its lessons.
    @Suite struct StudentRecordLinksTests {
        /// A centre's group with weekly lessons in «Кабинет № 21», two students of «Школа № 1» and one of «Школа № 3»
        /// in it; school1 administers «Школа № 1», school3 «Школа № 3».
        struct Net {
            var world: World
            var school: UUID
            var group: StudyGroup
            var lessons: [Lesson]
            var ours: [UUID]
            var theirs: UUID
        }

        static func setUp(_ app: Application) async throws -> Net {
            let world = try await World.make(app)
            let cast = try await world.cast([.centre1, .teacher1, .school1])
            let other = try await world.school("Школа № 3")
            _ = try await world.user("school3", .schoolAdmin, at: other)
            let teacher = try await world.staff("Первов", "Тест", "Иванович", at: [cast.center])
            let group = try await world.group(of: try await world.program(at: cast.center), "Математика-10")
            try await world.staffGroup(
                group, teacher: teacher, room: try await world.room(at: cast.center, "Кабинет № 21").requireID())
            let ours = try await world.students(at: cast.school, count: 2)
            let theirs = try #require(try await world.students(at: other, count: 1, from: 5).first)
            try await world.enroll(ours + [theirs], in: group, fromStart: true)
            let lessons = try await world.weekly(group, on: .monday)
            return Net(world: world, school: cast.school, group: group, lessons: lessons, ours: ours, theirs: theirs)
        }

        static func links(_ student: UUID) -> [String] {
            let id = student.uuidString.lowercased()
            return ["/timetable/students/\(id)", "/timetable/students/\(id)/progress"]
        }

        @Test func theStudentCardLinksTheChildsRecordForItsSchoolOnly() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let student = net.ours[0]
                let id = student.uuidString.lowercased()
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // act
                let card = try await school.get("/students/\(id)")
                // check
                #expect(card.status == .ok)
                let body = card.body.string
                for link in Self.links(student) {
                    #expect(body.contains("href=\"\(link)\""))
                    #expect(try await school.get(link).status == .ok)
                }
                #expect(body.contains("/applications?student=\(id)"))
                #expect(try await school.get("/applications?student=\(id)&state=").status == .ok)
                // Another school's administrator reaches none of it.
                var stranger = Browser(app)
                _ = try await stranger.login("school3", password: World.password)
                for link in ["/students/\(id)"] + Self.links(student) {
                    #expect([.forbidden, .notFound].contains(try await stranger.get(link).status))
                }
                let name = try #require(try await Student.find(student, on: app.db)).fullName
                #expect(!(try await stranger.get("/applications?student=\(id)&state=").body.string.contains(name)))
            }
        }

        @Test func eachChildOnMyChildrenLinksTheirRecord() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                try await net.world.guardian(of: net.ours[0], account: "mother1")
                try await net.world.guardian(of: net.ours[1], "Другая Мать Тестовна", account: "mother2")
                var guardian = Browser(app)
                _ = try await guardian.login("mother1", password: World.password)
                // act
                let page = try await guardian.get("/children")
                // check
                #expect(page.status == .ok)
                for link in Self.links(net.ours[0]) {
                    #expect(page.body.string.contains("href=\"\(link)\""))
                    #expect(try await guardian.get(link).status == .ok)
                }
                #expect(page.body.string.contains("href=\"/applications\""))
                #expect(try await guardian.get("/applications").status == .ok)
                // Another child's guardian gets neither page of this child.
                var other = Browser(app)
                _ = try await other.login("mother2", password: World.password)
                #expect(!(try await other.get("/children").body.string.contains(Self.links(net.ours[0])[0])))
                for link in Self.links(net.ours[0]) {
                    #expect([.forbidden, .notFound].contains(try await other.get(link).status))
                }
            }
        }

        @Test func theSchoolsTimetableIsWhereItsStudentsStudy() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let lesson = try #require(net.lessons.first)
                let week = CivilDay(number: lesson.day).iso
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // act
                let menu = try await school.get("/timetable")
                // check
                let path = "/timetable/schools/\(net.school.uuidString.lowercased())"
                #expect(menu.status == .seeOther && menu.headers.first(name: .location) == path)
                let page = try await school.get(path + "?week=" + week)
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("Где учатся наши школьники: Школа № 1"))
                #expect(body.contains("Математика-10") && body.contains("Школа-центр № 2, Кабинет № 21"))
                #expect(body.contains(lesson.span.times) && body.contains("Учащихся школы: 2"))
                #expect(!body.contains("Учащихся школы: 1"))
                // A week with no lessons says so; another school reads none of it.
                let empty = try await school.get(path + "?week=2000-01-03").body.string
                #expect(empty.contains("На этой неделе у учащихся школы нет сетевых занятий."))
                var stranger = Browser(app)
                _ = try await stranger.login("school3", password: World.password)
                #expect(try await stranger.get(path).status == .forbidden)
            }
        }

        @Test func theGroupCardNamesTheRoomsOfItsLessons() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                // The group's own room is unset; its lessons are held in another room.
                net.group.$room.id = nil
                try await net.group.save(on: app.db)
                let center = net.group.$organization.id
                let room = try await net.world.room(at: center, "Кабинет № 7 (физика)")
                for lesson in net.lessons {
                    lesson.$room.id = try room.requireID()
                    try await lesson.save(on: app.db)
                }
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                // act
                let card = try await head.get("/groups/\(net.group.id!.uuidString.lowercased())")
                // check
                #expect(card.status == .ok)
                #expect(card.body.string.contains("<dt>Кабинет</dt><dd>Кабинет № 7 (физика)</dd>"))
            }
        }
    }
}
