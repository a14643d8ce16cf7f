import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 23, item 2: one teacher's page and API across organisations — groups taught year by year (as the group's
    /// teacher or by substituting), hours from the journal (a cancelled lesson counts nothing), years in the network;
    /// the professional development plan-schedule kept by those who may, read by the teacher, refused to others; the
    /// due view.
    @Suite struct TeacherTests {
        @Test func aTeachersPageCountsYearsAndHoursFromTheJournal() async throws {
            try await withApp { app in
                // setup: two past years and this one; a substitution in another teacher's group this year
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1])
                let teacher = try await world.staff("Учителева", at: [cast.school])
                let other = try await world.staff("Другова", at: [cast.center])
                let thisYear = world.yearDays.lowerBound.ymd.year
                // Two groups taught in one past year count one year; a group assigned but never taught, and one
                // whose only lesson was cancelled, count none.
                for start in [thisYear - 3, thisYear - 2, thisYear - 1] {
                    let past = try await world.pastYear(starting: start)
                    let day = CivilDay(past.startsOn, timeZone: world.zone).adding(days: 20)
                    let group = try await world.group(at: cast.center, "Группа \(start)", year: past, teacher: teacher)
                    if start == thisYear - 3 {
                        let lesson = try await world.lesson(of: group, on: day)
                        try await world.mark(lesson, [:])
                        lesson.status = LessonStatus.cancelled.rawValue
                        try await lesson.save(on: app.db)
                        continue
                    }
                    try await world.mark(try await world.lesson(of: group, on: day), [:])
                    if start == thisYear - 2 {
                        let second = try await world.group(
                            at: cast.center, "Вторая \(start)", program: "Физика", year: past, teacher: teacher)
                        try await world.mark(try await world.lesson(of: second, on: day), [:])
                    }
                }
                _ = try await world.group(
                    at: cast.center, "Без занятий", program: "Химия", year: world.year, teacher: teacher)
                let ownGroup = try await world.group(
                    at: cast.center, "Математика-9", year: world.year, teacher: teacher)
                let lessonDay = max(CivilDay(Date(), timeZone: world.zone).adding(days: -3), world.yearDays.lowerBound)
                let given = try await world.lesson(of: ownGroup, on: lessonDay, hours: 2)
                try await world.mark(given, [:])
                let cancelled = try await world.lesson(of: ownGroup, on: lessonDay.adding(days: 1), hours: 2)
                try await world.mark(cancelled, [:])
                cancelled.status = LessonStatus.cancelled.rawValue
                try await cancelled.save(on: app.db)
                let othersGroup = try await world.group(
                    at: cast.center, "Физика-10", program: "Физика", year: world.year, teacher: other)
                let substituted = try await world.lesson(of: othersGroup, on: lessonDay, hours: 3)
                substituted.$teacher.id = try teacher.requireID()
                try await substituted.save(on: app.db)
                try await world.mark(substituted, [:])
                // act
                let token = try await directToken(app, username: "kmc")
                var client = Browser(app)
                let answer = try await client.send(
                    .GET, "/api/v1/teachers/\(try teacher.requireID().uuidString)",
                    headers: ["Authorization": "Bearer \(token)"])
                // assert: three distinct years (two groups in one year count once), 2 + 3 hours this year
                #expect(answer.status == .ok)
                struct Answer: Decodable {
                    struct Group: Decodable {
                        var name: String
                        var hours: Int?
                    }
                    var yearsInNetwork: Int
                    var hoursThisYear: Int?
                    var groups: [Group]
                }
                let read = try JSONDecoder().decode(Answer.self, from: Data(answer.body.readableBytesView))
                #expect(read.yearsInNetwork == 3)
                #expect(read.hoursThisYear == 5)
                #expect(read.groups.first { $0.name == "Математика-9" }?.hours == 2)
                #expect(read.groups.first { $0.name == "Физика-10" }?.hours == 3)
                #expect(read.groups.count == 7)
                // The staff card says the same to the school that employs the teacher.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let card = try await school.get("/staff/\(try teacher.requireID().uuidString)")
                #expect(card.status == .ok)
                #expect(card.body.string.contains("Сетевая работа") && card.body.string.contains("3 года"))
                // The school may not read the centre's hours: the card shows the groups without them.
                #expect(!card.body.string.contains("Часов проведено в текущем учебном году</dt><dd>5"))
                // Another municipality's teacher is not read.
                let away = try await World.make(app, name: "Другой округ")
                let stranger = try await away.staff("Чужов", at: [try await away.school("Школа Б")])
                let foreign = try await client.send(
                    .GET, "/api/v1/teachers/\(try stranger.requireID().uuidString)",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(foreign.status == .forbidden || foreign.status == .notFound)
            }
        }

        @Test func professionalDevelopmentIsKeptByThoseWhoMayAndReadByTheTeacher() async throws {
            try await withApp { app in
                // setup
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .teacher1, .school1])
                let own = try await world.staff("Учителева", at: [cast.school], user: try cast.id(of: .teacher1))
                let centres = try await world.staff("Центрова", at: [cast.center])
                let today = CivilDay(Date(), timeZone: world.zone)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // act: a form with mistakes — another organisation's teacher, end before start, done before the end
                _ = try await school.get("/professional-development/new")
                var form: [String: String] = [
                    "teacher": try centres.requireID().uuidString, "course": "Олимпиадная информатика",
                    "provider": "Институт развития образования", "hours": "0",
                    "startsOn": today.adding(days: 10).formatted, "endsOn": today.adding(days: 5).formatted,
                    "trip": "other-region", "completed": "yes",
                ]
                let bad = try await school.post("/professional-development/new", form)
                #expect(bad.status == .unprocessableEntity)
                for message in [
                    DevelopmentWords.Check.teacherNotYours, DevelopmentWords.Check.endBeforeStart,
                    DevelopmentWords.Check.certificateRequired,
                ] {
                    #expect(bad.body.string.contains(message), "\(message)")
                }
                form["teacher"] = try own.requireID().uuidString
                form["hours"] = "72"
                form["endsOn"] = today.adding(days: 20).formatted
                form["certificate"] = "ПК-1"
                let early = try await school.post("/professional-development/new", form)
                #expect(early.body.string.contains(DevelopmentWords.Check.completedBeforeEnd))
                #expect(try await DevelopmentCourse.query(on: app.db).count() == 0)
                form["completed"] = "no"
                form["certificate"] = ""
                #expect(try await school.post("/professional-development/new", form).status == .seeOther)
                let course = try #require(try await DevelopmentCourse.query(on: app.db).first())
                #expect(course.developmentStatus(today: today) == .planned && course.trip == "other-region")
                let audited = try await AuditEntry.query(on: app.db)
                    .filter(\.$entityType == "professional_development").count()
                #expect(audited == 1)
                // The teacher reads their own course and the list shows only theirs; another's is refused.
                let theirs = try await world.course(of: try centres.requireID())
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/professional-development/\(try course.requireID())").status == .ok)
                #expect(
                    try await teacher.get("/professional-development/\(try theirs.requireID())").status == .forbidden)
                let list = try await teacher.get("/professional-development")
                #expect(list.body.string.contains("Олимпиадная информатика"))
                #expect(!list.body.string.contains("Олимпиадная подготовка"))
                #expect(try await teacher.get("/professional-development/new").status == .forbidden)
                // Their own card — the teacher's page — is theirs to read (not to change); a colleague's is not.
                let ownCard = try await teacher.get("/staff/\(try own.requireID())")
                #expect(ownCard.status == .ok && ownCard.body.string.contains("Олимпиадная информатика"))
                #expect(try await teacher.get("/staff/\(try own.requireID())/edit").status == .forbidden)
                #expect(try await teacher.get("/staff/\(try centres.requireID())").status == .forbidden)
                let bearer: HTTPHeaders = [
                    "Authorization": "Bearer \(try await directToken(app, username: "teacher1"))"
                ]
                #expect(
                    try await teacher.send(.GET, "/api/v1/teachers/\(try own.requireID())", headers: bearer).status
                        == .ok)
                // The school does not see the centre's teacher's course; the КМЦ sees both.
                #expect(
                    try await school.get("/professional-development/\(try theirs.requireID())").status == .forbidden)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let all = try await kmc.get("/professional-development?state=planned")
                #expect(all.body.string.contains("Олимпиадная информатика"))
                #expect(all.body.string.contains("Олимпиадная подготовка"))
            }
        }

        @Test func theDueViewAndTheAPI() async throws {
            try await withApp { app in
                // setup: one teacher done four years ago (due), one done last year, one with nothing but a plan
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .school1])
                let due = try await world.staff("Давнова", at: [cast.school])
                let fresh = try await world.staff("Свежова", at: [cast.school])
                let planned = try await world.staff("Планова", at: [cast.school])
                try await world.course(of: try due.requireID(), "Старый курс", offset: -1500, completed: true)
                try await world.course(of: try fresh.requireID(), "Недавний курс", offset: -300, completed: true)
                try await world.course(of: try planned.requireID(), "Будущий курс", offset: 40)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                // act
                let page = try await kmc.get("/professional-development/due").body.string
                let everyone = try await kmc.get("/professional-development/due?show=all").body.string
                // assert: due without a plan is listed; the fresh one and the planned one are not
                #expect(page.contains("Давнова") && page.contains("Старый курс"))
                #expect(!page.contains("Свежова") && !page.contains("Планова"))
                #expect(
                    everyone.contains("Свежова") && everyone.contains("Планова") && everyone.contains("Будущий курс"))
                // The API: the list filtered by state, a bad state 400, a course made with errors named by the body.
                let token = try await directToken(app, username: "kmc")
                let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                let done = try await kmc.send(.GET, "/api/v1/professional-development?state=done", headers: bearer)
                #expect(done.status == .ok && done.body.string.contains("\"total\":2"))
                #expect(
                    try await kmc.send(.GET, "/api/v1/professional-development?state=maybe", headers: bearer).status
                        == .badRequest)
                let wrong = try await kmc.send(
                    .POST, "/api/v1/professional-development", json: ["course": "Курс"], headers: bearer)
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("teacherId"))
                struct New: Content {
                    var teacherId: String
                    var course = "Наставничество"
                    var provider = "Академия"
                    var hours = 36
                    var startsOn: String
                    var trip = "within-region"
                }
                let made = try await kmc.send(
                    .POST, "/api/v1/professional-development",
                    json: New(
                        teacherId: try due.requireID().uuidString,
                        startsOn: CivilDay(Date(), timeZone: world.zone).adding(days: 30).iso), headers: bearer)
                #expect(
                    made.status == .created && made.body.string.contains("\"status\":\"planned\""),
                    "\(made.body.string)")
                let after = try await kmc.get("/professional-development/due").body.string
                #expect(!after.contains("Давнова"))
            }
        }
    }
}
