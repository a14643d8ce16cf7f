import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// A child shown without a name is shown by a registry number unique within the municipality (issue 18: the label
    /// was the first four hex digits of the id, and children imported together got time-ordered ids, so they all
    /// looked the same).
    @Suite struct RegistryNumberTests {
        @Test func fiveHundredImportedChildrenGetFiveHundredDistinctLabels() async throws {
            try await withApp { app in
                var (browser, ids) = try await StudentImportTests.setUp(app)
                let school = ids.school
                let municipality = ids.world.municipalityID
                let before = try await Student.query(on: app.db).filter(\.$municipality.$id == municipality).all()
                let word = StudentImport.madeUpWord
                let lines = (0..<500).map { i in
                    "Номеров-\(word(i));Иван;Петрович;\(String(format: "%02d.%02d.2010", 1 + i % 28, 1 + i % 12));м;10;;;;;"
                }
                let url = try StudentImportTests.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("numbers.csv", StudentImportTests.csv(lines))))
                #expect(try await browser.post(url + "/commit", [:]).status == .seeOther)
                let added = try await Student.query(on: app.db).filter(\.$surname =~ "Номеров-").all()
                #expect(added.count == 500)
                let labels = Set(added.map { StudentLabel.masked($0.registryNumber) })
                #expect(labels.count == 500)
                // Numbers follow those already given, without reusing one.
                let numbers = added.compactMap(\.registryNumber)
                let earlier = Set(before.compactMap(\.registryNumber))
                let registered = StudentImportTests.Ids.students
                #expect(numbers.count == 500 && earlier == Set(1...registered) && before.count == registered)
                #expect(Set(numbers).isDisjoint(with: earlier))
                #expect(numbers.min() == registered + 1 && numbers.max() == registered + 500)
            }
        }

        @Test func aChildRegisteredByTheFormGetsTheNextNumberAndKeepsIt() async throws {
            try await withApp { app in
                var (browser, ids) = try await StudentImportTests.setUp(app)
                let school = ids.school
                // The world registered its students first, numbered from 1.
                let last = StudentImportTests.Ids.students
                _ = try await browser.get("/students/new")
                let created = try await browser.post(
                    "/students/new",
                    [
                        "school": school.uuidString, "surname": "Новикова", "givenName": "Ульяна",
                        "patronymic": "Олеговна", "birthDate": "03.03.2010", "grade": "10", "letter": "Б",
                        "sex": "female", "consentOn": "01.09.2026", "consentBy": "Новикова Ольга, мать",
                    ])
                #expect(created.status == .seeOther)
                let child = try #require(
                    try await Student.query(on: app.db).filter(\.$surname == "Новикова").first())
                #expect(child.registryNumber == last + 1)
                // An edit keeps the number.
                let card = "/students/\(child.id!.uuidString.lowercased())"
                var form = [
                    "school": school.uuidString, "surname": "Новикова", "givenName": "Ульяна",
                    "patronymic": "Олеговна", "birthDate": "03.03.2010", "grade": "11", "letter": "Б",
                    "sex": "female", "consentOn": "01.09.2026", "consentBy": "Новикова Ольга, мать",
                ]
                form["version"] = String(child.version)
                _ = try await browser.get(card + "/edit")
                #expect(try await browser.post(card + "/edit", form).status == .seeOther)
                let again = try #require(try await Student.find(child.id, on: app.db))
                #expect(again.grade == 11 && again.registryNumber == last + 1)
            }
        }

        /// Migration 014 numbers the students already registered, in the order of their names, per municipality, and
        /// the next registration continues after them.
        @Test func theMigrationNumbersTheStudentsAlreadyRegistered() async throws {
            try await withApp { app in
                // Two municipalities, their students registered out of the order of their names.
                let world = try await World.make(app)
                let school = try await world.school("Школа № 1")
                for (surname, given) in [("Яковлев", "Ян"), ("Абрамов", "Олег"), ("Миронов", "Илья")] {
                    _ = try await world.student(at: school, surname, given)
                }
                let neighbour = try await World.make(app, name: "Соседний округ")
                let theirs = try await neighbour.school("Школа № 7")
                for (surname, given) in [("Петрова", "Ева"), ("Булатова", "Зоя")] {
                    _ = try await neighbour.student(at: theirs, surname, given)
                }
                // On one connection: SQLite's other pooled connections keep the dropped column in their cached
                // schema, and ALTER TABLE checks a new column against that cache.
                try await app.db.withConnection { db in
                    try await AddStudentRegistryNumbers().revert(on: db)
                    try await AddStudentRegistryNumbers().prepare(on: db)
                }
                let students = try await Student.query(on: app.db).all()
                #expect(students.count == 5)
                #expect(
                    Dictionary(uniqueKeysWithValues: students.map { ($0.surname, $0.registryNumber) }) == [
                        "Абрамов": 1, "Миронов": 2, "Яковлев": 3, "Булатова": 1, "Петрова": 2,
                    ])
                for (_, own) in Dictionary(grouping: students, by: { $0.$municipality.id }) {
                    let byName = own.sorted { ($0.sortKey, $0.id!.uuidString) < ($1.sortKey, $1.id!.uuidString) }
                    #expect(byName.map(\.registryNumber) == Array(1...own.count))
                }
                let child = Student()
                child.$municipality.id = world.municipalityID
                child.$school.id = school
                child.surname = "Последний"
                child.givenName = "Пётр"
                child.birthDate = Date(timeIntervalSince1970: 1_270_000_000)
                child.grade = 10
                child.specialNeeds = false
                child.identityKey = "последний-петр-2010"
                child.searchKey = "последний петр"
                child.sortKey = "последний петр"
                child.status = "active"
                child.version = 1
                try await child.create(on: app.db)
                #expect(child.registryNumber == 4)
            }
        }
    }
}
