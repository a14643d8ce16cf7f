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
                var (b, school) = try await StudentImportTests.school1(app)
                let municipality = try #require(try await Organization.find(school, on: app.db)).$municipality.id
                let before = try await Student.query(on: app.db).filter(\.$municipality.$id == municipality).all()
                let word = StudentImport.madeUpWord
                let lines = (0..<500).map { i in
                    "Номеров-\(word(i));Иван;Петрович;\(String(format: "%02d.%02d.2010", 1 + i % 28, 1 + i % 12));м;10;;;;;"
                }
                let url = try StudentImportTests.batchURL(
                    try await b.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("numbers.csv", StudentImportTests.csv(lines))))
                #expect(try await b.post(url + "/commit", [:]).status == .seeOther)
                let added = try await Student.query(on: app.db).filter(\.$surname =~ "Номеров-").all()
                #expect(added.count == 500)
                let labels = Set(added.map { StudentLabel.masked($0.registryNumber) })
                #expect(labels.count == 500)
                // Numbers follow those already given, without reusing one.
                let numbers = added.compactMap(\.registryNumber)
                let earlier = Set(before.compactMap(\.registryNumber))
                #expect(numbers.count == 500 && earlier.count == before.count)
                #expect(Set(numbers).isDisjoint(with: earlier))
                #expect(numbers.min() == (earlier.max() ?? 0) + 1 && numbers.max() == (earlier.max() ?? 0) + 500)
            }
        }

        @Test func aChildRegisteredByTheFormGetsTheNextNumberAndKeepsIt() async throws {
            try await withApp { app in
                var (b, school) = try await StudentImportTests.school1(app)
                let municipality = try #require(try await Organization.find(school, on: app.db)).$municipality.id
                let last =
                    try await Student.query(on: app.db).filter(\.$municipality.$id == municipality).all()
                    .compactMap(\.registryNumber).max() ?? 0
                _ = try await b.get("/students/new")
                let created = try await b.post(
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
                _ = try await b.get(card + "/edit")
                #expect(try await b.post(card + "/edit", form).status == .seeOther)
                let again = try #require(try await Student.find(child.id, on: app.db))
                #expect(again.grade == 11 && again.registryNumber == last + 1)
            }
        }

        /// Migration 014 numbers the students already registered, in the order of their names, per municipality, and
        /// the next registration continues after them.
        @Test func theMigrationNumbersTheStudentsAlreadyRegistered() async throws {
            try await withApp { app in
                // On one connection: SQLite's other pooled connections keep the dropped column in their cached
                // schema, and ALTER TABLE checks a new column against that cache.
                try await app.db.withConnection { db in
                    try await AddStudentRegistryNumbers().revert(on: db)
                    try await AddStudentRegistryNumbers().prepare(on: db)
                }
                let students = try await Student.query(on: app.db).all()
                #expect(!students.isEmpty)
                for (_, own) in Dictionary(grouping: students, by: { $0.$municipality.id }) {
                    let byName = own.sorted { ($0.sortKey, $0.id!.uuidString) < ($1.sortKey, $1.id!.uuidString) }
                    #expect(byName.map(\.registryNumber) == Array(1...own.count))
                }
                let school = try #require(try await Organization.query(on: app.db).filter(\.$kind == "school").first())
                let child = Student()
                child.$municipality.id = school.$municipality.id
                child.$school.id = school.id!
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
                let own = students.filter { $0.$municipality.id == school.$municipality.id }
                #expect(child.registryNumber == own.count + 1)
            }
        }
    }
}
