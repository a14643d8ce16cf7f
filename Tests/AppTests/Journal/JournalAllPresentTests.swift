import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.JournalTests {
    /// «Все присутствуют» without JavaScript: the lesson's page asked with `all=present` comes back with every
    /// student marked present and nothing saved; the exceptions are then changed and the journal saved.
    @Test func allPresentFillsTheFormAndSavesNothingUntilSaved() async throws {
        try await withApp { app in
            // setup
            let net = try await Self.setUp(app)
            let lesson = try Self.lesson(net, past: true)
            var teacher = Browser(app)
            _ = try await teacher.login("teacher1", password: World.password)
            let path = "/lessons/\(lesson.id!.uuidString.lowercased())"
            let plain = try await teacher.get(path).body.string
            #expect(plain.contains("Все присутствуют") && plain.contains("form=\"all-present\""))
            #expect(!plain.contains("value=\"present\" checked"))
            // act
            let filled = try await teacher.get(path + "?all=present")
            // check
            #expect(filled.status == .ok)
            let body = filled.body.string
            for student in net.students {
                #expect(body.contains("name=\"a-\(student.uuidString.lowercased())\" value=\"present\" checked"))
            }
            #expect(body.contains("пока ничего не сохранено"))
            #expect(try await AttendanceMark.query(on: app.db).filter(\.$lesson.$id == lesson.id!).count() == 0)
            #expect(try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == lesson.id!).count() == 0)
            // The exception is changed and the journal saved as usual.
            #expect(try await teacher.post(path + "/register", Self.form(net.students)).status == .seeOther)
            let absent = try await AttendanceMark.query(on: app.db).filter(\.$lesson.$id == lesson.id!)
                .filter(\.$status == AttendanceStatus.absent.rawValue).all()
            #expect(absent.map { $0.$student.id } == [net.students[0]])
        }
    }

    /// Who may only read the lesson gets no «Все присутствуют» and no marks from `all=present`.
    @Test func allPresentIsOnlyForWhoMayMark() async throws {
        try await withApp { app in
            let net = try await Self.setUp(app)
            let lesson = try Self.lesson(net, past: true)
            var methodologist = Browser(app)
            _ = try await methodologist.login("metod", password: World.password)
            let page = try await methodologist.get("/lessons/\(lesson.id!.uuidString.lowercased())?all=present")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("Все присутствуют") && !page.body.string.contains("checked"))
        }
    }

    /// A mark's spoken label agrees with the student it names (the teacher sees the full name beside it).
    @Test func marksSpeakOfEachStudentInTheirOwnGender() async throws {
        try await withApp { app in
            let net = try await Self.setUp(app)
            let lesson = try Self.lesson(net, past: true)
            let girl = try #require(try await Student.find(net.students[0], on: app.db))
            girl.sex = Sex.female.rawValue
            try await girl.save(on: app.db)
            let boy = try #require(try await Student.find(net.students[1], on: app.db))
            boy.sex = Sex.male.rawValue
            try await boy.save(on: app.db)
            var teacher = Browser(app)
            _ = try await teacher.login("teacher1", password: World.password)
            let body = try await teacher.get("/lessons/\(lesson.id!.uuidString.lowercased())").body.string
            #expect(body.contains("aria-label=\"\(girl.fullName): присутствовала\""))
            #expect(body.contains("aria-label=\"\(girl.fullName): отсутствовала без уважительной причины\""))
            #expect(body.contains("aria-label=\"\(boy.fullName): присутствовал\""))
        }
    }
}
