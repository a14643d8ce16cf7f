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

        /// The ids of a world of two schools: Школа № 1 with `own` students, Школа № 3 with `other` students.
        struct Ids {
            var own: UUID
            var other: UUID
            var ownStudents: [UUID]
            var otherStudents: [UUID]
        }

        /// A world of its own: «Школа № 1» (school1 its administrator, student1 its student, parent1 a parent there),
        /// «Школа № 3» (school3), a centre «Школа-центр № 2» (centre1 its head, teacher1 its teacher), and admin,
        /// kmc and metod over the municipality; `own` and `other` students in the two schools.
        static func setUp(_ app: Application, own: Int = 0, other: Int = 0) async throws -> Ids {
            let world = try await World.make(app)
            let school = try await world.cast().school
            let third = try await world.school("Школа № 3")
            try await world.user("school3", .schoolAdmin, at: third)
            return Ids(
                own: school, other: third, ownStudents: try await world.students(at: school, count: own),
                otherStudents: try await world.students(at: third, count: other, from: own))
        }

        @Test func aSchoolKeepsItsStudentsAndDuplicatesAreRefusedWithoutRevealingOtherSchools() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let own = ids.own
                let other = ids.other
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get("/students/new")
                var form = Self.child
                form["school"] = own.uuidString
                #expect(try await school.post("/students/new", form).status == .seeOther)
                let student = try #require(try await Student.query(on: app.db).filter(\.$surname == "Лесников").first())
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == student.id).filter(
                        \.$action == "create"
                    )
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
                var third = Browser(app)
                _ = try await third.login("school3", password: World.password)
                _ = try await third.get("/students/new")
                var theirs = Self.child
                theirs["school"] = other.uuidString
                let hidden = try await third.post("/students/new", theirs)
                #expect(hidden.body.string.contains("Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."))
                #expect(!hidden.body.string.contains("Школа № 1"))
                // Nor can a school open, list or add another school's students.
                #expect(try await third.get("/students/\(student.id!)").status == .forbidden)
                #expect(!(try await third.get("/students?q=лесников").body.string.contains("Лесников")))
                var wrong = Self.child
                wrong["school"] = own.uuidString
                wrong["surname"] = "Другов"
                #expect(try await third.post("/students/new", wrong).status == .unprocessableEntity)
                #expect(try await Student.query(on: app.db).filter(\.$surname == "Другов").count() == 0)
            }
        }

        /// The form checks names and the class letter as the import does, and no field takes invisible controls.
        @Test(arguments: [
            ("surname", "Лес\u{01}ников", "Уберите непечатаемые символы"),
            ("surname", "Лес\u{202E}ников", "Уберите непечатаемые символы"),
            ("givenName", "Матвей😀", "Только буквы"), ("patronymic", "\u{0301}", "Только буквы"),
            ("letter", "<b>", "до трёх букв"),
            ("consentBy", "Лесникова\u{2066} Ирина", "Уберите непечатаемые символы"),
        ])
        func theFormRefusesWhatTheImportRefuses(field: String, value: String, message: String) async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get("/students/new")
                var form = Self.child
                form["school"] = ids.own.uuidString
                form[field] = value
                let response = try await school.post("/students/new", form)
                #expect(response.status == .unprocessableEntity && response.body.string.contains(message), "\(field)")
                #expect(try await Student.query(on: app.db).count() == 0)
            }
        }

        /// What the form refuses above is not a refusal of apostrophes, hyphens or a lower-case letter.
        @Test func theFormTakesApostrophesHyphensAndALowerCaseLetter() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get("/students/new")
                var good = Self.child
                good["school"] = ids.own.uuidString
                good["surname"] = "Д’Артаньян-Лесников"
                good["letter"] = "б"
                #expect(try await school.post("/students/new", good).status == .seeOther)
                let student = try #require(try await Student.query(on: app.db).first())
                #expect(student.surname == "Д’Артаньян-Лесников" && student.letter == "Б")
            }
        }

        @Test(arguments: [
            ("kmc", HTTPStatus.ok), ("admin", .ok), ("school1", .ok), ("metod", .forbidden), ("centre1", .forbidden),
            ("teacher1", .forbidden), ("student1", .forbidden), ("parent1", .forbidden),
        ])
        func onlyTheKmcAndSchoolsSeeTheStudentRegistry(user: String, status: HTTPStatus) async throws {
            try await withApp { app in
                _ = try await Self.setUp(app)
                var browser = Browser(app)
                #expect(try await browser.login(user, password: World.password).status == .seeOther)
                #expect(try await browser.get("/students").status == status, "\(user)")
            }
        }

        /// A school's list counts its own students, not the other school's.
        @Test func aSchoolsRegistryCountsItsOwnStudents() async throws {
            try await withApp { app in
                _ = try await Self.setUp(app, own: 11, other: 4)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
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
            let ids = try await Self.setUp(app, own: 11, other: 4)
            var browser = Browser(app)
            let school = try await apiToken(app, "school1", password: World.password)
            let own = ids.own
            let res = try await browser.send(
                .GET, "/api/v1/students?per=50", headers: ["Authorization": "Bearer \(school)"])
            let page = try res.content.decode(Page.self)
            #expect(page.metadata.total == 11)
            #expect(page.items.count == 11 && page.items.allSatisfy { $0.schoolId == own })
            let foreign = try #require(ids.otherStudents.first)
            #expect(
                try await browser.send(
                    .GET, "/api/v1/students/\(foreign)", headers: ["Authorization": "Bearer \(school)"]
                ).status == .forbidden)
            let kmc = try await apiToken(app, "kmc", password: World.password)
            #expect(
                try await browser.send(.GET, "/api/v1/students", headers: ["Authorization": "Bearer \(kmc)"]).content
                    .decode(
                        Page.self
                    ).metadata.total == 15)
            let head = try await apiToken(app, "centre1", password: World.password)
            #expect(
                try await browser.send(.GET, "/api/v1/students", headers: ["Authorization": "Bearer \(head)"]).status
                    == .forbidden)
        }
    }
}
