import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct JournalTests {
        static let zone = TimeZone(identifier: "Europe/Moscow")!
        static var today: Int { CivilDay(Date(), timeZone: zone).number }

        /// The world of the journal's tests.
        struct Net {
            var world: World
            /// «Математика-10» of «Школа-центр № 2», taught by teacher1 (`teacher`) on Mondays 15:00–16:40.
            var group: StudyGroup
            var lessons: [Lesson]
            /// Three students of «Школа № 1» in the group since the start of the year.
            var students: [UUID]
            /// A student of the same school in no group.
            var outsider: UUID
            var teacher: StaffMember
        }

        /// A centre with one group and its weekly lessons over the year, a school with the group's students and one
        /// more, and the users centre1 (the centre's head), teacher1, school1 (the school's administrator) and metod
        /// (methodologist).
        static func setUp(_ app: Application) async throws -> Net {
            let world = try await World.make(app)
            let cast = try await world.cast([.metod, .centre1, .teacher1, .school1])
            let (center, school) = (cast.center, cast.school)
            let teacher = try await world.staff(
                "Первов", "Тест", "Иванович", at: [center], user: try cast.id(of: .teacher1))
            let group = try await world.group(of: try await world.program(at: center), "Математика-10")
            try await world.staffGroup(
                group, teacher: teacher, room: try await world.room(at: center, "Кабинет № 21").requireID())
            let students = try await world.students(at: school, count: 3)
            try await world.enroll(students, in: group, fromStart: true)
            let outsider = try #require(try await world.students(at: school, count: 1, from: 3).first)
            let lessons = try await world.weekly(group, on: .monday, at: ClockTime(minutes: 900))
            return Net(
                world: world, group: group, lessons: lessons, students: students, outsider: outsider, teacher: teacher)
        }

        /// The group's last lesson before today, or its first after today.
        static func lesson(_ net: Net, past: Bool) throws -> Lesson {
            try #require(past ? net.lessons.last { $0.day < today } : net.lessons.first { $0.day > today })
        }

        static func form(
            _ students: [UUID], topic: String = "Делимость целых чисел", hours: Int = 2, version: Int = 0,
            status: (Int) -> AttendanceStatus = { $0 == 0 ? .absent : .present }
        ) -> [String: String] {
            var fields = ["topic": topic, "hours": String(hours), "version": String(version)]
            for (i, student) in students.enumerated() {
                fields["a-" + student.uuidString.lowercased()] = status(i).rawValue
            }
            return fields
        }

        @Test func theTeacherMarksAPastLessonAndCorrectionsAreAudited() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let group = net.group
                let lesson = try Self.lesson(net, past: true)
                let students = net.students
                #expect(!students.isEmpty)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let path = "/lessons/\(lesson.id!.uuidString.lowercased())"
                let page = try await teacher.get(path)
                #expect(page.status == .ok && page.body.string.contains("Сохранить журнал"))
                // The group's journal names the past lesson not yet marked, with a link to mark it.
                let day = CivilDay(number: lesson.day).formatted
                let before = try await teacher.get("/groups/\(group.id!.uuidString.lowercased())/register").body.string
                #expect(before.contains("не отмечен") && before.contains("<a href=\"\(path)\">\(day)</a>"))
                // act
                let saved = try await teacher.post(path + "/register", Self.form(students))
                // check
                #expect(saved.status == .seeOther)
                let record = try #require(
                    try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == lesson.id!).first())
                #expect(record.topic == "Делимость целых чисел" && record.hours == 2 && record.version == 1)
                let marks = try await AttendanceMark.query(on: app.db).filter(\.$lesson.$id == lesson.id!).all()
                #expect(marks.count == students.count)
                #expect(Set(marks.map { $0.$student.id }) == Set(students))
                #expect(marks.filter { $0.status == "absent" }.map { $0.$student.id } == [students[0]])
                // A correction claims the version and keeps the before in the audit log.
                _ = try await teacher.get(path)
                #expect(
                    try await teacher.post(
                        path + "/register",
                        Self.form(students, topic: "Делимость", hours: 1, version: 1) { _ in .present }
                    ).status == .seeOther)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "lesson_record").filter(
                    \.$entityID == lesson.id!
                ).sort(\.$at).all()
                #expect(audit.map(\.action) == ["create", "update"])
                #expect(audit[1].before?.contains("Делимость целых чисел") == true)
                // A stale correction is refused and changes nothing.
                let stale = try await teacher.post(path + "/register", Self.form(students, topic: "Старое", version: 1))
                #expect(stale.status == .conflict)
                #expect(
                    try #require(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == lesson.id!).first())
                        .topic
                        == "Делимость")
                // The group's journal shows the sums.
                let journal = try await teacher.get("/groups/\(group.id!.uuidString.lowercased())/register").body.string
                #expect(journal.contains("Журнал группы «Математика-10»"))
                #expect(journal.contains("— Делимость"))
                #expect(journal.contains("Часов проведено"))
                #expect(!journal.contains(">\(day)</a>"))
            }
        }

        @Test func futureLessonsStrangersAndGapsAreRefused() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let future = try Self.lesson(net, past: false)
                let past = try Self.lesson(net, past: true)
                let students = net.students
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let futurePath = "/lessons/\(future.id!.uuidString.lowercased())"
                #expect(try await head.get(futurePath).body.string.contains("Занятие ещё не началось"))
                #expect(try await head.post(futurePath + "/register", Self.form(students)).status == .conflict)
                #expect(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == future.id!).count() == 0)
                let pastPath = "/lessons/\(past.id!.uuidString.lowercased())"
                _ = try await head.get(pastPath)
                // A student who is not in the group.
                var stranger = Self.form(students)
                stranger["a-" + net.outsider.uuidString.lowercased()] = "present"
                let refused = try await head.post(pastPath + "/register", stranger)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("нет в группе"))
                // Someone left unmarked, hours above the lesson's, no topic.
                var gap = Self.form(Array(students.dropFirst()), topic: "", hours: 3)
                gap["version"] = "0"
                let gapped = try await head.post(pastPath + "/register", gap)
                #expect(gapped.status == .unprocessableEntity)
                #expect(
                    gapped.body.string.contains("Укажите тему занятия.")
                        || gapped.body.string.contains("Заполните это поле."))
                #expect(gapped.body.string.contains("от 0 до 2 ак. ч"))
                #expect(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == past.id!).count() == 0)
                let missing = try await head.post(pastPath + "/register", Self.form(Array(students.dropFirst())))
                #expect(
                    missing.status == .unprocessableEntity
                        && missing.body.string.contains("Отметьте каждого обучающегося"))
                #expect(try await AttendanceMark.query(on: app.db).count() == 0)
                // Those who may not mark it.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(pastPath).status == .forbidden)
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                #expect(try await metod.get(pastPath).status == .ok)
                _ = try await metod.get("/profile")
                #expect(try await metod.post(pastPath + "/register", Self.form(students)).status == .forbidden)
                #expect(try await LessonRecord.query(on: app.db).count() == 0)
            }
        }

        @Test func teachersHoursPerMonthComeFromTheJournal() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let lesson = try Self.lesson(net, past: true)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get("/lessons/\(lesson.id!.uuidString.lowercased())")
                #expect(
                    try await head.post(
                        "/lessons/\(lesson.id!.uuidString.lowercased())/register", Self.form(net.students)
                    ).status == .seeOther)
                // A lesson in the journal can no longer be moved or cancelled.
                #expect(try await head.get("/lessons/\(lesson.id!.uuidString.lowercased())/edit").status == .conflict)
                #expect(try await head.get("/lessons/\(lesson.id!.uuidString.lowercased())/cancel").status == .conflict)
                let page = try await head.get("/hours").body.string
                #expect(page.contains("Часы педагогов"))
                #expect(page.contains("Первов Тест Иванович"))
                // The teacher sees their own line; a school sees none.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/hours").body.string.contains("Первов Тест Иванович"))
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let schools = try await school.get("/hours")
                #expect(schools.status == .ok && !schools.body.string.contains("Первов Тест Иванович"))
            }
        }
    }
}

extension AppTests.JournalTests {
    /// A lesson marked in the journal shows as held, without «Изменить» and «Отменить» (which it would refuse).
    @Test func aMarkedLessonIsShownAsHeldWithoutMoveOrCancel() async throws {
        try await withApp { app in
            let net = try await Self.setUp(app)
            let marked = try Self.lesson(net, past: true)
            try await net.world.mark(
                marked, Dictionary(uniqueKeysWithValues: net.students.map { ($0, .present) }), topic: "Вводное занятие")
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            let page = try await head.get("/groups/\(marked.$group.id.uuidString.lowercased())/timetable").body.string
            // The head may change the group's other lessons, not this one.
            #expect(page.contains("проведено") && page.contains("/edit\""))
            let lesson = marked
            #expect(
                !page.contains("/lessons/\(lesson.id!.uuidString.lowercased())" + "/cancel")
                    && !page.contains("/lessons/\(lesson.id!.uuidString.lowercased())" + "/edit"))
        }
    }
}
