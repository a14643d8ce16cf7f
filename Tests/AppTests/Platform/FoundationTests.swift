import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct FoundationTests {
        /// A municipality with a resource centre «Школа-центр № 2» and its users: kmc (coordinator), metod
        /// (methodologist), admin (authority administrator) and teacher1 (a teacher of the centre).
        static func setUp(_ app: Application) async throws -> (world: World, center: UUID) {
            let world = try await World.make(app)
            let center = try await world.center("Школа-центр № 2")
            try await world.user("kmc", .coordinator)
            try await world.user("metod", .methodologist)
            try await world.user("admin", .authorityAdmin)
            try await world.user("teacher1", .teacher, at: center)
            return (world, center)
        }

        @Test func healthAnswersWhenTheDatabaseAnswers() async throws {
            try await withApp { app in
                var browser = Browser(app)
                let res = try await browser.get("/health")
                #expect(res.status == .ok)
            }
        }

        @Test func pagesCarrySecurityHeaders() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                let res = try await browser.get("/")
                #expect(res.status == .ok)
                let csp = try #require(res.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                // A 404 gets them too, and is a Russian page.
                let missing = try await browser.get("/no-such-page")
                #expect(missing.status == .notFound)
                #expect(missing.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(missing.body.string.contains("Страница не найдена"))
            }
        }

        @Test func publicPageShowsCentersAndContacts() async throws {
            try await withApp { app in
                let (world, center) = try await Self.setUp(app)
                try await world.teach(["математика"], at: center)
                let school = try await world.school("Школа № 1")
                try await world.phone("+7 (900) 000-00-11", of: school)
                var browser = Browser(app)
                let html = try await browser.get("/").body.string
                #expect(html.contains("Ресурсные центры"))
                #expect(html.contains("Школа-центр № 2"))
                #expect(html.contains("математика"))
                #expect(html.contains("+7 (900) 000-00-11"))
            }
        }

        @Test func loginSetsAnHttpOnlySessionAndRotatesIt() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                _ = try await browser.get("/login")
                browser.cookies[CookieName.session] = "planted-by-attacker"
                let res = try await browser.post("/login", ["username": "kmc", "password": World.password])
                #expect(res.status == .seeOther)
                let cookie = try #require(res.headers.setCookie?[CookieName.session])
                #expect(cookie.isHTTPOnly)
                #expect(cookie.sameSite == .lax)
                #expect(cookie.string != "planted-by-attacker")
                let profile = try await browser.get("/profile")
                #expect(profile.body.string.contains("Тестов kmc"))
                // The database keeps only the hash of the session id.
                let stored = try await UserSession.query(on: app.db).all()
                #expect(stored.count == 1)
                #expect(stored[0].tokenHash != cookie.string)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "login").count()
                #expect(audit == 1)
            }
        }

        @Test func wrongPasswordIsRefusedInRussianAndAudited() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                let res = try await browser.login("kmc", password: "wrong-password")
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("Неверное имя пользователя или пароль."))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "login_failed").count() == 1)
                #expect(try await UserSession.query(on: app.db).count() == 0)
            }
        }

        /// In-process requests have no peer address: all of them come from one unknown address, so the ten failures
        /// refuse kmc from it (other addresses: `LoginThrottleTests`).
        @Test func tenFailuresRefuseThatAccountFromThatAddressOnly() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                app.setkaConfig.loginThrottle.firstDelay = 0.01
                app.setkaConfig.loginThrottle.maxDelay = 0.02
                var browser = Browser(app)
                for _ in 0..<10 { _ = try await browser.login("kmc", password: "wrong-password") }
                let blocked = try await browser.login("kmc", password: World.password)
                #expect(blocked.status == .tooManyRequests)
                #expect(blocked.body.string.contains("Слишком много неудачных попыток"))
                var other = Browser(app)
                #expect(try await other.login("metod", password: World.password).status == .seeOther)
                // The token endpoint shares the throttle.
                struct Body: Content {
                    var username: String
                    var password: String
                }
                var anonymous = Browser(app)
                let api = try await anonymous.send(
                    .POST, "/api/v1/auth/token", json: Body(username: "kmc", password: World.password))
                #expect(api.status == .tooManyRequests)
            }
        }

        @Test func formsWithoutTheCsrfTokenAreRefused() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                #expect(try await browser.login("kmc", password: World.password).status == .seeOther)
                let before = try await Organization.query(on: app.db).count()
                let res = try await browser.post(
                    "/organizations/new",
                    ["_csrf": "forged", "kind": "school", "fullName": "Школа", "shortName": "Школа"])
                #expect(res.status == .forbidden)
                #expect(try await Organization.query(on: app.db).count() == before)
                // Login itself needs the token too.
                var fresh = Browser(app)
                let login = try await fresh.send(
                    .POST, "/login", form: ["username": "kmc", "password": World.password])
                #expect(login.status == .forbidden)
            }
        }

        @Test func logoutEndsTheSessionAndGetChangesNothing() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                #expect(try await browser.login("kmc", password: World.password).status == .seeOther)
                let session = try #require(browser.cookies[CookieName.session])
                let viaGet = try await browser.get("/logout")
                #expect(viaGet.status == .notFound || viaGet.status == .methodNotAllowed)
                #expect(try await UserSession.query(on: app.db).count() == 1)
                _ = try await browser.post("/logout")
                #expect(try await UserSession.query(on: app.db).count() == 0)
                var replay = Browser(app)
                replay.cookies[CookieName.session] = session
                let res = try await replay.get("/organizations")
                #expect(res.status == .seeOther)
            }
        }

        @Test func idleSessionsExpire() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                #expect(try await browser.login("kmc", password: World.password).status == .seeOther)
                let session = try #require(try await UserSession.query(on: app.db).first())
                session.lastSeenAt = Date().addingTimeInterval(-3 * 3600)
                try await session.save(on: app.db)
                #expect(try await browser.get("/organizations").status == .seeOther)
                #expect(try await UserSession.query(on: app.db).count() == 0)
            }
        }

        @Test func passwordChangeChecksTheCurrentOne() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                #expect(try await browser.login("teacher1", password: World.password).status == .seeOther)
                _ = try await browser.get("/profile/password")
                let bad = try await browser.post(
                    "/profile/password",
                    ["current": "nope", "password": "новый-пароль-123", "confirm": "новый-пароль-123"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Текущий пароль указан неверно."))
                let ok = try await browser.post(
                    "/profile/password",
                    ["current": World.password, "password": "новый-пароль-123", "confirm": "новый-пароль-123"])
                #expect(ok.status == .seeOther)
                var fresh = Browser(app)
                #expect(try await fresh.login("teacher1", password: "новый-пароль-123").status == .seeOther)
            }
        }

        /// student1 studies in «Математика-10» of «Олимпиадная математика», which teacher1 teaches; parent1 is a
        /// guardian.
        @Test func profilesShowOwnCoursesOrAnHonestEmptyState() async throws {
            try await withApp { app in
                let (world, center) = try await Self.setUp(app)
                let school = try await world.school("Школа № 1")
                let group = try await world.group(of: try await world.program(at: center), "Математика-10")
                let student1 = try await world.students(at: school, count: 1)[0]
                try await world.studentAccount("student1", of: student1)
                try await world.enroll([student1], in: group)
                let teacher1 = try #require(try await User.query(on: app.db).filter(\.$username == "teacher1").first())
                try await world.staffGroup(
                    group, teacher: try await world.staff("Орлова", at: [center], user: teacher1.id), room: nil)
                try await world.user("parent1", .guardian, at: school)
                var student = Browser(app)
                #expect(try await student.login("student1", password: World.password).status == .seeOther)
                let mine = try await student.get("/profile").body.string
                #expect(mine.contains("Мои сетевые курсы"))
                #expect(mine.contains("Олимпиадная математика"))
                #expect(try await student.get("/organizations").status == .forbidden)
                var teacher = Browser(app)
                #expect(try await teacher.login("teacher1", password: World.password).status == .seeOther)
                let groups = try await teacher.get("/profile").body.string
                #expect(groups.contains("Мои группы"))
                #expect(groups.contains("Математика-10"))
                var parent = Browser(app)
                #expect(try await parent.login("parent1", password: World.password).status == .seeOther)
                let parentProfile = try await parent.get("/profile").body.string
                #expect(parentProfile.contains("в разделе «Мои дети»"))
                #expect(parentProfile.contains("href=\"/children\""))
                #expect(try await parent.get("/organizations").status == .forbidden)
            }
        }

        @Test func migrationsRevertAndApplyAgain() async throws {
            try await withApp { app in
                try await app.autoRevert()
                try await app.autoMigrate()
                #expect(try await Organization.query(on: app.db).count() == 0)
            }
        }
    }
}

extension AppTests.FoundationTests {
    @Test func anEmptyDatabaseAsksForTheFirstAdministratorWithTheSetupCode() async throws {
        try await withApp { app in
            app.setupToken = "setup-code-123"
            var browser = Browser(app)
            let login = try await browser.get("/login")
            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == "/setup")
            _ = try await browser.get("/setup")
            let form = [
                "municipality": "Городской округ Тестовый", "authority": "Управление образования",
                "fullName": "Проверкина Анна Львовна",
                "username": "chief", "password": "надёжный-пароль-1",
            ]
            var wrong = form
            wrong["token"] = "guess"
            let refused = try await browser.post("/setup", wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Неверный код установки"))
            #expect(try await User.query(on: app.db).count() == 0)
            var right = form
            right["token"] = "setup-code-123"
            #expect(try await browser.post("/setup", right).status == .seeOther)
            #expect(try await browser.get("/users").status == .ok)
            #expect(try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).count() == 1)
            // The page is gone once someone exists, and the code cannot be used twice.
            var again = Browser(app)
            #expect(try await again.get("/setup").status == .seeOther)
            #expect(app.setupToken == nil)
        }
    }
}

extension AppTests.FoundationTests {
    @Test func theAuditLogFiltersByKindUserAndDate() async throws {
        try await withApp { app in
            _ = try await Self.setUp(app)
            var kmc = Browser(app)
            #expect(try await kmc.login("kmc", password: World.password).status == .seeOther)
            _ = try await kmc.get("/subjects/new")
            _ = try await kmc.post("/subjects/new", ["name": "астрономия"])
            var admin = Browser(app)
            #expect(try await admin.login("admin", password: World.password).status == .seeOther)
            let subjects = try await admin.get("/audit?entity=subject").body.string
            #expect(subjects.contains("астрономия"))
            #expect(!subjects.contains("Вход"))
            #expect(try await admin.get("/audit?q=kmc").body.string.contains("астрономия"))
            let future = try await admin.get("/audit?from=01.01.2100").body.string
            #expect(future.contains("Найдено 0 записей"))
            #expect(try await kmc.get("/audit").status == .forbidden)
        }
    }
}

extension AppTests.FoundationTests {
    @Test func theAdministratorSetsTheMunicipalityTimeZone() async throws {
        try await withApp { app in
            _ = try await Self.setUp(app)
            var kmc = Browser(app)
            #expect(try await kmc.login("kmc", password: World.password).status == .seeOther)
            #expect(try await kmc.get("/municipality").status == .forbidden)
            var admin = Browser(app)
            #expect(try await admin.login("admin", password: World.password).status == .seeOther)
            _ = try await admin.get("/municipality")
            let bad = try await admin.post(
                "/municipality",
                ["name": "Тестовый", "timeZone": "Mars/Olympus", "series": "с-к", "minAttendance": "120"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Выберите часовой пояс из списка."))
            #expect(bad.body.string.contains("Серия — от 1 до 6 заглавных букв или цифр"))
            #expect(bad.body.string.contains("Число от 0 до 100."))
            #expect(
                try await admin.post(
                    "/municipality",
                    [
                        "name": "Городской округ Тестовый", "timeZone": "Asia/Chita", "series": "ПК",
                        "minAttendance": "80",
                    ]
                ).status == .seeOther)
            let municipality = try await Municipality.query(on: app.db).first()
            #expect(municipality?.name == "Городской округ Тестовый")
            #expect(
                municipality?.timeZone == "Asia/Chita" && municipality?.certificateSeries == "ПК"
                    && municipality?.certificateMinAttendance == 80)
        }
    }

    @Test func theFirstVisitOfAnEmptyInstallationGoesToSetup() async throws {
        try await withApp { app in
            app.setupToken = "code"
            var browser = Browser(app)
            let res = try await browser.get("/")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/setup")
        }
    }
}
