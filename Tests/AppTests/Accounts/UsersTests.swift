import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct UsersTests {
        /// The one-time code shown on the page after creating a user or resetting a password.
        static func code(in html: String) throws -> String {
            let start = try #require(html.range(of: "<p class=\"code\">"))
            let rest = html[start.upperBound...]
            let end = try #require(rest.range(of: "</p>"))
            return String(rest[..<end.lowerBound])
        }

        /// The ids of an accounts' world.
        struct Ids {
            var world: World
            /// «Школа № 1», where school1 is the administrator and student1 a student.
            var school: UUID
            /// «Школа № 3».
            var other: UUID
            /// «Школа-центр № 2», where centre1 is the head and teacher1 teaches.
            var center: UUID
        }

        /// A world of its own: the organisations above, and admin, kmc and metod over the municipality.
        static func setUp(_ app: Application) async throws -> Ids {
            let world = try await World.make(app)
            let cast = try await world.cast([.admin, .kmc, .metod, .centre1, .teacher1, .school1, .student1])
            let other = try await world.school("Школа № 3")
            return Ids(world: world, school: cast.school, other: other, center: cast.center)
        }

        @Test func administratorCreatesAUserWhoSetsAPasswordAtFirstLogin() async throws {
            try await withApp { app in
                let school = try await Self.setUp(app).other
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/users/new")
                let bad = try await admin.post(
                    "/users/new", ["fullName": "Лебедев Илья Маркович", "username": "kmc", "role": "school_admin"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Это имя пользователя уже занято."))
                #expect(bad.body.string.contains("Для этой роли выберите организацию."))
                #expect(try await User.query(on: app.db).filter(\.$fullName == "Лебедев Илья Маркович").count() == 0)
                let created = try await admin.post(
                    "/users/new",
                    [
                        "fullName": "Лебедев Илья Маркович", "username": "school9",
                        "role": "school_admin", "organization": school.uuidString,
                    ])
                #expect(created.status == .ok)
                let code = try Self.code(in: created.body.string)
                var user = Browser(app)
                #expect(try await user.login("school9", password: code).status == .seeOther)
                // Until a password is chosen every page leads to the password form.
                let forced = try await user.get("/organizations")
                #expect(forced.status == .seeOther)
                #expect(forced.headers.first(name: .location) == "/profile/password")
                _ = try await user.get("/profile/password")
                let changed = try await user.post(
                    "/profile/password", ["current": code, "password": "школа-девять-9", "confirm": "школа-девять-9"])
                #expect(changed.status == .seeOther)
                #expect(try await user.get("/organizations").status == .ok)
                #expect(try await user.get("/rooms").status == .ok)
                #expect(try await user.get("/audit").status == .forbidden)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "user").filter(
                    \.$action == "create"
                ).first()
                #expect(audit?.username == "admin")
            }
        }

        @Test func passwordResetEndsSessionsAndBlockingLocksOut() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let target = try #require(try await User.query(on: app.db).filter(\.$username == "metod").first())
                var metod = Browser(app)
                #expect(try await metod.login("metod", password: World.password).status == .seeOther)
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/users/\(target.id!)/reset")
                let reset = try await admin.post("/users/\(target.id!)/reset")
                let code = try Self.code(in: reset.body.string)
                #expect(try await metod.get("/organizations").status == .seeOther)
                var old = Browser(app)
                #expect(try await old.login("metod", password: World.password).status == .unauthorized)
                var fresh = Browser(app)
                #expect(try await fresh.login("metod", password: code).status == .seeOther)
                _ = try await admin.get("/users/\(target.id!)")
                #expect(try await admin.post("/users/\(target.id!)/block").status == .seeOther)
                #expect(try await fresh.get("/profile").status == .seeOther)
                var blocked = Browser(app)
                #expect(try await blocked.login("metod", password: code).status == .unauthorized)
            }
        }

        @Test func rolesAreAssignedAndRemovedWithAudit() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let target = try #require(try await User.query(on: app.db).filter(\.$username == "teacher1").first())
                let lyceum = try await ids.world.center("Лицей № 5")
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                _ = try await admin.get("/users/\(target.id!)/roles/new")
                let wrong = try await admin.post(
                    "/users/\(target.id!)/roles/new", ["role": "coordinator", "organization": lyceum.uuidString])
                #expect(wrong.status == .unprocessableEntity)
                #expect(wrong.body.string.contains("Эта роль действует на весь муниципалитет"))
                #expect(
                    try await admin.post(
                        "/users/\(target.id!)/roles/new", ["role": "center_head", "organization": lyceum.uuidString]
                    ).status == .seeOther)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/rooms/new").status == .ok)
                let assignment = try #require(
                    try await RoleAssignment.query(on: app.db).filter(\.$user.$id == target.id!).filter(
                        \.$role == "center_head"
                    ).first())
                _ = try await admin.get("/users/\(target.id!)")
                #expect(try await admin.post("/users/\(target.id!)/roles/\(assignment.id!)/remove").status == .seeOther)
                #expect(try await teacher.get("/rooms/new").status == .forbidden)
                #expect(try await RoleAssignment.query(on: app.db).filter(\.$user.$id == target.id!).count() == 1)
                // The grant and the removal (sign-ins are audited too, under other actions).
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == target.id).filter(
                        \.$action == "update"
                    )
                    .count() == 2)
            }
        }

        @Test func onlyAdministratorsAndTheOwnSchoolManageAnAccount() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let target = try #require(try await User.query(on: app.db).filter(\.$username == "teacher1").first())
                for user in ["kmc", "school1", "student1", "metod"] {
                    var browser = Browser(app)
                    #expect(try await browser.login(user, password: World.password).status == .seeOther)
                    #expect(try await browser.get("/users/\(target.id!)").status == .forbidden, "\(user)")
                    #expect(try await browser.post("/users/\(target.id!)/reset").status == .forbidden, "\(user)")
                }
                // teacher1 teaches at the centre1's centre: its head manages that account, and only such accounts.
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get("/users/\(target.id!)").status == .ok)
                let list = try await head.get("/users").body.string
                #expect(list.contains(target.fullName))
                #expect(!list.contains("Тестов kmc"))
                let kmc = try #require(try await User.query(on: app.db).filter(\.$username == "kmc").first())
                #expect(try await head.get("/users/\(kmc.id!)").status == .forbidden)
                let own = try #require(try await User.query(on: app.db).filter(\.$username == "centre1").first())
                #expect(try await head.post("/users/\(own.id!)/reset").status == .forbidden)
            }
        }

        @Test func aSchoolAdministratorCreatesTeacherAccountsForTheOwnSchoolOnly() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let own = ids.school
                let other = ids.other
                var browser = Browser(app)
                _ = try await browser.login("school1", password: World.password)
                _ = try await browser.get("/users/new")
                let coordinator = try await browser.post(
                    "/users/new", ["fullName": "Власов Роман Ильич", "username": "vlasov", "role": "coordinator"])
                #expect(coordinator.status == .unprocessableEntity)
                let elsewhere = try await browser.post(
                    "/users/new",
                    [
                        "fullName": "Власов Роман Ильич", "username": "vlasov", "role": "teacher",
                        "organization": other.uuidString,
                    ])
                #expect(elsewhere.status == .unprocessableEntity)
                #expect(try await User.query(on: app.db).filter(\.$username == "vlasov").count() == 0)
                let created = try await browser.post(
                    "/users/new",
                    [
                        "fullName": "Власов Роман Ильич", "username": "vlasov", "role": "teacher",
                        "organization": own.uuidString,
                    ])
                #expect(created.status == .ok)
                let code = try Self.code(in: created.body.string)
                var teacher = Browser(app)
                #expect(try await teacher.login("vlasov", password: code).status == .seeOther)
            }
        }
    }
}
