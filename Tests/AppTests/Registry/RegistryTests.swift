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

        @Test func everyRoleOpensExactlyTheListsThePolicyAllows() async throws {
            try await withApp { app in
                for (user, allowed) in Self.matrix {
                    var b = Browser(app)
                    _ = try await b.login(user)
                    for list in Self.lists {
                        let status = try await b.get("/\(list)").status
                        #expect(status == (allowed.contains(list) ? .ok : .forbidden), "\(user) /\(list) → \(status)")
                    }
                }
            }
        }

        @Test func coordinatorDesignatesAResourceCenterThatThePublicPageShows() async throws {
            try await withApp { app in
                var b = Browser(app)
                _ = try await b.login("kmc")
                let org = try await orgID(app, "МБОУ «СОШ № 8»")
                let year = try #require(try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
                let math = try #require(try await Subject.query(on: app.db).filter(\.$name == "математика").first())
                let geo = try #require(try await Subject.query(on: app.db).filter(\.$name == "география").first())
                _ = try await b.get("/resource-centers/new")
                let form =
                    "_csrf=\(b.csrf)&organization=\(org)&year=\(year.id!)&subjects=\(math.id!)&subjects=\(geo.id!)&"
                    + "directions=gifted_children&decreeNumber=301&decreeDate=01.09.2026"
                let res = try await b.send(
                    .POST, "/resource-centers/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    raw: form)
                #expect(res.status == .seeOther)
                let rc = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == org).with(\.$subjects)
                        .first())
                #expect(Set(rc.subjects.map(\.name)) == ["математика", "география"])
                let home = try await Browser(app).getting("/").body.string
                #expect(home.contains("МБОУ «СОШ № 8»"))
                #expect(home.contains("география, математика"))
                // The same organisation cannot be designated twice in one year.
                _ = try await b.get("/resource-centers/new")
                let again = try await b.send(
                    .POST, "/resource-centers/new", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    raw: "_csrf=\(b.csrf)&organization=\(org)&year=\(year.id!)&subjects=\(math.id!)")
                #expect(again.status == .unprocessableEntity)
                #expect(again.body.string.contains("уже назначена ресурсным центром"))
                #expect(try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == org).count() == 1)
            }
        }

        @Test func aCenterHeadKeepsOnlyTheOwnCentersRoomsAndStaff() async throws {
            try await withApp { app in
                let own = try await orgID(app, "МБОУ «Гимназия № 2»")
                let other = try await orgID(app, "МБОУ «Лицей № 5»")
                let otherRoom = try #require(
                    try await Room.query(on: app.db).filter(\.$organization.$id == other).first())
                let otherStaff = try #require(
                    try await StaffMember.query(on: app.db).filter(\.$surname == "Ёжиков").first())
                let otherAgreement = try #require(
                    try await NetworkAgreement.query(on: app.db).filter(\.$number == "СВ-13").first())
                var b = Browser(app)
                _ = try await b.login("centre1")
                for path in [
                    "/rooms/\(otherRoom.id!)", "/rooms/\(otherRoom.id!)/edit", "/staff/\(otherStaff.id!)",
                    "/staff/\(otherStaff.id!)/edit",
                    "/agreements/\(otherAgreement.id!)", "/resource-centers/new", "/agreements/new", "/subjects/new",
                ] {
                    #expect(try await b.get(path).status == .forbidden, "\(path)")
                }
                #expect(try await b.post("/rooms/\(otherRoom.id!)/archive").status == .forbidden)
                #expect(try await Room.find(otherRoom.id, on: app.db)?.status == "active")
                // A room can be added to the own centre only.
                _ = try await b.get("/rooms/new")
                let refused = try await b.post(
                    "/rooms/new", ["organization": other.uuidString, "name": "Кабинет № 99", "capacity": "20"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("id=\"organization-error\""))
                let added = try await b.post(
                    "/rooms/new", ["organization": own.uuidString, "name": "Кабинет № 99", "capacity": "20"])
                #expect(added.status == .seeOther)
                #expect(!(try await b.get("/rooms").body.string.contains("Лаборатория химии")))
                #expect(try await b.get("/staff").body.string.contains("Найдено 3 сотрудника"))
                let token = try await apiToken(app, "centre1")
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
                var b = Browser(app)
                _ = try await b.login("admin")
                #expect(try await b.get("/rooms/\(room.id!)").status == .forbidden)
                #expect(try await b.get("/subjects/\(subject.id!)").status == .forbidden)
                #expect(try await b.post("/subjects/\(subject.id!)/archive").status == .forbidden)
                #expect(!(try await b.get("/rooms?q=чужой").body.string.contains("Чужой кабинет")))
                _ = try await b.get("/rooms/new")
                let res = try await b.post(
                    "/rooms/new", ["organization": org.id!.uuidString, "name": "Кабинет", "capacity": "5"])
                #expect(res.status == .unprocessableEntity)
                let token = try await apiToken(app, "admin")
                var api = Browser(app)
                #expect(
                    try await api.send(.GET, "/api/v1/rooms/\(room.id!)", headers: ["Authorization": "Bearer \(token)"])
                        .status == .forbidden)
            }
        }

        @Test func aStaleRoomSaveIsRefused() async throws {
            try await withApp { app in
                let room = try #require(
                    try await Room.query(on: app.db).filter(\.$name == "Кабинет № 21 (математика)").first())
                var first = Browser(app)
                var second = Browser(app)
                _ = try await first.login("centre1")
                _ = try await second.login("kmc")
                _ = try await first.get("/rooms/\(room.id!)/edit")
                _ = try await second.get("/rooms/\(room.id!)/edit")
                let form = ["organization": room.$organization.id.uuidString, "name": room.name, "version": "1"]
                var a = form
                a["capacity"] = "30"
                var c = form
                c["capacity"] = "12"
                #expect(try await first.post("/rooms/\(room.id!)/edit", a).status == .seeOther)
                let stale = try await second.post("/rooms/\(room.id!)/edit", c)
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
                var b = Browser(app)
                _ = try await b.login("kmc")
                let school = try await orgID(app, "МБОУ «СОШ № 9»")
                let notCenter = try await orgID(app, "МБОУ «СОШ № 11»")
                _ = try await b.get("/agreements/new")
                let bad = try await b.post(
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
                _ = try await b.get("/kmc-members/new")
                let term = try await b.post(
                    "/kmc-members/new",
                    [
                        "fullName": "Петров Пётр Петрович", "kmcRole": "member", "position": "учитель",
                        "termFrom": "01.09.2026", "termTo": "31.08.2029",
                    ])
                #expect(term.status == .unprocessableEntity)
                #expect(term.body.string.contains("от одного до двух лет"))
                let ok = try await b.post(
                    "/kmc-members/new",
                    [
                        "fullName": "Петров Пётр Петрович", "kmcRole": "member", "position": "учитель",
                        "termFrom": "01.09.2026", "termTo": "31.08.2027",
                    ])
                #expect(ok.status == .seeOther)
            }
        }

        @Test func subjectsArchiveAndRestoreWithHistory() async throws {
            try await withApp { app in
                let subject = try #require(try await Subject.query(on: app.db).filter(\.$name == "экономика").first())
                var b = Browser(app)
                _ = try await b.login("admin")
                #expect(
                    try await b.get("/subjects/\(subject.id!)/archive").body.string.contains(
                        "Перенести «экономика» в архив?"))
                #expect(try await b.post("/subjects/\(subject.id!)/archive").status == .seeOther)
                #expect(try await Subject.find(subject.id, on: app.db)?.status == "archived")
                _ = try await b.get("/subjects/\(subject.id!)")
                #expect(try await b.post("/subjects/\(subject.id!)/restore").status == .seeOther)
                let card = try await b.get("/subjects/\(subject.id!)").body.string
                #expect(card.contains("В архив"))
                #expect(card.contains("Из архива"))
                _ = try await b.get("/subjects/new")
                let dup = try await b.post("/subjects/new", ["name": "МАТЕМАТИКА"])
                #expect(dup.body.string.contains("Такой предмет уже есть в списке."))
            }
        }
    }
}
