import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct RegistryTests {
        static let lists = [
            "resource-centers", "agreements", "partners", "staff", "rooms", "subjects", "academic-years", "kmc-members",
            "users", "audit",
        ]

        /// Who may open which registry list: 200 or 403.
        static let matrix: [String: Set<String>] = [
            "admin": Set(lists),
            "kmc": Set(lists).subtracting(["users", "audit"]),
            "metod": Set(lists).subtracting(["users", "audit"]),
            "centre1": Set(lists).subtracting(["audit"]),
            "school1": Set(lists).subtracting(["audit"]),
            "teacher1": ["resource-centers", "partners", "rooms", "subjects", "academic-years", "kmc-members"],
            "student1": [],
            "parent1": [],
        ]

        /// The ids of a registry's world.
        struct Ids {
            var world: World
            /// «Школа-центр № 2», where centre1 is the head and teacher1 teaches.
            var center: UUID
            /// «Школа № 1», where school1 is the administrator, student1 a student and parent1 a parent.
            var school: UUID
        }

        /// A world of its own: the centre and the school above, and admin, kmc and metod over the municipality.
        static func setUp(_ app: Application) async throws -> Ids {
            let world = try await World.make(app)
            let cast = try await world.cast()
            return Ids(world: world, center: cast.center, school: cast.school)
        }

        @Test(arguments: matrix.keys.sorted())
        func everyRoleOpensExactlyTheListsThePolicyAllows(user: String) async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let allowed = try #require(Self.matrix[user])
                var browser = Browser(app)
                #expect(try await browser.login(user, password: World.password).status == .seeOther)
                for list in Self.lists {
                    let status = try await browser.get("/\(list)").status
                    #expect(status == (allowed.contains(list) ? .ok : .forbidden), "\(user) /\(list) → \(status)")
                }
            }
        }

        @Test func coordinatorDesignatesAResourceCenterThatThePublicPageShows() async throws {
            try await withApp { app in
                let world = try await Self.setUp(app).world
                let org = try await world.school("Школа № 8")
                let year = world.year
                let math = try await world.subject("математика")
                let geo = try await world.subject("география")
                var browser = Browser(app)
                _ = try await browser.login("kmc", password: World.password)
                _ = try await browser.get("/resource-centers/new")
                let form =
                    "_csrf=\(browser.csrf)&organization=\(org)&year=\(year.id!)&subjects=\(math.id!)&subjects=\(geo.id!)&"
                    + "directions=gifted_children&decreeNumber=301&decreeDate=01.09.2026"
                let res = try await browser.send(
                    .POST, "/resource-centers/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    raw: form)
                #expect(res.status == .seeOther)
                let rc = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == org).with(\.$subjects)
                        .first())
                #expect(Set(rc.subjects.map(\.name)) == ["математика", "география"])
                let home = try await Browser(app).getting("/").body.string
                #expect(home.contains("Школа № 8"))
                #expect(home.contains("география, математика"))
                // The same organisation cannot be designated twice in one year.
                _ = try await browser.get("/resource-centers/new")
                let again = try await browser.send(
                    .POST, "/resource-centers/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    raw: "_csrf=\(browser.csrf)&organization=\(org)&year=\(year.id!)&subjects=\(math.id!)")
                #expect(again.status == .unprocessableEntity)
                #expect(again.body.string.contains("уже назначена ресурсным центром"))
                #expect(try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == org).count() == 1)
            }
        }

        @Test func aCenterHeadKeepsOnlyTheOwnCentersRoomsAndStaff() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let world = ids.world
                let own = ids.center
                let other = try await world.center("Лицей № 5")
                _ = try await world.room(at: own, "Кабинет № 21 (математика)")
                for (surname, given, patronymic) in [
                    ("Орлова", "Дина", "Андреевна"), ("Белова", "Ирина", "Олеговна"), ("Гусева", "Нина", "Петровна"),
                ] {
                    _ = try await world.staff(surname, given, patronymic, at: [own])
                }
                let otherRoom = try await world.room(at: other, "Лаборатория химии", capacity: 18)
                let otherStaff = try await world.staff("Ёжиков", "Павел", "Семёнович", at: [other])
                let otherAgreement = try await world.agreement(.schoolCenter, ids.school, other, number: "СВ-13")
                var browser = Browser(app)
                _ = try await browser.login("centre1", password: World.password)
                for path in [
                    "/rooms/\(otherRoom.id!)", "/rooms/\(otherRoom.id!)/edit", "/staff/\(otherStaff.id!)",
                    "/staff/\(otherStaff.id!)/edit",
                    "/agreements/\(otherAgreement.id!)", "/resource-centers/new", "/agreements/new", "/subjects/new",
                ] {
                    #expect(try await browser.get(path).status == .forbidden, "\(path)")
                }
                #expect(try await browser.post("/rooms/\(otherRoom.id!)/archive").status == .forbidden)
                #expect(try await Room.find(otherRoom.id, on: app.db)?.status == "active")
                // A room can be added to the own centre only.
                _ = try await browser.get("/rooms/new")
                let refused = try await browser.post(
                    "/rooms/new", ["organization": other.uuidString, "name": "Кабинет № 99", "capacity": "20"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("id=\"organization-error\""))
                let added = try await browser.post(
                    "/rooms/new", ["organization": own.uuidString, "name": "Кабинет № 99", "capacity": "20"])
                #expect(added.status == .seeOther)
                let rooms = try await browser.get("/rooms").body.string
                #expect(rooms.contains("Кабинет № 99") && !rooms.contains("Лаборатория химии"))
                #expect(try await Room.query(on: app.db).filter(\.$organization.$id == other).count() == 1)
                #expect(try await browser.get("/staff").body.string.contains("Найдено 3 сотрудника"))
                let token = try await apiToken(app, "centre1", password: World.password)
                var api = Browser(app)
                let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]
                #expect(try await api.send(.GET, "/api/v1/rooms/\(otherRoom.id!)", headers: auth).status == .forbidden)
                #expect(try await api.send(.GET, "/api/v1/staff/\(otherStaff.id!)", headers: auth).status == .forbidden)
                #expect(
                    try await api.send(.GET, "/api/v1/agreements/\(otherAgreement.id!)", headers: auth).status
                        == .forbidden)
            }
        }

        @Test func anotherMunicipalitysRegistryIsRefused() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                let municipality = Municipality(name: "Соседний район")
                try await municipality.create(on: app.db)
                let org = try await OrganizationStore.create(
                    OrganizationInput(
                        kind: .school, fullName: "Чужая школа", shortName: "Чужая школа", address: nil, phone: nil,
                        email: nil,
                        website: nil, headName: nil), municipalityID: municipality.requireID(), on: app.db, req: nil)
                let room = Room()
                room.$organization.id = org.id!
                room.name = "Чужой кабинет"
                room.capacity = 10
                room.searchKey = "чужой кабинет"
                room.sortKey = "чужой кабинет"
                room.status = "active"
                room.version = 1
                try await room.create(on: app.db)
                let subject = Subject(municipalityID: try municipality.requireID(), name: "чужой предмет")
                try await subject.create(on: app.db)
                var browser = Browser(app)
                _ = try await browser.login("admin", password: World.password)
                #expect(try await browser.get("/rooms/\(room.id!)").status == .forbidden)
                #expect(try await browser.get("/subjects/\(subject.id!)").status == .forbidden)
                #expect(try await browser.post("/subjects/\(subject.id!)/archive").status == .forbidden)
                #expect(!(try await browser.get("/rooms?q=чужой").body.string.contains("Чужой кабинет")))
                _ = try await browser.get("/rooms/new")
                let res = try await browser.post(
                    "/rooms/new", ["organization": org.id!.uuidString, "name": "Кабинет", "capacity": "5"])
                #expect(res.status == .unprocessableEntity)
                let token = try await apiToken(app, "admin", password: World.password)
                var api = Browser(app)
                #expect(
                    try await api.send(.GET, "/api/v1/rooms/\(room.id!)", headers: ["Authorization": "Bearer \(token)"])
                        .status == .forbidden)
            }
        }

        @Test func aStaleRoomSaveIsRefused() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let room = try await ids.world.room(at: ids.center, "Кабинет № 21 (математика)", capacity: 25)
                var first = Browser(app)
                var second = Browser(app)
                _ = try await first.login("centre1", password: World.password)
                _ = try await second.login("kmc", password: World.password)
                _ = try await first.get("/rooms/\(room.id!)/edit")
                _ = try await second.get("/rooms/\(room.id!)/edit")
                let form = ["organization": room.$organization.id.uuidString, "name": room.name, "version": "1"]
                var roomier = form
                roomier["capacity"] = "30"
                var smaller = form
                smaller["capacity"] = "12"
                #expect(try await first.post("/rooms/\(room.id!)/edit", roomier).status == .seeOther)
                let stale = try await second.post("/rooms/\(room.id!)/edit", smaller)
                #expect(stale.status == .conflict)
                #expect(stale.body.string.contains("value=\"30\""))
                #expect(try await Room.find(room.id, on: app.db)?.capacity == 30)
                let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == room.id).filter(
                    \.$action == "update"
                ).all()
                #expect(audit.count == 1)
                #expect(audit.first?.before?.contains("25") == true)
            }
        }

        @Test func agreementAndKmcRulesAreChecked() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let school = ids.school
                let notCenter = try await ids.world.school("Школа № 11")
                var browser = Browser(app)
                _ = try await browser.login("kmc", password: World.password)
                _ = try await browser.get("/agreements/new")
                let bad = try await browser.post(
                    "/agreements/new",
                    [
                        "kind": "school_center", "partyA": school.uuidString, "partyB": notCenter.uuidString,
                        "subject": "Обучение", "startsOn": "01.09.2026", "endsOn": "01.08.2026", "state": "signed",
                    ])
                #expect(bad.status == .unprocessableEntity)
                let html = bad.body.string
                #expect(html.contains("Вторая сторона должна быть назначена ресурсным центром."))
                #expect(html.contains("Дата окончания не может быть раньше даты начала."))
                #expect(html.contains("У подписанного договора должен быть номер."))
                #expect(try await NetworkAgreement.query(on: app.db).count() == 0)
                _ = try await browser.get("/kmc-members/new")
                let term = try await browser.post(
                    "/kmc-members/new",
                    [
                        "fullName": "Петров Пётр Петрович", "kmcRole": "member", "position": "учитель",
                        "termFrom": "01.09.2026", "termTo": "31.08.2029",
                    ])
                #expect(term.status == .unprocessableEntity)
                #expect(term.body.string.contains("от одного до двух лет"))
                #expect(try await KmcMember.query(on: app.db).count() == 0)
                let ok = try await browser.post(
                    "/kmc-members/new",
                    [
                        "fullName": "Петров Пётр Петрович", "kmcRole": "member", "position": "учитель",
                        "termFrom": "01.09.2026", "termTo": "31.08.2027",
                    ])
                #expect(ok.status == .seeOther)
                #expect(try await KmcMember.query(on: app.db).count() == 1)
            }
        }

        @Test func subjectsArchiveAndRestoreWithHistory() async throws {
            try await withApp { app in
                let world = try await Self.setUp(app).world
                let subject = try await world.subject("экономика")
                _ = try await world.subject("математика")
                var browser = Browser(app)
                _ = try await browser.login("admin", password: World.password)
                #expect(
                    try await browser.get("/subjects/\(subject.id!)/archive").body.string.contains(
                        "Перенести «экономика» в архив?"))
                #expect(try await browser.post("/subjects/\(subject.id!)/archive").status == .seeOther)
                #expect(try await Subject.find(subject.id, on: app.db)?.status == "archived")
                _ = try await browser.get("/subjects/\(subject.id!)")
                #expect(try await browser.post("/subjects/\(subject.id!)/restore").status == .seeOther)
                let card = try await browser.get("/subjects/\(subject.id!)").body.string
                #expect(card.contains("В архив"))
                #expect(card.contains("Из архива"))
                _ = try await browser.get("/subjects/new")
                let dup = try await browser.post("/subjects/new", ["name": "МАТЕМАТИКА"])
                #expect(dup.body.string.contains("Такой предмет уже есть в списке."))
                #expect(try await Subject.query(on: app.db).count() == 2)
            }
        }
    }
}
