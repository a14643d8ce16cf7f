import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Each role's start page (`/`): what is waiting appears with a link to where it is done, disappears once done,
    /// and never shows another organisation's records.
    @Suite struct StartPageTests {
        static let zone = TimeZone(identifier: "Europe/Moscow")!
        static var today: CivilDay { CivilDay(Date(), timeZone: zone) }

        static func path(_ url: SiteURL) -> String { url.path }

        @Test func loginLandsOnTheStartPageAndTheTeacherSeesTheWeekAndUnmarkedLessons() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.teacher1])
                let teacher = try await world.staff("Первов", at: [cast.center], user: try cast.id(of: .teacher1))
                let group = try await world.group(of: try await world.program(at: cast.center), "Математика-10")
                try await world.staffGroup(group, teacher: teacher, room: nil)
                try await world.enroll(try await world.students(at: cast.school, count: 2), in: group, fromStart: true)
                let past = try await world.lesson(of: group, on: Self.today.adding(days: -8))
                let now = try await world.lesson(of: group, on: Self.today)
                // Another teacher's past lesson at the same centre is not this teacher's to mark.
                let other = try await world.staff("Второв", at: [cast.center])
                let otherGroup = try await world.group(of: try await world.program(at: cast.center), "Физика-10")
                try await world.staffGroup(otherGroup, teacher: other, room: nil)
                let foreign = try await world.lesson(of: otherGroup, on: Self.today.adding(days: -8))

                var browser = Browser(app)
                let login = try await browser.login("teacher1", password: World.password)
                #expect(login.headers.first(name: .location) == "/")
                let page = try await browser.get("/").body.string
                let pastLink = Self.path(.lesson(try past.requireID()))
                #expect(page.contains("Прошедшие занятия не отмечены в журнале"))
                #expect(page.contains("href=\"\(pastLink)\""))
                #expect(!page.contains(Self.path(.lesson(try foreign.requireID()))))
                #expect(page.contains("Занятия этой недели"))
                #expect(page.contains("href=\"\(Self.path(.lesson(try now.requireID())))\""))
                #expect(page.contains("Сегодня, "))

                try await world.mark(past, [:])
                let after = try await browser.get("/").body.string
                #expect(!after.contains("href=\"\(pastLink)\""))
                #expect(after.contains("Сейчас ничего не ждёт"))
            }
        }

        @Test func theCoordinatorSeesProgrammesToReviewAndGroupsWithoutATeacherUntilDone() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let program = try await world.program(at: cast.center, "Робототехника", agreed: false)
                program.approval = ProgramApproval.submitted.rawValue
                try await program.save(on: app.db)
                let group = try await world.group(of: try await world.program(at: cast.center), "Без педагога")

                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get("/").body.string
                #expect(page.contains("Программы на согласовании в КМЦ"))
                #expect(page.contains("href=\"\(Self.path(.record(.programs, try program.requireID())))\""))
                #expect(page.contains("Группы без педагога"))
                #expect(page.contains("href=\"\(Self.path(.edit(.groups, try group.requireID())))\""))
                #expect(page.contains("групп в этом учебном году"))
                // No lesson yet: «Группы без расписания» (a NOT EXISTS over the group's lessons) until one is added.
                #expect(page.contains("Группы без расписания"))
                #expect(page.contains("href=\"\(Self.path(.groupTimetable(try group.requireID())))\""))

                program.approval = ProgramApproval.agreed.rawValue
                try await program.save(on: app.db)
                try await world.staffGroup(
                    group, teacher: try await world.staff("Третьев", at: [cast.center]), room: nil)
                let after = try await kmc.get("/").body.string
                #expect(!after.contains("Программы на согласовании в КМЦ"))
                #expect(!after.contains("Группы без педагога"))
                #expect(after.contains("Группы без расписания"))
                _ = try await world.lesson(of: group, on: Self.today.adding(days: 3))
                #expect(!(try await kmc.get("/").body.string).contains("Группы без расписания"))
            }
        }

        @Test func theCentreHeadSeesItsFinishedGroupWaitingForCertificatesAndNotAnotherCentres() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1])
                let otherCentre = try await world.center("Школа-центр № 9")
                let year = try await world.pastYear()
                let students = try await world.students(at: cast.school, count: 2)
                let attendance = Dictionary(uniqueKeysWithValues: students.map { ($0, [AttendanceStatus.present]) })
                let passed = Dictionary(uniqueKeysWithValues: students.map { ($0, true) })
                let finished = try await world.finishedGroup(
                    at: cast.center, "Информатика (прошлый год)", year: year, teacher: nil, attendance: attendance,
                    passed: passed)
                let foreign = try await world.finishedGroup(
                    at: otherCentre, "Чужая группа", year: year, teacher: nil,
                    attendance: [try await world.students(at: cast.school, count: 1, from: 5)[0]: [.present]],
                    passed: [:])

                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let page = try await head.get("/").body.string
                let certificates = Self.path(.record(.groups, try finished.requireID())) + "/certificates"
                #expect(page.contains("Завершённые группы без сертификатов"))
                #expect(page.contains("href=\"\(certificates)\""))
                #expect(!page.contains("Чужая группа"))
                #expect(!page.contains(try foreign.requireID().uuidString.lowercased()))

                try await world.issueCertificates(finished)
                let after = try await head.get("/").body.string
                #expect(!after.contains("href=\"\(certificates)\""))
            }
        }

        @Test func theSchoolSeesItsStudentsWithoutConsentAndUnusedInvitationsOnly() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.school1])
                let otherSchool = try await world.school("Школа № 8")
                let without = try await world.student(at: cast.school, "Безсогласиев", "Пётр", consentBy: nil)
                _ = try await world.student(at: otherSchool, "Чужаков", "Иван", consentBy: nil)
                let invited = try await world.guardian(of: try without.requireID(), "Приглашённова Анна Петровна")
                invited.inviteHash = "hash"
                invited.inviteExpiresAt = Date().addingTimeInterval(86_400)
                try await invited.save(on: app.db)

                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let page = try await school.get("/").body.string
                #expect(page.contains("Обучающиеся без согласия на обработку персональных данных"))
                #expect(page.contains("Безсогласиев Пётр"))
                #expect(page.contains("href=\"\(Self.path(.record(.students, try without.requireID())))\""))
                #expect(page.contains("Приглашения родителям не использованы"))
                #expect(page.contains("Приглашённова Анна Петровна"))
                #expect(!page.contains("Чужаков"))

                without.consentOn = Date()
                without.consentBy = "мать"
                try await without.save(on: app.db)
                let after = try await school.get("/").body.string
                #expect(!after.contains("Обучающиеся без согласия"))
            }
        }

        @Test func theGuardianSeesTheChildsWeekConsentAndCertificatesAndAPersonalMenu() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([])
                let child = try await world.student(at: cast.school, "Детков", "Миша", consentBy: nil)
                try await world.guardian(of: try child.requireID(), "Деткова Мать Ивановна", account: "mama")
                let stranger = try await world.student(at: cast.school, "Чужой", "Ребёнок")
                let group = try await world.group(of: try await world.program(at: cast.center), "Химия-10")
                try await world.staffGroup(group, teacher: nil, room: nil)
                try await world.enroll([try child.requireID(), try stranger.requireID()], in: group, fromStart: true)
                try await world.lesson(of: group, on: Self.today)

                var parent = Browser(app)
                _ = try await parent.login("mama", password: World.password)
                let page = try await parent.get("/").body.string
                #expect(page.contains("Ребёнок: Детков Миша"))
                #expect(page.contains("Согласие на обработку персональных данных не оформлено"))
                #expect(page.contains("Химия-10"))
                #expect(page.contains("Сертификатов пока нет."))
                #expect(page.contains("href=\"\(Self.path(.studentWeek(try child.requireID())))/progress\""))
                #expect(!page.contains("Чужой"))
                // The guardian's menu: what a parent uses, no registry of the network, no API keys on the profile.
                #expect(page.contains(">Мои дети</a>") && page.contains(">Главная</a>"))
                #expect(!page.contains(">Партнёры</a>") && !page.contains(">Группы</a>"))
                #expect(!(try await parent.get("/profile").body.string.contains("Ключи доступа к API")))

                child.consentOn = Date()
                child.consentBy = "мать"
                try await child.save(on: app.db)
                #expect(!(try await parent.get("/").body.string.contains("не оформлено")))
            }
        }

        @Test func theTeachersMenuHasTheJournalAndNoReferenceBooks() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.teacher1, .kmc])
                let teacher = try await world.staff("Первов", at: [cast.center], user: try cast.id(of: .teacher1))
                let group = try await world.group(of: try await world.program(at: cast.center), "Математика-10")
                try await world.staffGroup(group, teacher: teacher, room: nil)
                try await world.lesson(of: group, on: Self.today.adding(days: -8))
                let other = try await world.group(of: try await world.program(at: cast.center), "Чужая-11")
                try await world.staffGroup(
                    other, teacher: try await world.staff("Второв", at: [cast.center]), room: nil)

                var browser = Browser(app)
                _ = try await browser.login("teacher1", password: World.password)
                let page = try await browser.get("/").body.string
                #expect(page.contains(">Журнал</a>"))
                for hidden in ["Партнёры", "Состав КМЦ", "Время в пути", "Кампании записи"] {
                    #expect(!page.contains(">\(hidden)</a>"), "\(hidden)")
                }
                // «Журнал»: the teacher's own group with its unmarked lesson, not a colleague's.
                let journal = try await browser.get("/journal").body.string
                #expect(journal.contains("href=\"\(Self.path(.groupJournal(try group.requireID())))\""))
                #expect(journal.contains("1 прошедшее занятие не отмечено"))
                #expect(!journal.contains("Чужая-11"))
                // A student keeps no journal: «Журнал» is refused.
                let child = try await world.student(at: cast.school, "Ученикова", "Ася")
                try await world.studentAccount("pupil", of: try child.requireID())
                var pupil = Browser(app)
                _ = try await pupil.login("pupil", password: World.password)
                #expect(try await pupil.get("/journal").status == .forbidden)
                // The coordinator still has the whole menu and the API keys.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let menu = try await kmc.get("/").body.string
                #expect(menu.contains(">Партнёры</a>") && menu.contains(">Состав КМЦ</a>"))
                #expect(try await kmc.get("/profile").body.string.contains("Ключи доступа к API"))
            }
        }
    }
}
