import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct APITests {
        struct ErrorBody: Content {
            var error: String
            var reason: String
            var fields: [String: String]
        }
        struct OrgPage: Content {
            struct Item: Content {
                var id: UUID
                var shortName: String
                var kind: String
            }
            struct Meta: Content {
                var page: Int
                var per: Int
                var total: Int
            }
            var items: [Item]
            var metadata: Meta
        }

        @Test func withoutCredentialsTheAPIAnswers401InTheErrorFormat() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.school()
                var browser = Browser(app)
                let res = try await browser.get("/api/v1/organizations")
                #expect(res.status == .unauthorized)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error == "unauthorized")
                #expect(body.reason == "Нужно войти в систему.")
                let bad = try await browser.send(
                    .GET, "/api/v1/organizations", headers: ["Authorization": "Bearer nonsense"])
                #expect(bad.status == .unauthorized)
            }
        }

        /// Eleven schools among other organisations: the second page of five holds five schools.
        @Test func tokensListOrganizationsPaged() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                for number in 1...11 { _ = try await world.school("Школа № \(number)") }
                _ = try await world.organization(.coordinationCenter, "КМЦ")
                _ = try await world.organization(.college, "Колледж № 1")
                try await world.user("kmc", .coordinator)
                let token = try await apiToken(app, "kmc", password: World.password)
                var browser = Browser(app)
                let res = try await browser.send(
                    .GET, "/api/v1/organizations?per=5&page=2&kind=school",
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(res.status == .ok)
                let page = try res.content.decode(OrgPage.self)
                #expect(page.metadata.total == 11)
                #expect(page.metadata.page == 2)
                #expect(page.metadata.per == 5)
                #expect(page.items.count == 5)
                #expect(page.items.allSatisfy { $0.kind == "school" })
                let one = try await browser.send(
                    .GET, "/api/v1/organizations/\(page.items[0].id)", headers: ["Authorization": "Bearer \(token)"])
                #expect(one.status == .ok)
                let missing = try await browser.send(
                    .GET, "/api/v1/organizations/\(UUID())", headers: ["Authorization": "Bearer \(token)"])
                #expect(missing.status == .notFound)
                #expect(try missing.content.decode(ErrorBody.self).reason == "Организация не найдена.")
                let malformed = try await browser.send(
                    .GET, "/api/v1/organizations/not-an-id", headers: ["Authorization": "Bearer \(token)"])
                #expect(malformed.status == .notFound)
            }
        }

        @Test func revokedAndExpiredTokensStopWorking() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                try await world.user("kmc", .coordinator)
                let token = try await apiToken(app, "kmc", password: World.password)
                let stored = try #require(try await ApiToken.query(on: app.db).first())
                #expect(stored.tokenHash != token)
                stored.revokedAt = Date()
                try await stored.save(on: app.db)
                var browser = Browser(app)
                #expect(
                    try await browser.send(.GET, "/api/v1/organizations", headers: ["Authorization": "Bearer \(token)"])
                        .status == .unauthorized)
                let second = try await apiToken(app, "kmc", password: World.password)
                let s2 = try #require(try await ApiToken.query(on: app.db).filter(\.$revokedAt == nil).first())
                s2.expiresAt = Date().addingTimeInterval(-1)
                try await s2.save(on: app.db)
                #expect(
                    try await browser.send(
                        .GET, "/api/v1/organizations", headers: ["Authorization": "Bearer \(second)"]
                    )
                    .status == .unauthorized)
            }
        }

        @Test func studentsAndGuardiansCannotReadTheRegistry() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let school = try await world.school()
                try await world.studentAccount("student1", of: try await world.students(at: school, count: 1)[0])
                try await world.user("parent1", .guardian, at: school)
                for user in ["student1", "parent1"] {
                    let token = try await apiToken(app, user, password: World.password)
                    var browser = Browser(app)
                    let res = try await browser.send(
                        .GET, "/api/v1/organizations", headers: ["Authorization": "Bearer \(token)"])
                    #expect(res.status == .forbidden)
                    #expect(try res.content.decode(ErrorBody.self).error == "forbidden")
                }
            }
        }

        @Test func sessionCallsThatChangeStateNeedTheCsrfHeader() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                try await world.user("kmc", .coordinator)
                var browser = Browser(app)
                #expect(try await browser.login("kmc", password: World.password).status == .seeOther)
                let res = try await browser.send(
                    .POST, "/api/v1/auth/token", form: ["username": "kmc", "password": World.password])
                #expect(res.status == .forbidden)
                #expect(try res.content.decode(ErrorBody.self).error == "csrf")
            }
        }

        @Test func badTokenRequestsGetFieldErrors() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                try await world.user("kmc", .coordinator)
                struct Body: Content { var username: String }
                var browser = Browser(app)
                let res = try await browser.send(.POST, "/api/v1/auth/token", json: Body(username: "kmc"))
                #expect(res.status == .unprocessableEntity)
                #expect(try res.content.decode(ErrorBody.self).fields["password"] == "Заполните это поле.")
                #expect(try await ApiToken.query(on: app.db).count() == 0)
            }
        }
    }
}

extension AppTests.APITests {
    struct Page<T: Content>: Content {
        struct Meta: Content {
            var page: Int
            var per: Int
            var total: Int
        }
        var items: [T]
        var metadata: Meta
    }
    struct Center: Content {
        var id: UUID
        var organizationName: String
        var academicYear: String
        var subjects: [String]
    }
    struct Agreement: Content {
        var id: UUID
        var partyAName: String
        var partyBName: String
        var state: String
        var expiresSoon: Bool
    }
    struct Staff: Content {
        var id: UUID
        var surname: String
        var organizationIds: [UUID]
    }
    struct RoomItem: Content {
        var id: UUID
        var name: String
        var capacity: Int
    }

    /// Two centres and two schools with their own rooms, staff and agreements: the КМЦ sees the municipality's, a
    /// school only its own, a teacher and a student none.
    @Test func registryListsAreScopedAndPaged() async throws {
        try await withApp { app in
            let world = try await World.make(app)
            let center = try await world.center("Школа-центр № 2")
            let otherCenter = try await world.center("Школа-центр № 5")
            let school1 = try await world.school("Школа № 1")
            let school4 = try await world.school("Школа № 4")
            let university = try await world.organization(.university, "Филиал университета")
            try await world.teach(["математика", "физика", "информатика"], at: center)
            try await world.teach(["химия"], at: otherCenter)
            _ = try await world.room(at: center, "Кабинет № 21")
            _ = try await world.room(at: center, "Кабинет № 24")
            _ = try await world.room(at: school1, "Кабинет № 5")
            let year = world.year
            try await world.agreement(.schoolCenter, school1, center, number: "СВ-12")
            try await world.agreement(.schoolCenter, school4, otherCenter, number: "СВ-13")
            try await world.agreement(
                .centerPartner, center, university, number: "П-3", ends: Date().addingTimeInterval(20 * 86_400))
            _ = try await world.staff("Учителева", at: [school1])
            _ = try await world.staff("Совместителева", at: [otherCenter, school1])
            _ = try await world.staff("Центрова", at: [center])
            try await world.user("kmc", .coordinator)
            try await world.user("school1", .schoolAdmin, at: school1)
            try await world.user("teacher1", .teacher, at: center)
            try await world.studentAccount("student1", of: try await world.students(at: school1, count: 1)[0])

            let kmc = try await apiToken(app, "kmc", password: World.password)
            var browser = Browser(app)
            let centers = try await browser.send(
                .GET, "/api/v1/resource-centers?year=\(year.title)", headers: ["Authorization": "Bearer \(kmc)"])
            #expect(centers.status == .ok)
            let cp = try centers.content.decode(Page<Center>.self)
            #expect(cp.metadata.total == 2)
            #expect(
                cp.items.first { $0.organizationName == "Школа-центр № 2" }?.subjects == [
                    "информатика", "математика", "физика",
                ])
            let unknown = try await browser.send(
                .GET, "/api/v1/resource-centers?year=1999/2000", headers: ["Authorization": "Bearer \(kmc)"])
            #expect(unknown.status == .badRequest)
            let agreements = try await browser.send(
                .GET, "/api/v1/agreements?expiring=1", headers: ["Authorization": "Bearer \(kmc)"])
            let ap = try agreements.content.decode(Page<Agreement>.self)
            #expect(ap.metadata.total == 1)
            #expect(ap.items.first?.expiresSoon == true)
            #expect(ap.items.first?.partyBName == "Филиал университета")
            let rooms = try await browser.send(
                .GET, "/api/v1/rooms?per=2&page=1", headers: ["Authorization": "Bearer \(kmc)"])
            let rp = try rooms.content.decode(Page<RoomItem>.self)
            #expect(rp.items.count == 2)
            #expect(rp.metadata.total == 3)

            let school = try await apiToken(app, "school1", password: World.password)
            let own = try await browser.send(.GET, "/api/v1/agreements", headers: ["Authorization": "Bearer \(school)"])
            let op = try own.content.decode(Page<Agreement>.self)
            #expect(op.metadata.total == 1)
            #expect(op.items.first?.partyAName == "Школа № 1")
            let staff = try await browser.send(.GET, "/api/v1/staff", headers: ["Authorization": "Bearer \(school)"])
            let sp = try staff.content.decode(Page<Staff>.self)
            #expect(sp.metadata.total == 2)
            #expect(sp.items.allSatisfy { $0.organizationIds.contains(school1) })

            let teacher = try await apiToken(app, "teacher1", password: World.password)
            #expect(
                try await browser.send(.GET, "/api/v1/staff", headers: ["Authorization": "Bearer \(teacher)"]).status
                    == .forbidden)
            #expect(
                try await browser.send(.GET, "/api/v1/agreements", headers: ["Authorization": "Bearer \(teacher)"])
                    .status
                    == .forbidden)
            let student = try await apiToken(app, "student1", password: World.password)
            for path in ["resource-centers", "agreements", "staff", "rooms"] {
                #expect(
                    try await browser.send(.GET, "/api/v1/\(path)", headers: ["Authorization": "Bearer \(student)"])
                        .status
                        == .forbidden)
                #expect(try await browser.get("/api/v1/\(path)").status == .unauthorized)
            }
        }
    }
}
