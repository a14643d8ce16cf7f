import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct OrganizationTests {
        static let valid = [
            "kind": "school", "fullName": "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 12»",
            "shortName": "МБОУ «СОШ № 12»", "address": "ул. Ёлочная, 1", "phone": "+7 (900) 000-00-99",
            "email": "sosh12@svetloozersk.example",
        ]

        /// The ids of a world of two schools.
        struct Ids {
            /// «Школа № 1», where school1 is the administrator.
            var own: UUID
            /// «Школа № 3».
            var other: UUID
        }

        /// A world of its own: «Школа № 1» (school1 its administrator), «Школа № 3», and admin and kmc over the
        /// municipality.
        static func setUp(_ app: Application) async throws -> Ids {
            let world = try await World.make(app)
            let own = try await world.school("Школа № 1")
            let other = try await world.school("Школа № 3")
            try await world.user("admin", .authorityAdmin)
            try await world.user("kmc", .coordinator)
            try await world.user("school1", .schoolAdmin, at: own)
            return Ids(own: own, other: other)
        }

        @Test func coordinatorCreatesAnOrganizationAndFindsItIgnoringCaseAndYo() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                _ = try await browser.login("kmc", password: World.password)
                _ = try await browser.get("/organizations/new")
                let res = try await browser.post("/organizations/new", Self.valid)
                #expect(res.status == .seeOther)
                let org = try #require(
                    try await Organization.query(on: app.db).filter(\.$shortName == "МБОУ «СОШ № 12»").first())
                #expect(org.version == 1)
                let list = try await browser.get("/organizations?q=ЕЛОЧНАЯ").body.string
                #expect(list.contains("МБОУ «СОШ № 12»"))
                #expect(list.contains("Найдено 1 организация"))
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == org.id).filter(
                    \.$action == "create"
                ).first()
                #expect(audit?.username == "kmc")
                let card = try await browser.get("/organizations/\(org.id!.uuidString)").body.string
                #expect(card.contains("История изменений"))
                #expect(card.contains("Создание"))
            }
        }

        @Test func invalidInputShowsRussianMessagesNextToFieldsAndSavesNothing() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                _ = try await browser.login("kmc", password: World.password)
                _ = try await browser.get("/organizations/new")
                let before = try await Organization.query(on: app.db).count()
                var form = Self.valid
                form["shortName"] = "  "
                form["email"] = "не почта"
                form["kind"] = "castle"
                let res = try await browser.post("/organizations/new", form)
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("id=\"shortName-error\">Заполните это поле."))
                #expect(html.contains("id=\"email-error\">Укажите адрес электронной почты"))
                #expect(html.contains("id=\"kind-error\">Выберите значение из списка."))
                // What the user typed is kept.
                #expect(
                    html.contains(
                        "value=\"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 12»\""))
                #expect(try await Organization.query(on: app.db).count() == before)
            }
        }

        @Test func aStaleSaveIsRefusedWithTheCurrentValues() async throws {
            try await withApp { app in
                let id = try await Self.setUp(app).other
                var first = Browser(app)
                var second = Browser(app)
                _ = try await first.login("kmc", password: World.password)
                _ = try await second.login("admin", password: World.password)
                _ = try await first.get("/organizations/\(id)/edit")
                _ = try await second.get("/organizations/\(id)/edit")
                var form = OrganizationsController.values(of: try #require(try await Organization.find(id, on: app.db)))
                form["version"] = "1"
                form["phone"] = "+7 (900) 111-11-11"
                #expect(try await first.post("/organizations/\(id)/edit", form).status == .seeOther)
                form["phone"] = "+7 (900) 222-22-22"
                let stale = try await second.post("/organizations/\(id)/edit", form)
                #expect(stale.status == .conflict)
                #expect(stale.body.string.contains("сохранил другой пользователь"))
                #expect(stale.body.string.contains("+7 (900) 111-11-11"))
                let org = try #require(try await Organization.find(id, on: app.db))
                #expect(org.phone == "+7 (900) 111-11-11")
                #expect(org.version == 2)
            }
        }

        @Test func archiveIsConfirmedThenHidesTheOrganization() async throws {
            try await withApp { app in
                let id = try await Self.setUp(app).other
                var browser = Browser(app)
                _ = try await browser.login("kmc", password: World.password)
                let confirm = try await browser.get("/organizations/\(id)/archive")
                #expect(confirm.body.string.contains("Перенести «Школа № 3» в архив?"))
                #expect(try await Organization.find(id, on: app.db)?.status == "active")
                #expect(try await browser.post("/organizations/\(id)/archive").status == .seeOther)
                #expect(try await Organization.find(id, on: app.db)?.status == "archived")
                #expect(!(try await browser.get("/organizations").body.string.contains("Школа № 3")))
                #expect(try await browser.get("/organizations?status=archived").body.string.contains("Школа № 3"))
                _ = try await browser.get("/organizations/\(id)")
                #expect(try await browser.post("/organizations/\(id)/restore").status == .seeOther)
                #expect(try await Organization.find(id, on: app.db)?.status == "active")
            }
        }

        @Test func schoolAdministratorEditsOnlyTheOwnSchool() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let own = ids.own
                let other = ids.other
                var browser = Browser(app)
                _ = try await browser.login("school1", password: World.password)
                #expect(try await browser.get("/organizations/new").status == .forbidden)
                #expect(try await browser.get("/organizations/\(other)/edit").status == .forbidden)
                #expect(try await browser.get("/organizations/\(own)/archive").status == .forbidden)
                #expect(try await browser.get("/organizations/\(own)/edit").status == .ok)
                let before = try #require(try await Organization.find(other, on: app.db))
                var form = OrganizationsController.values(of: before)
                form["version"] = "1"
                form["phone"] = "+7 (900) 555-55-55"
                #expect(try await browser.post("/organizations/\(other)/edit", form).status == .forbidden)
                #expect(try await Organization.find(other, on: app.db)?.phone == before.phone)
            }
        }

        @Test func anotherMunicipalitysOrganizationIsRefusedOnEveryRoute() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let municipality = Municipality(name: "Соседний район")
                try await municipality.create(on: app.db)
                let foreign = try await OrganizationStore.create(
                    OrganizationInput(
                        kind: .school, fullName: "Чужая школа", shortName: "Чужая школа", address: nil, phone: nil,
                        email: nil, website: nil, headName: nil),
                    municipalityID: municipality.requireID(), on: app.db, req: nil)
                let id = try foreign.requireID()
                for user in ["admin", "kmc", "school1"] {
                    var browser = Browser(app)
                    #expect(try await browser.login(user, password: World.password).status == .seeOther)
                    #expect(try await browser.get("/organizations/\(id)").status == .forbidden)
                    #expect(try await browser.get("/organizations/\(id)/edit").status == .forbidden)
                    #expect(try await browser.post("/organizations/\(id)/archive").status == .forbidden)
                    #expect(!(try await browser.get("/organizations?q=чужая").body.string.contains("Чужая школа")))
                    let token = try await apiToken(app, user, password: World.password)
                    var api = Browser(app)
                    let res = try await api.send(
                        .GET, "/api/v1/organizations/\(id)", headers: ["Authorization": "Bearer \(token)"])
                    #expect(res.status == .forbidden)
                }
                #expect(try await Organization.find(id, on: app.db)?.status == "active")
            }
        }

        @Test func listsSortCyrillicWithYoAfterYe() async throws {
            try await withApp { app in
                let municipality = Municipality(name: "Тест")
                try await municipality.create(on: app.db)
                for name in ["Ёлкинская школа", "Жуковская школа", "Еловская школа", "Дубровская школа"] {
                    _ = try await OrganizationStore.create(
                        OrganizationInput(
                            kind: .school, fullName: name, shortName: name, address: nil, phone: nil, email: nil,
                            website: nil, headName: nil), municipalityID: municipality.requireID(), on: app.db, req: nil
                    )
                }
                let names = try await Organization.query(on: app.db).sort(\.$sortKey).all().map(\.shortName)
                #expect(names == ["Дубровская школа", "Еловская школа", "Ёлкинская школа", "Жуковская школа"])
            }
        }
    }
}
