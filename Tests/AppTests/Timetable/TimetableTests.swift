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

        static func lessons(_ app: Application, _ g: StudyGroup) async throws -> [Lesson] {
            try await Lesson.query(on: app.db).filter(\.$group.$id == g.id!).sort(\.$day).all()
        }

        static func path(_ g: StudyGroup) -> String { "/groups/\(g.id!.uuidString.lowercased())/timetable" }

        /// The group's lessons from tomorrow on (past ones are in the demo journal and no longer move).
        static func future(_ app: Application, _ g: StudyGroup) async throws -> [Lesson] {
            let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
            return try await lessons(app, g).filter { $0.day > today }
        }

        /// The first day of a weekday on or after the group's first lesson, not in a holiday.
        static func firstFree(_ weekday: Weekday, after day: Int, _ app: Application) async throws -> CivilDay {
            let holidays = try await HolidayPeriodRecord.query(on: app.db).all().map(\.domain)
            var d = CivilDay(number: day)
            while d.weekday != weekday || holidays.contains(where: { $0.contains(d) }) { d = d.adding(days: 1) }
            return d
        }

        @Test func theDemoTimetableSkipsHolidaysAndShowsOnTheGroupPage() async throws {
            try await withApp { app in
                let g = try await Self.group(app, "Математика-10")
                let lessons = try await Self.lessons(app, g)
                let holidays = try await HolidayPeriodRecord.query(on: app.db).all().map(\.domain)
                #expect(lessons.count > 20)
                #expect(!holidays.isEmpty)
                #expect(lessons.allSatisfy { l in !holidays.contains { $0.contains(CivilDay(number: l.day)) } })
                #expect(Set(lessons.map { CivilDay(number: $0.day).weekday }).count == 1)
                var head = Browser(app)
                _ = try await head.login("centre1")
                let page = try await head.get(Self.path(g))
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Расписание группы «Математика-10»"))
                #expect(page.body.string.contains("Добавить занятия по неделям"))
                // The school sees the timetable but may not change it.
                var school = Browser(app)
                _ = try await school.login("school1")
                let read = try await school.get(Self.path(g))
                #expect(read.status == .ok && !read.body.string.contains("Добавить занятия по неделям"))
                #expect(try await school.get(Self.path(g) + "/weekly").status == .forbidden)
            }
        }

        @Test func aPatternThatDoubleBooksTheTeacherIsRefusedWholeAndAFreeOneIsWritten() async throws {
            try await withApp { app in
                // setup: Орлов teaches «Математика-10» on Mondays 15:00–16:40 and «Математика-11» on Tuesdays.
                let m10 = try await Self.group(app, "Математика-10")
                let m11 = try await Self.group(app, "Математика-11")
                let monday = CivilDay(number: try await Self.lessons(app, m10)[0].day)
                #expect(monday.weekday == .monday)
                let before = try await Self.lessons(app, m11).count
                var head = Browser(app)
                _ = try await head.login("centre1")
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
                        "педагог Орлов Денис Андреевич в это время ведёт занятие группы «Математика-10»"))
                #expect(try await Self.lessons(app, m11).count == before)
                // Thursdays at 16:00 are free.
                var free = form
                free["weekday"] = "4"
                let written = try await head.post(Self.path(m11) + "/weekly", free)
                #expect(written.status == .seeOther)
                let after = try await Self.lessons(app, m11)
                #expect(after.count > before)
                #expect(
                    after.filter { CivilDay(number: $0.day).weekday == .thursday }.allSatisfy {
                        $0.startMinute == 960 && $0.endMinute == 1060
                    })
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "timetable").all()
                #expect(audit.count == 1)
            }
        }

        @Test func roomAndStudentClashesAreRefusedAndMovesChecked() async throws {
            try await withApp { app in
                let m10 = try await Self.group(app, "Математика-10")
                let info = try await Self.group(app, "Информатика-10")
                let chem = try await Self.group(app, "Химия-10")
                let first = try await Self.future(app, m10)[0]
                var head = Browser(app)
                _ = try await head.login("centre1")
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
                let shared = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == m10.id!).filter(
                        \.$status == "enrolled"
                    ).with(\.$student).first())
                _ = try await EnrollmentService.enroll(
                    studentID: shared.$student.id, groupID: chem.id!, app: app, req: nil)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                _ = try await kmc.get(Self.path(chem) + "/lesson")
                let student = try await kmc.post(
                    Self.path(chem) + "/lesson",
                    ["day": CivilDay(number: first.day).formatted, "start": "16:00", "hours": "1", "room": ""])
                #expect(student.status == .conflict)
                #expect(
                    student.body.string.contains(
                        "обучающийся \(shared.student.surname) \(shared.student.givenName) в это время занят в группе "
                            + "«Математика-10»"
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
                // «Математика-10» has student1 of СОШ № 1, whose 10th grades are busy until 14:30 on weekdays.
                let m10 = try await Self.group(app, "Математика-10")
                let friday = try await Self.firstFree(.friday, after: try await Self.lessons(app, m10)[0].day, app)
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get(Self.path(m10) + "/lesson")
                let form = ["day": friday.formatted, "start": "13:00", "hours": "1", "room": ""]
                let warned = try await head.post(Self.path(m10) + "/lesson", form)
                #expect(warned.status == .conflict)
                #expect(warned.body.string.contains("Предупреждение: "))
                #expect(warned.body.string.contains("МБОУ «СОШ № 1»"))
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
                let m11 = try await Self.group(app, "Математика-11")
                var head = Browser(app)
                _ = try await head.login("centre1")
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
                let m10 = try await Self.group(app, "Математика-10")
                let l = try await Self.future(app, m10)[1]
                var head = Browser(app)
                _ = try await head.login("centre1")
                let path = "/lessons/\(l.id!.uuidString.lowercased())/cancel"
                _ = try await head.get(path)
                #expect(
                    try await head.post(path, ["reason": "", "version": String(l.version)]).status
                        == .unprocessableEntity)
                #expect(
                    try await head.post(path, ["reason": "Педагог на курсах", "version": String(l.version)]).status
                        == .seeOther)
                #expect(try #require(try await Lesson.find(l.id, on: app.db)).isCancelled)
                let page = try await head.get(Self.path(m10)).body.string
                #expect(page.contains("отменено: Педагог на курсах"))
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "lesson").filter(
                        \.$entityID == l.id!
                    ).count() == 1)
            }
        }

        @Test func weeksAreShownOnlyToThoseWhoMaySeeThem() async throws {
            try await withApp { app in
                let m10 = try await Self.group(app, "Математика-10")
                let monday = CivilDay(number: try await Self.lessons(app, m10)[0].day)
                let student1 = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                let other = try #require(try await Student.query(on: app.db).filter(\.$id != student1.id!).first())
                let orlov = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Орлов").first())
                let someoneElse = try #require(
                    try await StaffMember.query(on: app.db).filter(\.$surname == "Ёжиков").first())
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                let mine = try await teacher.get("/timetable")
                #expect(
                    mine.headers.first(name: .location) == "/timetable/teachers/\(orlov.id!.uuidString.lowercased())")
                let week = try await teacher.get(
                    "/timetable/teachers/\(orlov.id!.uuidString.lowercased())?week=\(monday.iso)")
                #expect(week.status == .ok && week.body.string.contains("Математика-10"))
                #expect(
                    try await teacher.get("/timetable/teachers/\(someoneElse.id!.uuidString.lowercased())").status
                        == .forbidden)
                var parent = Browser(app)
                _ = try await parent.login("parent1")
                let child = try await parent.get(
                    "/timetable/students/\(student1.id!.uuidString.lowercased())?week=\(monday.iso)")
                #expect(child.status == .ok && child.body.string.contains("Математика-10"))
                #expect(
                    try await parent.get("/timetable/students/\(other.id!.uuidString.lowercased())").status
                        == .forbidden)
                // Someone of another municipality sees nothing of this one.
                let foreignMuni = Municipality(name: "Соседний район")
                try await foreignMuni.create(on: app.db)
                let foreigner = User(
                    username: "foreign.kmc", fullName: "Чужой Координатор",
                    passwordHash: try Bcrypt.hash(DemoData.password, cost: 4))
                try await foreigner.create(on: app.db)
                try await RoleAssignment(
                    userID: foreigner.id!, role: "coordinator", municipalityID: foreignMuni.id!, organizationID: nil
                ).create(on: app.db)
                var stranger = Browser(app)
                _ = try await stranger.login("foreign.kmc")
                #expect(try await stranger.get(Self.path(m10)).status == .forbidden)
                #expect(
                    try await stranger.get("/timetable/students/\(student1.id!.uuidString.lowercased())").status
                        == .forbidden)
                #expect(
                    try await stranger.get("/timetable/teachers/\(orlov.id!.uuidString.lowercased())").status
                        == .forbidden)
                _ = try await stranger.get("/profile")
                #expect(
                    try await stranger.post(
                        Self.path(m10) + "/lesson", ["day": monday.formatted, "start": "18:00", "hours": "1"]
                    ).status == .forbidden)
            }
        }

        @Test func theMonthlyScheduleIsPublicAndDownloadsAsXLSX() async throws {
            try await withApp { app in
                let m10 = try await Self.group(app, "Математика-10")
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
                let m10 = try await Self.group(app, "Математика-10")
                let m11 = try await Self.group(app, "Математика-11")
                let first = try await Self.lessons(app, m10)[0]
                let head = try await apiToken(app, "centre1")
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
                #expect((page.metadata["total"] ?? 0) > 20)
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
                #expect(clash.body.string.contains("Орлов Денис Андреевич"))
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
                let student = try await apiToken(app, "student1")
                #expect(
                    try await api.send(.GET, "/api/v1/lessons", headers: ["Authorization": "Bearer \(student)"]).status
                        == .forbidden)
                let me = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                #expect(
                    try await api.send(
                        .GET, "/api/v1/lessons?student=\(me.id!.uuidString)",
                        headers: ["Authorization": "Bearer \(student)"]
                    ).status == .ok)
                // Another centre's head cannot schedule this group.
                let teacherToken = try await apiToken(app, "teacher1")
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
                let m10 = try await Self.group(app, "Математика-10")
                let chem = try await Self.group(app, "Химия-10")
                // Only lessons from today on count: a finished autumn course does not block a spring one.
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
                let first = try #require(try await Self.lessons(app, m10).first { $0.day > today })
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
                _ = try await kmc.get(Self.path(chem) + "/lesson")
                #expect(
                    try await kmc.post(
                        Self.path(chem) + "/lesson",
                        ["day": CivilDay(number: first.day).formatted, "start": "16:00", "hours": "1"]
                    ).status == .seeOther)
                let shared = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == m10.id!).filter(
                        \.$status == "enrolled"
                    ).first())
                let before = try #require(try await StudyGroup.find(chem.id, on: app.db)).enrolledCount
                // act
                let token = try await apiToken(app, "kmc")
                struct In: Content { var studentId: UUID }
                var api = Browser(app)
                let res = try await api.send(
                    .POST, "/api/v1/groups/\(chem.id!.uuidString)/enrollments", json: In(studentId: shared.$student.id),
                    headers: ["Authorization": "Bearer \(token)"])
                // check: refused with the other group named, nothing changed
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("timetable_clash"))
                #expect(
                    res.body.string.contains("«Математика-10», \(CivilDay(number: first.day).formatted) 15:00–16:40"))
                #expect(try #require(try await StudyGroup.find(chem.id, on: app.db)).enrolledCount == before)
                #expect(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == chem.id!).filter(
                        \.$student.$id == shared.$student.id
                    ).count() == 0)
                // A student with no clash still gets in.
                let placed = Set(try await Enrollment.query(on: app.db).all().map { $0.$student.id })
                let free = try #require(
                    try await Student.query(on: app.db).filter(\.$grade == 10).all().first { !placed.contains($0.id!) })
                #expect(
                    try await api.send(
                        .POST, "/api/v1/groups/\(chem.id!.uuidString)/enrollments", json: In(studentId: free.id!),
                        headers: ["Authorization": "Bearer \(token)"]
                    ).status == .created)
            }
        }

        @Test func aCalendarFeedAnswersWhileItsMakerMayReadTheTimetable() async throws {
            try await withApp { app in
                let orlov = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Орлов").first())
                let other = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Ёжиков").first())
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                let q = "kind=teacher&id=\(orlov.id!.uuidString.lowercased())"
                #expect(
                    try await teacher.get("/timetable/teachers/\(orlov.id!.uuidString.lowercased())").body.string
                        .contains("/timetable/feeds/new?" + q.replacingOccurrences(of: "&", with: "&amp;")))
                _ = try await teacher.get("/timetable/feeds/new?" + q)
                let made = try await teacher.post("/timetable/feeds?" + q)
                #expect(made.status == .ok)
                func link(_ body: String) throws -> String {
                    let r = try #require(body.range(of: "/ical/"))
                    let rest = body[r.lowerBound...]
                    return String(rest[..<(try #require(rest.range(of: ".ics"))).upperBound])
                }
                let url = try link(made.body.string)
                var anonymous = Browser(app)
                let ics = try await anonymous.get(url)
                #expect(ics.status == .ok)
                #expect(ics.headers.contentType?.subType == "calendar")
                #expect(ics.body.string.contains("BEGIN:VEVENT"))
                #expect(
                    ics.body.string.replacingOccurrences(of: "\r\n ", with: "").contains(
                        "SUMMARY:Математика-10 — Олимпиадная математика"))
                // A new link revokes the old one; an unknown token is a 404.
                _ = try await teacher.get("/timetable/feeds/new?" + q)
                let second = try link(try await teacher.post("/timetable/feeds?" + q).body.string)
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
                // setup: a student of «Математика-10» (centre1's) also in «Химия-10» (Лицей № 5), which meets on a
                // Monday at 15:00
                let m10 = try await Self.group(app, "Математика-10")
                let chem = try await Self.group(app, "Химия-10")
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
                let monday = try #require(try await Self.lessons(app, m10).first { $0.day > today })
                let shared = try #require(
                    try await Enrollment.query(on: app.db).filter(\.$group.$id == m10.id!).filter(
                        \.$status == "enrolled"
                    ).first())
                _ = try await EnrollmentService.enroll(
                    studentID: shared.$student.id, groupID: chem.id!, app: app, req: nil)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc")
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
                _ = try await head.login("centre1")
                _ = try await head.get(Self.path(m10) + "/lesson")
                let hidden = try await head.post(
                    Self.path(m10) + "/lesson",
                    ["day": CivilDay(number: monday.day).adding(days: 1).formatted, "start": "10:00", "hours": "1"])
                #expect(hidden.status == .conflict)
                #expect(hidden.body.string.contains("в другой группе сети"))
                #expect(!hidden.body.string.contains("Химия-10"))
            }
        }

        @Test func oddMonthsAndWeeksNeverBreakThePages() async throws {
            try await withApp { app in
                var anonymous = Browser(app)
                for month in ["1900-05", "1900-01", "2200-12", "abc", "2026-13", ""] {
                    #expect(try await anonymous.get("/schedule?month=\(month)").status == .ok)
                    #expect(try await anonymous.get("/schedule.xlsx?month=\(month)").status == .ok)
                }
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                let orlov = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Орлов").first())
                for week in ["1900-01-01", "31.12.1899", "x"] {
                    #expect(
                        try await teacher.get("/timetable/teachers/\(orlov.id!.uuidString.lowercased())?week=\(week)")
                            .status == .ok)
                }
            }
        }

        @Test func theTimetableFollowsTheGroupsTeacherAndDates() async throws {
            try await withApp { app in
                let m10 = try await Self.group(app, "Математика-10")
                let zone = TimeZone(identifier: "Europe/Moscow")!
                let today = CivilDay(Date(), timeZone: zone).number
                let other = try #require(try await StaffMember.query(on: app.db).filter(\.$surname == "Гусева").first())
                var head = Browser(app)
                _ = try await head.login("centre1")
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
                #expect(lessons.filter { $0.day < today }.allSatisfy { $0.$teacher.id != other.id })
                // Dates that would leave lessons outside are refused next to the field.
                _ = try await head.get(edit)
                form["version"] = String(m10.version + 1)
                form["endsOn"] = "30.12.2026"
                let narrowed = try await head.post(edit, form)
                #expect(narrowed.status == .unprocessableEntity)
                #expect(narrowed.body.string.contains("У группы есть занятия вне этих сроков"))
                #expect(try #require(try await StudyGroup.find(m10.id, on: app.db)).endsOn == m10.endsOn)
            }
        }

        @Test func feedsAreListedAndRevokedByTheirMaker() async throws {
            try await withApp { app in
                let me = try #require(try await Student.query(on: app.db).filter(\.$surname == "Ёлкин").first())
                var parent = Browser(app)
                _ = try await parent.login("parent1")
                let q = "kind=student&id=\(me.id!.uuidString.lowercased())"
                _ = try await parent.get("/timetable/feeds/new?" + q)
                let body = try await parent.post("/timetable/feeds?" + q).body.string
                let r = try #require(body.range(of: "/ical/"))
                let url = String(body[r.lowerBound...].prefix { $0 != "<" })
                var anonymous = Browser(app)
                let ics = try await anonymous.get(url).body.string
                // The calendar's name carries the child's initials, not the name.
                #expect(ics.contains("X-WR-CALNAME:Сетка: Ё. А.И."))
                let list = try await parent.get("/timetable/feeds")
                #expect(list.body.string.contains("Ёлкин Артём Ильич"))
                let feed = try #require(try await CalendarFeed.query(on: app.db).filter(\.$revokedAt == nil).first())
                #expect(
                    try await parent.post("/timetable/feeds/\(feed.id!.uuidString.lowercased())/revoke").status
                        == .seeOther)
                #expect(try await anonymous.get(url).status == .notFound)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "calendar_feed").count() == 2)
                // Nobody revokes someone else's feed.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                #expect(
                    try await teacher.post("/timetable/feeds/\(feed.id!.uuidString.lowercased())/revoke").status
                        == .notFound)
            }
        }
    }
}
