import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct StudentTests {
        static let child = [
            "surname": "Лесников", "givenName": "Матвей", "patronymic": "Олегович", "birthDate": "14.03.2010",
            "sex": "male", "grade": "10", "letter": "Б", "consentOn": "01.09.2026",
            "consentBy": "Лесникова Ирина, мать",
        ]

        @Test func aSchoolKeepsItsStudentsAndDuplicatesAreRefusedWithoutRevealingOtherSchools() async throws {
            try await withApp { app in
                let own = try await orgID(app, "МБОУ «СОШ № 1»")
                let other = try await orgID(app, "МБОУ «СОШ № 3»")
                var school = Browser(app)
                _ = try await school.login("school1")
                _ = try await school.get("/students/new")
                var form = Self.child
                form["school"] = own.uuidString
                #expect(try await school.post("/students/new", form).status == .seeOther)
                let s = try #require(try await Student.query(on: app.db).filter(\.$surname == "Лесников").first())
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == s.id).filter(\.$action == "create")
                        .count() == 1)
                // The same child again, typed differently: ЛЕСНИКОВ, ё/е and case ignored.
                _ = try await school.get("/students/new")
                var twin = form
                twin["surname"] = "ЛЕСНИКОВ"
                twin["givenName"] = "матвей"
                let dup = try await school.post("/students/new", twin)
                #expect(dup.status == .unprocessableEntity)
                #expect(dup.body.string.contains("Такой обучающийся уже есть в реестре"))
                // Another school trying to add the same child learns only that the child is registered elsewhere.
                let otherAdmin = User(
                    username: "school3", fullName: "Третьякова Анна",
                    passwordHash: try await Passwords.hash(DemoData.password, app: app))
                try await otherAdmin.create(on: app.db)
                let municipalityID = try #require(try await Organization.find(other, on: app.db)?.$municipality.id)
                try await RoleAssignment(
                    userID: otherAdmin.id!, role: "school_admin", municipalityID: municipalityID, organizationID: other
                ).create(on: app.db)
                var third = Browser(app)
                _ = try await third.login("school3")
                _ = try await third.get("/students/new")
                var theirs = Self.child
                theirs["school"] = other.uuidString
                let hidden = try await third.post("/students/new", theirs)
                #expect(hidden.body.string.contains("Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."))
                #expect(!hidden.body.string.contains("СОШ № 1"))
                // Nor can a school open, list or add another school's students.
                #expect(try await third.get("/students/\(s.id!)").status == .forbidden)
                #expect(!(try await third.get("/students?q=лесников").body.string.contains("Лесников")))
                var wrong = Self.child
                wrong["school"] = own.uuidString
                wrong["surname"] = "Другов"
                #expect(try await third.post("/students/new", wrong).status == .unprocessableEntity)
            }
        }

        /// The form checks names and the class letter as the import does, and no field takes invisible controls.
        @Test func theFormRefusesWhatTheImportRefuses() async throws {
            try await withApp { app in
                let own = try await orgID(app, "МБОУ «СОШ № 1»")
                var school = Browser(app)
                _ = try await school.login("school1")
                let bad: [(String, String, String)] = [
                    ("surname", "Лес\u{01}ников", "Уберите непечатаемые символы"),
                    ("surname", "Лес\u{202E}ников", "Уберите непечатаемые символы"),
                    ("givenName", "Матвей😀", "Только буквы"), ("patronymic", "\u{0301}", "Только буквы"),
                    ("letter", "<b>", "до трёх букв"),
                    ("consentBy", "Лесникова\u{2066} Ирина", "Уберите непечатаемые символы"),
                ]
                for (field, value, message) in bad {
                    _ = try await school.get("/students/new")
                    var form = Self.child
                    form["school"] = own.uuidString
                    form[field] = value
                    let r = try await school.post("/students/new", form)
                    #expect(r.status == .unprocessableEntity && r.body.string.contains(message), "\(field)")
                }
                #expect(try await Student.query(on: app.db).filter(\.$givenName == "Матвей").count() == 0)
                _ = try await school.get("/students/new")
                var good = Self.child
                good["school"] = own.uuidString
                good["surname"] = "Д’Артаньян-Лесников"
                good["letter"] = "б"
                #expect(try await school.post("/students/new", good).status == .seeOther)
            }
        }

        @Test func onlyTheKmcAndSchoolsSeeTheStudentRegistry() async throws {
            try await withApp { app in
                for (user, status) in [
                    ("kmc", HTTPStatus.ok), ("admin", .ok), ("school1", .ok), ("metod", .forbidden),
                    ("centre1", .forbidden),
                    ("teacher1", .forbidden), ("student1", .forbidden), ("parent1", .forbidden),
                ] {
                    var b = Browser(app)
                    _ = try await b.login(user)
                    #expect(try await b.get("/students").status == status, "\(user)")
                }
                var school = Browser(app)
                _ = try await school.login("school1")
                let list = try await school.get("/students").body.string
                #expect(list.contains("Найдено 11 обучающихся"))
            }
        }
    }
}

extension AppTests.StudentTests {
    @Test func theStudentsAPIIsScopedLikeThePages() async throws {
        try await withApp { app in
            struct Page: Content {
                struct M: Content { var total: Int }
                struct I: Content { var schoolId: UUID }
                var items: [I]
                var metadata: M
            }
            var b = Browser(app)
            let school = try await apiToken(app, "school1")
            let own = try await orgID(app, "МБОУ «СОШ № 1»")
            let res = try await b.send(.GET, "/api/v1/students?per=50", headers: ["Authorization": "Bearer \(school)"])
            let page = try res.content.decode(Page.self)
            #expect(page.metadata.total == 11)
            #expect(page.items.allSatisfy { $0.schoolId == own })
            let foreign = try #require(try await Student.query(on: app.db).filter(\.$school.$id != own).first())
            #expect(
                try await b.send(
                    .GET, "/api/v1/students/\(foreign.id!)", headers: ["Authorization": "Bearer \(school)"]
                ).status == .forbidden)
            let kmc = try await apiToken(app, "kmc")
            #expect(
                try await b.send(.GET, "/api/v1/students", headers: ["Authorization": "Bearer \(kmc)"]).content.decode(
                    Page.self
                ).metadata.total == 121)
            let head = try await apiToken(app, "centre1")
            #expect(
                try await b.send(.GET, "/api/v1/students", headers: ["Authorization": "Bearer \(head)"]).status
                    == .forbidden)
        }
    }
}
