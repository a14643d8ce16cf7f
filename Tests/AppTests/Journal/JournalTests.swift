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

        static func lesson(_ app: Application, _ group: String, past: Bool) async throws -> (Lesson, StudyGroup) {
            let g = try await TimetableTests.group(app, group)
            let lessons = try await TimetableTests.lessons(app, g)
            let l = try #require(past ? lessons.last { $0.day < today } : lessons.first { $0.day > today })
            return (l, g)
        }

        /// Students in the group on a lesson's day (the journal lists those).
        static func students(_ app: Application, _ g: StudyGroup, on lesson: Lesson? = nil) async throws -> [UUID] {
            let end = lesson.map { CivilDay(number: $0.day).adding(days: 1).date(timeZone: zone) } ?? .distantFuture
            return try await Enrollment.query(on: app.db).filter(\.$group.$id == g.id!).filter(\.$status == "enrolled")
                .all()
                .filter { $0.createdAt < end }.map { $0.$student.id }
        }

        static func form(
            _ students: [UUID], topic: String = "Делимость целых чисел", hours: Int = 2, version: Int = 0,
            status: (Int) -> AttendanceStatus = { $0 == 0 ? .absent : .present }
        ) -> [String: String] {
            var f = ["topic": topic, "hours": String(hours), "version": String(version)]
            for (i, s) in students.enumerated() { f["a-" + s.uuidString.lowercased()] = status(i).rawValue }
            return f
        }

        @Test func theTeacherMarksAPastLessonAndCorrectionsAreAudited() async throws {
            try await withApp { app in
                let (l, g) = try await Self.lesson(app, "Математика-10", past: true)
                let students = try await Self.students(app, g, on: l)
                #expect(!students.isEmpty)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                let path = "/lessons/\(l.id!.uuidString.lowercased())"
                let page = try await teacher.get(path)
                #expect(page.status == .ok && page.body.string.contains("Сохранить журнал"))
                // The group's journal names the past lesson not yet marked, with a link to mark it.
                let day = CivilDay(number: l.day).formatted
                let before = try await teacher.get("/groups/\(g.id!.uuidString.lowercased())/register").body.string
                #expect(before.contains("не отмечен") && before.contains("<a href=\"\(path)\">\(day)</a>"))
                // act
                let saved = try await teacher.post(path + "/register", Self.form(students))
                // check
                #expect(saved.status == .seeOther)
                let record = try #require(
                    try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == l.id!).first())
                #expect(record.topic == "Делимость целых чисел" && record.hours == 2 && record.version == 1)
                let marks = try await AttendanceMark.query(on: app.db).filter(\.$lesson.$id == l.id!).all()
                #expect(marks.count == students.count)
                #expect(marks.filter { $0.status == "absent" }.count == 1)
                // A correction claims the version and keeps the before in the audit log.
                _ = try await teacher.get(path)
                #expect(
                    try await teacher.post(
                        path + "/register",
                        Self.form(students, topic: "Делимость", hours: 1, version: 1) { _ in .present }
                    ).status == .seeOther)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "lesson_record").filter(
                    \.$entityID == l.id!
                ).sort(\.$at).all()
                #expect(audit.map(\.action) == ["create", "update"])
                #expect(audit[1].before?.contains("Делимость целых чисел") == true)
                // A stale correction is refused and changes nothing.
                let stale = try await teacher.post(path + "/register", Self.form(students, topic: "Старое", version: 1))
                #expect(stale.status == .conflict)
                #expect(
                    try #require(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == l.id!).first()).topic
                        == "Делимость")
                // The group's journal shows the sums.
                let journal = try await teacher.get("/groups/\(g.id!.uuidString.lowercased())/register").body.string
                #expect(journal.contains("Журнал группы «Математика-10»"))
                #expect(journal.contains("— Делимость"))
                #expect(journal.contains("Часов проведено"))
                #expect(!journal.contains(">\(day)</a>"))
            }
        }

        @Test func futureLessonsStrangersAndGapsAreRefused() async throws {
            try await withApp { app in
                let (future, g) = try await Self.lesson(app, "Математика-10", past: false)
                let (past, _) = try await Self.lesson(app, "Математика-10", past: true)
                let students = try await Self.students(app, g, on: past)
                var head = Browser(app)
                _ = try await head.login("centre1")
                let futurePath = "/lessons/\(future.id!.uuidString.lowercased())"
                #expect(try await head.get(futurePath).body.string.contains("Занятие ещё не началось"))
                #expect(try await head.post(futurePath + "/register", Self.form(students)).status == .conflict)
                #expect(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == future.id!).count() == 0)
                let pastPath = "/lessons/\(past.id!.uuidString.lowercased())"
                _ = try await head.get(pastPath)
                // A student who is not in the group.
                let outsider = try #require(try await Student.query(on: app.db).filter(\.$id !~ students).first())
                var stranger = Self.form(students)
                stranger["a-" + outsider.id!.uuidString.lowercased()] = "present"
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
                // Those who may not mark it.
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(try await school.get(pastPath).status == .forbidden)
                var metod = Browser(app)
                _ = try await metod.login("metod")
                #expect(try await metod.get(pastPath).status == .ok)
                _ = try await metod.get("/profile")
                #expect(try await metod.post(pastPath + "/register", Self.form(students)).status == .forbidden)
            }
        }

        @Test func teachersHoursPerMonthComeFromTheJournal() async throws {
            try await withApp { app in
                let (l, g) = try await Self.lesson(app, "Математика-10", past: true)
                var head = Browser(app)
                _ = try await head.login("centre1")
                _ = try await head.get("/lessons/\(l.id!.uuidString.lowercased())")
                #expect(
                    try await head.post(
                        "/lessons/\(l.id!.uuidString.lowercased())/register",
                        Self.form(try await Self.students(app, g, on: l))
                    ).status == .seeOther)
                // A lesson in the journal can no longer be moved or cancelled.
                #expect(try await head.get("/lessons/\(l.id!.uuidString.lowercased())/edit").status == .conflict)
                #expect(try await head.get("/lessons/\(l.id!.uuidString.lowercased())/cancel").status == .conflict)
                let page = try await head.get("/hours").body.string
                #expect(page.contains("Часы педагогов"))
                #expect(page.contains("Орлов Денис Андреевич"))
                // The teacher sees their own line; a school sees none.
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1")
                #expect(try await teacher.get("/hours").body.string.contains("Орлов Денис Андреевич"))
                var school = Browser(app)
                _ = try await school.login("school1")
                #expect(!(try await school.get("/hours").body.string.contains("Орлов Денис Андреевич")))
            }
        }
    }
}

extension AppTests.JournalTests {
    /// A lesson marked in the journal shows as held, without «Изменить» and «Отменить» (which it would refuse).
    @Test func aMarkedLessonIsShownAsHeldWithoutMoveOrCancel() async throws {
        try await withApp { app in
            let gymnasium = try await orgID(app, "МБОУ «Гимназия № 2»")
            var found: Lesson?
            for r in try await LessonRecord.query(on: app.db).with(\.$lesson).all() where found == nil {
                if try await StudyGroup.find(r.lesson.$group.id, on: app.db)?.$organization.id == gymnasium {
                    found = r.lesson
                }
            }
            let marked = try #require(found, "the demo register has marked lessons of centre1's groups")
            var head = Browser(app)
            _ = try await head.login("centre1")
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
