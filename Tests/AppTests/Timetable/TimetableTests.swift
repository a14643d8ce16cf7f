import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct TimetableTests {
        static func group(_ app: Application, _ name: String) async throws -> StudyGroup {
            try #require(try await StudyGroup.query(on: app.db).filter(\.$name == name).first())
        }

        static func lessons(_ app: Application, _ group: StudyGroup) async throws -> [Lesson] {
            try await Lesson.query(on: app.db).filter(\.$group.$id == group.id!).sort(\.$day).all()
        }

        static func path(_ group: StudyGroup) -> String { "/groups/\(group.id!.uuidString.lowercased())/timetable" }

        /// The group's lessons from tomorrow on (past ones may be in the journal and no longer move).
        static func future(_ app: Application, _ group: StudyGroup) async throws -> [Lesson] {
            let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
            return try await lessons(app, group).filter { $0.day > today }
        }

        /// The first day of a weekday on or after the group's first lesson, not in a holiday.
        static func firstFree(_ weekday: Weekday, after day: Int, _ app: Application) async throws -> CivilDay {
            let holidays = try await HolidayPeriodRecord.query(on: app.db).all().map(\.domain)
            var candidate = CivilDay(number: day)
            while candidate.weekday != weekday || holidays.contains(where: { $0.contains(candidate) }) {
                candidate = candidate.adding(days: 1)
            }
            return candidate
        }

        /// The world of the timetable's tests.
        struct Net {
            var world: World
            var center: UUID
            /// Two groups of «Олимпиадная математика» at «Школа-центр № 2», both taught by teacher1 (`teacher`):
            /// «Математика-10» on Mondays 15:00–16:40 in «Кабинет № 21» with `student1` and three more of «Школа № 1»,
            /// «Математика-11» on Tuesdays at 15:00, without students.
            var m10: StudyGroup
            var m11: StudyGroup
            /// «Информатика-10» of the same centre, taught by `colleague` on Wednesdays in «Кабинет № 24», no students.
            var info: StudyGroup
            /// «Химия-10» of «Школа-центр № 5», taught by `stranger` on Wednesdays, no students.
            var chem: StudyGroup
            var teacher: StaffMember
            var colleague: StaffMember
            var stranger: StaffMember
            var m10Lessons: [Lesson]
            /// «Ёлочкин Тест Иванович» of «Школа № 1», grade 10, with accounts student1 and parent1 (his mother).
            var student1: UUID
            var m10Students: [UUID]
            /// A 10th-grader of «Школа № 1» in no group.
            var free: UUID
            var holidays: [HolidayPeriod]
        }

        /// A municipality with two centres and a school (busy with its own 10th and 11th grades 08:30–14:30 on
        /// weekdays), the autumn and winter holidays, the groups of `Net`, and the users kmc (coordinator), metod
        /// (methodologist), centre1 (head of «Школа-центр № 2»), teacher1, school1 (administrator of «Школа № 1»),
        /// student1 and parent1.
        static func setUp(_ app: Application) async throws -> Net {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .metod, .centre1, .teacher1, .school1])
            let (center, school, teacher1) = (cast.center, cast.school, try cast.id(of: .teacher1))
            let other = try await world.center("Школа-центр № 5")
            let year = world.yearDays
            let startYear = year.lowerBound.ymd.year
            try await world.holiday(
                "Осенние каникулы", CivilDay(year: startYear, month: 10, day: 26)!,
                CivilDay(year: startYear, month: 11, day: 3)!)
            try await world.holiday(
                "Зимние каникулы", CivilDay(year: startYear, month: 12, day: 29)!,
                CivilDay(year: startYear + 1, month: 1, day: 11)!)
            try await world.busyTime(at: school, grades: [10, 11], weekdays: [1, 2, 3, 4, 5], from: 510, to: 870)
            let teacher = try await world.staff("Первов", "Тест", "Иванович", at: [center], user: teacher1)
            let colleague = try await world.staff("Второва", "Тест", "Ивановна", at: [center])
            let stranger = try await world.staff("Третьяков", "Тест", "Иванович", at: [other])
            let math = try await world.program(at: center, "Олимпиадная математика")
            let m10 = try await world.group(of: math, "Математика-10")
            try await world.staffGroup(
                m10, teacher: teacher, room: try await world.room(at: center, "Кабинет № 21").requireID())
            let m11 = try await world.group(of: math, "Математика-11")
            try await world.staffGroup(m11, teacher: teacher, room: nil)
            let info = try await world.group(
                of: try await world.program(at: center, "Программирование"), "Информатика-10")
            try await world.staffGroup(
                info, teacher: colleague, room: try await world.room(at: center, "Кабинет № 24").requireID())
            let chem = try await world.group(of: try await world.program(at: other, "Химия"), "Химия-10")
            try await world.staffGroup(
                chem, teacher: stranger, room: try await world.room(at: other, "Лаборатория").requireID())
            let student1 = try await world.student(at: school, "Ёлочкин", "Тест", "Иванович").requireID()
            try await world.studentAccount("student1", of: student1)
            try await world.guardian(of: student1, "Тестова Мать Ивановна", account: "parent1")
            let m10Students = [student1] + (try await world.students(at: school, count: 3))
            try await world.enroll(m10Students, in: m10, fromStart: true)
            let free = try #require(try await world.students(at: school, count: 1, from: 3).first)
            let m10Lessons = try await world.weekly(m10, on: .monday, at: ClockTime(minutes: 900))
            try await world.weekly(m11, on: .tuesday, at: ClockTime(minutes: 900))
            try await world.weekly(info, on: .wednesday, at: ClockTime(minutes: 900))
            try await world.weekly(chem, on: .wednesday, at: ClockTime(minutes: 900))
            return Net(
                world: world, center: center, m10: m10, m11: m11, info: info, chem: chem, teacher: teacher,
                colleague: colleague, stranger: stranger,
                m10Lessons: m10Lessons, student1: student1, m10Students: m10Students, free: free,
                holidays: try await HolidayPeriodRecord.query(on: app.db).all().map(\.domain))
        }

        /// Days of a weekday between two days outside the holidays, counted here (what a weekly pattern must give).
        static func expectedDays(_ weekday: Weekday, _ from: CivilDay, _ to: CivilDay, _ holidays: [HolidayPeriod])
            -> [Int]
        {
            var days: [Int] = []
            var day = from
            while day <= to {
                if day.weekday == weekday && !holidays.contains(where: { $0.contains(day) }) { days.append(day.number) }
                day = day.adding(days: 1)
            }
            return days
        }

        @Test func aWeeklyTimetableSkipsHolidaysAndShowsOnTheGroupPage() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let year = net.world.yearDays
                let physics = try await net.world.group(
                    of: try await net.world.program(at: net.center, "Физика"), "Физика-10")
                try await net.world.staffGroup(physics, teacher: net.colleague, room: nil)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(Self.path(physics) + "/weekly")
                let written = try await head.post(
                    Self.path(physics) + "/weekly",
                    [
                        "weekday": "1", "start": "15:00", "hours": "2", "room": "", "from": year.lowerBound.formatted,
                        "to": year.upperBound.formatted,
                    ])
                #expect(written.status == .seeOther)
                let lessons = try await Self.lessons(app, physics)
                #expect(!net.holidays.isEmpty)
                #expect(lessons.count > 20)
                #expect(
                    lessons.map(\.day)
                        == Self.expectedDays(.monday, year.lowerBound, year.upperBound, net.holidays))
                #expect(lessons.allSatisfy { l in !net.holidays.contains { $0.contains(CivilDay(number: l.day)) } })
                #expect(Set(lessons.map { CivilDay(number: $0.day).weekday }).count == 1)
                let page = try await head.get(Self.path(net.m10))
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Расписание группы «Математика-10»"))
                #expect(page.body.string.contains("Добавить занятия по неделям"))
                // The school sees the timetable but may not change it.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let read = try await school.get(Self.path(net.m10))
                #expect(read.status == .ok && !read.body.string.contains("Добавить занятия по неделям"))
                #expect(try await school.get(Self.path(net.m10) + "/weekly").status == .forbidden)
            }
        }

        @Test func aPatternThatDoubleBooksTheTeacherIsRefusedWholeAndAFreeOneIsWritten() async throws {
            try await withApp { app in
                // setup: teacher1 teaches «Математика-10» on Mondays 15:00–16:40 and «Математика-11» on Tuesdays.
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let m11 = net.m11
                let monday = CivilDay(number: try await Self.lessons(app, m10)[0].day)
                #expect(monday.weekday == .monday)
                let before = try await Self.lessons(app, m11).count
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(Self.path(m11) + "/weekly")
                let form = [
                    "weekday": "1", "start": "16:00", "hours": "2", "room": "", "from": monday.formatted,
                    "to": monday.adding(days: 60).formatted,
                ]
                // act: Mondays at 16:00 overlap his Monday lessons
                let refused = try await head.post(Self.path(m11) + "/weekly", form)
                // check: refused with the clash named, nothing written
                #expect(refused.status == .conflict)
                #expect(
                    refused.body.string.contains(
                        "педагог Первов Тест Иванович в это время ведёт занятие группы «Математика-10»"))
                #expect(try await Self.lessons(app, m11).count == before)
                // Thursdays at 16:00 are free.
                var free = form
                free["weekday"] = "4"
                let written = try await head.post(Self.path(m11) + "/weekly", free)
                #expect(written.status == .seeOther)
                let after = try await Self.lessons(app, m11)
                let thursdays = Self.expectedDays(.thursday, monday, monday.adding(days: 60), net.holidays)
                #expect(!thursdays.isEmpty)
                #expect(after.count == before + thursdays.count)
                let written4 = after.filter { CivilDay(number: $0.day).weekday == .thursday }
                #expect(written4.map(\.day) == thursdays)
                #expect(written4.allSatisfy { $0.startMinute == 960 && $0.endMinute == 1060 })
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "timetable").all()
                #expect(audit.count == 1)
            }
        }

        @Test func roomAndStudentClashesAreRefusedAndMovesChecked() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let info = net.info
                let chem = net.chem
                let first = try await Self.future(app, m10)[0]
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                // The same room at the same time, for another group of the centre.
                _ = try await head.get(Self.path(info) + "/lesson")
                let room = try await head.post(
                    Self.path(info) + "/lesson",
                    [
                        "day": CivilDay(number: first.day).formatted, "start": "15:30", "hours": "1",
                        "room": first.$room.id!.uuidString.lowercased(),
                    ])
                #expect(room.status == .conflict)
                #expect(room.body.string.contains("занят группой «Математика-10»"))
                // A student of «Математика-10» joins «Химия-10»: a chemistry lesson at that time names the student.
                let shared = try #require(try await Student.find(net.student1, on: app.db))
                _ = try await EnrollmentService.enroll(studentID: net.student1, groupID: chem.id!, app: app, req: nil)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get(Self.path(chem) + "/lesson")
                let student = try await kmc.post(
                    Self.path(chem) + "/lesson",
                    ["day": CivilDay(number: first.day).formatted, "start": "16:00", "hours": "1", "room": ""])
                #expect(student.status == .conflict)
                #expect(
                    student.body.string.contains(
                        "обучающийся \(shared.surname) \(shared.givenName) в это время занят в группе «Математика-10»"
                    ))
                // Moving the Monday lesson by half an hour does not clash with itself.
                let lessonPath = "/lessons/\(first.id!.uuidString.lowercased())/edit"
                _ = try await head.get(lessonPath)
                let moved = try await head.post(
                    lessonPath,
                    [
                        "day": CivilDay(number: first.day).formatted, "start": "15:30", "hours": "2",
                        "room": first.$room.id!.uuidString.lowercased(),
                        "teacher": first.$teacher.id!.uuidString.lowercased(),
                        "version": String(first.version),
                    ])
                #expect(moved.status == .seeOther)
                let fresh = try #require(try await Lesson.find(first.id, on: app.db))
                #expect(fresh.startMinute == 930 && fresh.version == first.version + 1)
                // A stale form is refused.
                let stale = try await head.post(
                    lessonPath,
                    [
                        "day": CivilDay(number: first.day).formatted, "start": "15:00", "hours": "2", "room": "",
                        "teacher": "", "version": String(first.version),
                    ])
                #expect(stale.status == .conflict)
                #expect(try #require(try await Lesson.find(first.id, on: app.db)).startMinute == 930)
            }
        }

        @Test func homeSchoolBusyTimeWarnsAndNeedsConfirmation() async throws {
            try await withApp { app in
                // «Математика-10» has students of «Школа № 1», whose 10th grades are busy until 14:30 on weekdays.
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let friday = try await Self.firstFree(.friday, after: try await Self.lessons(app, m10)[0].day, app)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(Self.path(m10) + "/lesson")
                let form = ["day": friday.formatted, "start": "13:00", "hours": "1", "room": ""]
                let warned = try await head.post(Self.path(m10) + "/lesson", form)
                #expect(warned.status == .conflict)
                #expect(warned.body.string.contains("Предупреждение: "))
                #expect(warned.body.string.contains("Школа № 1"))
                #expect(warned.body.string.contains("сохранить, несмотря на предупреждения"))
                #expect(
                    try await Lesson.query(on: app.db).filter(\.$group.$id == m10.id!).filter(\.$day == friday.number)
                        .count() == 0)
                var accepted = form
                accepted["accept"] = "yes"
                #expect(try await head.post(Self.path(m10) + "/lesson", accepted).status == .seeOther)
                #expect(
                    try await Lesson.query(on: app.db).filter(\.$group.$id == m10.id!).filter(\.$day == friday.number)
                        .count() == 1)
            }
        }

        @Test func badInputIsRefusedNextToTheField() async throws {
            try await withApp { app in
                let m11 = try await Self.setUp(app).m11
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(Self.path(m11) + "/weekly")
                let res = try await head.post(
                    Self.path(m11) + "/weekly",
                    ["weekday": "9", "start": "25:00", "hours": "7", "from": "01.01.2000", "to": "31.02.2027"])
                #expect(res.status == .unprocessableEntity)
                let body = res.body.string
                #expect(body.contains("Выберите день недели."))
                #expect(body.contains("Укажите время в виде ЧЧ:ММ"))
                #expect(body.contains("Число от 1 до 4."))
                #expect(body.contains("Дата вне сроков группы"))
                #expect(
                    body.contains("Укажите дату в виде ДД.ММ.ГГГГ.") || body.contains("Такой даты нет: 31.02.2027."))
                let late = try await head.post(
                    Self.path(m11) + "/weekly", ["weekday": "4", "start": "21:00", "hours": "2", "from": "", "to": ""])
                #expect(late.body.string.contains("закончится позже 22:00"))
            }
        }

        @Test func aCancelledLessonNeedsAReasonAndShowsIt() async throws {
            try await withApp { app in
                let m10 = try await Self.setUp(app).m10
                let lesson = try await Self.future(app, m10)[1]
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let path = "/lessons/\(lesson.id!.uuidString.lowercased())/cancel"
                _ = try await head.get(path)
                #expect(
                    try await head.post(path, ["reason": "", "version": String(lesson.version)]).status
                        == .unprocessableEntity)
                #expect(
                    try await head.post(path, ["reason": "Педагог на курсах", "version": String(lesson.version)]).status
                        == .seeOther)
                #expect(try #require(try await Lesson.find(lesson.id, on: app.db)).isCancelled)
                let page = try await head.get(Self.path(m10)).body.string
                #expect(page.contains("отменено: Педагог на курсах"))
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "lesson").filter(
                        \.$entityID == lesson.id!
                    ).count() == 1)
            }
        }

        @Test func weeksAreShownOnlyToThoseWhoMaySeeThem() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let monday = CivilDay(number: try await Self.lessons(app, m10)[0].day)
                let student1 = net.student1
                let other = net.free
                let orlov = try net.teacher.requireID()
                let someoneElse = try net.stranger.requireID()
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let mine = try await teacher.get("/timetable")
                #expect(mine.headers.first(name: .location) == "/timetable/teachers/\(orlov.uuidString.lowercased())")
                let week = try await teacher.get(
                    "/timetable/teachers/\(orlov.uuidString.lowercased())?week=\(monday.iso)")
                #expect(week.status == .ok && week.body.string.contains("Математика-10"))
                #expect(
                    try await teacher.get("/timetable/teachers/\(someoneElse.uuidString.lowercased())").status
                        == .forbidden)
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                let child = try await parent.get(
                    "/timetable/students/\(student1.uuidString.lowercased())?week=\(monday.iso)")
                #expect(child.status == .ok && child.body.string.contains("Математика-10"))
                #expect(
                    try await parent.get("/timetable/students/\(other.uuidString.lowercased())").status == .forbidden)
                // Someone of another municipality sees nothing of this one.
                let foreign = try await World.make(app, name: "Соседний район")
                try await foreign.user("foreign.kmc", .coordinator)
                var stranger = Browser(app)
                _ = try await stranger.login("foreign.kmc", password: World.password)
                #expect(try await stranger.get(Self.path(m10)).status == .forbidden)
                #expect(
                    try await stranger.get("/timetable/students/\(student1.uuidString.lowercased())").status
                        == .forbidden)
                #expect(
                    try await stranger.get("/timetable/teachers/\(orlov.uuidString.lowercased())").status == .forbidden)
                _ = try await stranger.get("/profile")
                #expect(
                    try await stranger.post(
                        Self.path(m10) + "/lesson", ["day": monday.formatted, "start": "18:00", "hours": "1"]
                    ).status == .forbidden)
            }
        }

        @Test func theMonthlyScheduleIsPublicAndDownloadsAsXLSX() async throws {
            try await withApp { app in
                let m10 = try await Self.setUp(app).m10
                let first = CivilDay(number: try await Self.lessons(app, m10)[0].day)
                let month = String(first.iso.prefix(7))
                var anonymous = Browser(app)
                let page = try await anonymous.get("/schedule?month=\(month)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Расписание сети на"))
                #expect(page.body.string.contains("Математика-10"))
                #expect(page.body.string.contains(first.formatted))
                let xlsx = try await anonymous.get("/schedule.xlsx?month=\(month)")
                #expect(xlsx.status == .ok)
                let table = try XLSXReader.read(Data(buffer: xlsx.body))
                #expect(table.rows.first?.first == "Дата")
                #expect(table.rows.contains { $0.contains("Математика-10") })
            }
        }

        @Test func theAPIListsAndSchedulesWithTheSameRules() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let m11 = net.m11
                let first = try await Self.lessons(app, m10)[0]
                let head = try await apiToken(app, "centre1", password: World.password)
                var api = Browser(app)
                let list = try await api.send(
                    .GET, "/api/v1/lessons?group=\(m10.id!.uuidString)&per=5",
                    headers: ["Authorization": "Bearer \(head)"])
                #expect(list.status == .ok)
                struct Page: Decodable {
                    struct Item: Decodable {
                        var id: UUID
                        var date: String
                        var start: String
                        var end: String
                    }
                    var items: [Item]
                    var metadata: [String: Int]
                }
                let page = try list.content.decode(Page.self)
                #expect(page.items.count == 5 && page.items[0].start == "15:00" && page.items[0].end == "16:40")
                #expect(page.items.map(\.id) == net.m10Lessons.prefix(5).map(\.id))
                #expect(net.m10Lessons.count > 20)
                #expect(page.metadata["total"] == net.m10Lessons.count)
                struct In: Content {
                    var date: String
                    var start: String
                    var hours: Int
                }
                let clash = try await api.send(
                    .POST, "/api/v1/groups/\(m11.id!.uuidString)/lessons",
                    json: In(date: CivilDay(number: first.day).iso, start: "16:00", hours: 1),
                    headers: ["Authorization": "Bearer \(head)"])
                #expect(clash.status == .conflict)
                #expect(clash.body.string.contains("Первов Тест Иванович"))
                let ok = try await api.send(
                    .POST, "/api/v1/groups/\(m11.id!.uuidString)/lessons",
                    json: In(date: CivilDay(number: first.day).iso, start: "17:00", hours: 1),
                    headers: ["Authorization": "Bearer \(head)"])
                #expect(ok.status == .created)
                let bad = try await api.send(
                    .POST, "/api/v1/groups/\(m11.id!.uuidString)/lessons",
                    json: In(date: "2026-13-01", start: "17:00", hours: 1),
                    headers: ["Authorization": "Bearer \(head)"])
                #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Укажите дату"))
                // A student may not list the municipality's lessons, only their own.
                let student = try await apiToken(app, "student1", password: World.password)
                #expect(
                    try await api.send(.GET, "/api/v1/lessons", headers: ["Authorization": "Bearer \(student)"]).status
                        == .forbidden)
                #expect(
                    try await api.send(
                        .GET, "/api/v1/lessons?student=\(net.student1.uuidString)",
                        headers: ["Authorization": "Bearer \(student)"]
                    ).status == .ok)
                // A teacher of the centre (not its head) cannot schedule this group.
                let teacherToken = try await apiToken(app, "teacher1", password: World.password)
                #expect(
                    try await api.send(
                        .POST, "/api/v1/groups/\(m11.id!.uuidString)/lessons",
                        json: In(date: CivilDay(number: first.day).iso, start: "19:00", hours: 1),
                        headers: ["Authorization": "Bearer \(teacherToken)"]
                    ).status == .forbidden)
            }
        }

        @Test func enrollmentRefusesAStudentWhoseGroupsClash() async throws {
            try await withApp { app in
                // setup: «Химия-10» gets a lesson at the time of the first Monday lesson of «Математика-10»
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let chem = net.chem
                // Only lessons from today on count: a finished autumn course does not block a spring one.
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
                let first = try #require(try await Self.lessons(app, m10).first { $0.day > today })
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get(Self.path(chem) + "/lesson")
                #expect(
                    try await kmc.post(
                        Self.path(chem) + "/lesson",
                        ["day": CivilDay(number: first.day).formatted, "start": "16:00", "hours": "1"]
                    ).status == .seeOther)
                let shared = net.student1
                let before = try #require(try await StudyGroup.find(chem.id, on: app.db)).enrolledCount
                // act
                let token = try await apiToken(app, "kmc", password: World.password)
                struct In: Content { var studentId: UUID }
                var api = Browser(app)
                let res = try await api.send(
                    .POST, "/api/v1/groups/\(chem.id!.uuidString)/enrollments", json: In(studentId: shared),
                    headers: ["Authorization": "Bearer \(token)"])
                // check: refused with the other group named, nothing changed
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("timetable_clash"))
                #expect(
                    res.body.string.contains("«Математика-10», \(CivilDay(number: first.day).formatted) 15:00–16:40"))
                #expect(try #require(try await StudyGroup.find(chem.id, on: app.db)).enrolledCount == before)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == chem.id!).filter(
                        \.$student.$id == shared
                    ).count() == 0)
                // A student with no clash still gets in.
                #expect(try await Enrollment.query(on: app.db).filter(\.$student.$id == net.free).count() == 0)
                #expect(
                    try await api.send(
                        .POST, "/api/v1/groups/\(chem.id!.uuidString)/enrollments", json: In(studentId: net.free),
                        headers: ["Authorization": "Bearer \(token)"]
                    ).status == .created)
                #expect(try #require(try await StudyGroup.find(chem.id, on: app.db)).enrolledCount == before + 1)
            }
        }

        @Test func aCalendarFeedAnswersWhileItsMakerMayReadTheTimetable() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let orlov = net.teacher
                let other = net.stranger
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                let query = "kind=teacher&id=\(orlov.id!.uuidString.lowercased())"
                #expect(
                    try await teacher.get("/timetable/teachers/\(orlov.id!.uuidString.lowercased())").body.string
                        .contains("/timetable/feeds/new?" + query.replacingOccurrences(of: "&", with: "&amp;")))
                _ = try await teacher.get("/timetable/feeds/new?" + query)
                let made = try await teacher.post("/timetable/feeds?" + query)
                #expect(made.status == .ok)
                func link(_ body: String) throws -> String {
                    let range = try #require(body.range(of: "/ical/"))
                    let rest = body[range.lowerBound...]
                    return String(rest[..<(try #require(rest.range(of: ".ics"))).upperBound])
                }
                let url = try link(made.body.string)
                var anonymous = Browser(app)
                let ics = try await anonymous.get(url)
                #expect(ics.status == .ok)
                #expect(ics.headers.contentType?.subType == "calendar")
                #expect(ics.body.string.contains("BEGIN:VEVENT"))
                let unfolded = ics.body.string.replacingOccurrences(of: "\r\n ", with: "")
                #expect(unfolded.contains("SUMMARY:Олимпиадная математика (Математика-10)"))
                #expect(unfolded.contains("X-WR-CALNAME:Сетка — \(orlov.surname) \(orlov.givenName)\r\n"))
                // A new link revokes the old one; an unknown token is a 404.
                _ = try await teacher.get("/timetable/feeds/new?" + query)
                let second = try link(try await teacher.post("/timetable/feeds?" + query).body.string)
                #expect(try await anonymous.get(url).status == .notFound)
                #expect(try await anonymous.get(second).status == .ok)
                #expect(try await anonymous.get("/ical/nonsense.ics").status == .notFound)
                // Nobody makes a feed of a timetable they may not read.
                #expect(
                    try await teacher.get("/timetable/feeds/new?kind=teacher&id=\(other.id!.uuidString.lowercased())")
                        .status == .forbidden)
                // When the maker loses the right to read it, the feed stops answering.
                orlov.$user.id = nil
                try await orlov.save(on: app.db)
                #expect(try await anonymous.get(second).status == .notFound)
            }
        }

        @Test func aCenterHeadIsNotToldWhichOtherCenterAStudentAttends() async throws {
            try await withApp { app in
                // setup: a student of «Математика-10» (centre1's, Mondays at 15:00) also in «Химия-10» (another
                // centre's)
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let chem = net.chem
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
                let monday = try #require(try await Self.lessons(app, m10).first { $0.day > today })
                _ = try await EnrollmentService.enroll(studentID: net.student1, groupID: chem.id!, app: app, req: nil)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get(Self.path(chem) + "/lesson")
                // The КМЦ sees everything and is told the group.
                let told = try await kmc.post(
                    Self.path(chem) + "/lesson",
                    ["day": CivilDay(number: monday.day).formatted, "start": "15:30", "hours": "1"])
                #expect(told.status == .conflict && told.body.string.contains("«Математика-10»"))
                // centre1 scheduling its own group at a time of the chemistry lesson learns only that the student is
                // busy.
                #expect(
                    try await kmc.post(
                        Self.path(chem) + "/lesson",
                        [
                            "day": CivilDay(number: monday.day).adding(days: 1).formatted, "start": "10:00",
                            "hours": "1",
                            "accept": "yes",
                        ]
                    ).status == .seeOther)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get(Self.path(m10) + "/lesson")
                let hidden = try await head.post(
                    Self.path(m10) + "/lesson",
                    ["day": CivilDay(number: monday.day).adding(days: 1).formatted, "start": "10:00", "hours": "1"])
                #expect(hidden.status == .conflict)
                #expect(hidden.body.string.contains("в другой группе сети"))
                #expect(!hidden.body.string.contains("Химия-10"))
            }
        }

        @Test(arguments: ["1900-05", "1900-01", "2200-12", "abc", "2026-13", ""])
        func oddMonthsNeverBreakTheSchedule(month: String) async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var anonymous = Browser(app)
                #expect(try await anonymous.get("/schedule?month=\(month)").status == .ok)
                #expect(try await anonymous.get("/schedule.xlsx?month=\(month)").status == .ok)
            }
        }

        @Test(arguments: ["1900-01-01", "31.12.1899", "x"])
        func oddWeeksNeverBreakATeachersWeek(week: String) async throws {
            try await withApp { app in
                let orlov = try await Self.setUp(app).teacher
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(
                    try await teacher.get("/timetable/teachers/\(orlov.id!.uuidString.lowercased())?week=\(week)")
                        .status == .ok)
            }
        }

        @Test func theTimetableFollowsTheGroupsTeacherAndDates() async throws {
            try await withApp { app in
                let net = try await Self.setUp(app)
                let m10 = net.m10
                let zone = TimeZone(identifier: "Europe/Moscow")!
                let today = CivilDay(Date(), timeZone: zone).number
                let other = net.colleague
                #expect(net.m10Lessons.contains { $0.day < today } && net.m10Lessons.contains { $0.day >= today })
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let edit = "/groups/\(m10.id!.uuidString.lowercased())/edit"
                _ = try await head.get(edit)
                var form = [
                    "program": m10.$program.id.uuidString.lowercased(), "name": m10.name,
                    "capacity": String(m10.capacity),
                    "plannedHours": String(m10.plannedHours), "teacher": other.id!.uuidString.lowercased(), "room": "",
                    "startsOn": RuDate.format(m10.startsOn!, timeZone: zone),
                    "endsOn": RuDate.format(m10.endsOn!, timeZone: zone),
                    "open": "yes", "version": String(m10.version),
                ]
                #expect(try await head.post(edit, form).status == .seeOther)
                let lessons = try await Self.lessons(app, m10)
                #expect(lessons.filter { $0.day >= today }.allSatisfy { $0.$teacher.id == other.id })
                #expect(lessons.filter { $0.day < today }.allSatisfy { $0.$teacher.id == net.teacher.id })
                // Dates that would leave lessons outside are refused next to the field.
                _ = try await head.get(edit)
                form["version"] = String(m10.version + 1)
                let startYear = CivilDay(m10.startsOn!, timeZone: zone).ymd.year
                form["endsOn"] = try #require(CivilDay(year: startYear, month: 12, day: 30)).formatted
                let narrowed = try await head.post(edit, form)
                #expect(narrowed.status == .unprocessableEntity)
                #expect(narrowed.body.string.contains("У группы есть занятия вне этих сроков"))
                #expect(try #require(try await StudyGroup.find(m10.id, on: app.db)).endsOn == m10.endsOn)
            }
        }

        @Test func feedsAreListedAndRevokedByTheirMaker() async throws {
            try await withApp { app in
                let me = try await Self.setUp(app).student1
                var parent = Browser(app)
                _ = try await parent.login("parent1", password: World.password)
                let query = "kind=student&id=\(me.uuidString.lowercased())"
                _ = try await parent.get("/timetable/feeds/new?" + query)
                let body = try await parent.post("/timetable/feeds?" + query).body.string
                let range = try #require(body.range(of: "/ical/"))
                let url = String(body[range.lowerBound...].prefix { $0 != "<" })
                var anonymous = Browser(app)
                let ics = try await anonymous.get(url).body.string.replacingOccurrences(of: "\r\n ", with: "")
                // The calendar is named for the child, its events for the course and the group.
                #expect(ics.contains("X-WR-CALNAME:Сетка — Ёлочкин Тест\r\n"))
                #expect(ics.contains("SUMMARY:Олимпиадная математика (Математика-10)\r\n"))
                let list = try await parent.get("/timetable/feeds")
                #expect(list.body.string.contains("Ёлочкин Тест Иванович"))
                let feed = try #require(try await CalendarFeed.query(on: app.db).filter(\.$revokedAt == nil).first())
                #expect(
                    try await parent.post("/timetable/feeds/\(feed.id!.uuidString.lowercased())/revoke").status
                        == .seeOther)
                #expect(try await anonymous.get(url).status == .notFound)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "calendar_feed").count() == 2)
                // Nobody revokes someone else's feed.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(
                    try await teacher.post("/timetable/feeds/\(feed.id!.uuidString.lowercased())/revoke").status
                        == .notFound)
            }
        }
    }
}
