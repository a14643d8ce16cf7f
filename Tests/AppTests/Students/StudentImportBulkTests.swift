import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// The commit's bulk path (issue 3's benchmark): more rows than one statement and one `IN` list hold, new children
    /// given ids in index order, their guardians still on the right child, and a registry changed since the preview.
    @Suite struct StudentImportBulkTests {
        @Test func aLargeFileIsWrittenWholeWithEachGuardianOnItsChild() async throws {
            try await withApp { app in
                var (browser, ids) = try await StudentImportTests.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let word = StudentImport.madeUpWord
                // 1 900 rows: more than two 800-row statements and two 900-key lookups, with a remainder of each.
                let total = 1_900
                let lines = (0..<total).map { i in
                    let surname = "Тестов-" + word(total - i)  // the file is not in key order
                    return
                        "\(surname);Пётр;Ильич;\(String(format: "%02d.%02d.2010", 1 + i % 28, 1 + i % 12));м;"
                        + "\(1 + i % 11);;;;"
                        + (i % 3 == 0 ? "\(surname)а Анна Петровна;+7 900 000-00-00" : ";")
                }
                let url = try StudentImportTests.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString],
                        file: ("bulk.csv", StudentImportTests.csv(lines))))
                #expect(try await browser.get(url).body.string.contains("Новые обучающиеся (1900)"))
                #expect(try await browser.post(url + "/commit", [:]).status == .seeOther)
                let added = try await Student.query(on: app.db).filter(
                    \.$surname ~~ lines.map { String($0.prefix { $0 != ";" }) }
                ).all()
                #expect(added.count == total)
                #expect(try await Student.query(on: app.db).count() == before + total)
                // Ids in the order of the identity keys: the indexes grow at one end.
                let byID = added.sorted { $0.id!.uuidString < $1.id!.uuidString }.map(\.identityKey)
                #expect(byID == byID.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
                #expect(added.allSatisfy { $0.searchKey == TextKey.search($0.surname, $0.givenName, $0.patronymic) })
                // The dates come back as written (on PostgreSQL they travel as COPY text).
                let born = Dictionary(
                    uniqueKeysWithValues: lines.map { line in
                        let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                        return (String(cells[0]), String(cells[3]))
                    })
                let zone = TimeZone(identifier: "Europe/Moscow")!
                #expect(added.allSatisfy { RuDate.format($0.birthDate, timeZone: zone) == born[$0.surname] })
                let guardians = try await Guardian.query(on: app.db).filter(\.$student.$id ~~ added.map { $0.id! })
                    .with(\.$student).all()
                #expect(guardians.count == (total + 2) / 3)
                #expect(guardians.allSatisfy { $0.fullName.hasPrefix($0.student.surname + "а ") })
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "student_import").count() == 1)
            }
        }

        @Test func aBatchCommittedTwiceAtOnceIsWrittenOnce() async throws {
            try await withApp { app in
                // setup
                var (browser, ids) = try await StudentImportTests.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let file = StudentImportTests.csv([
                    "Ольхова;Дарина;;03.03.2011;ж;9;;;;Ольхова Нина;", "Ясенев;Глеб;;07.07.2012;м;8;;;;;",
                ])
                let url = try StudentImportTests.batchURL(
                    try await browser.upload(
                        "/students/import", ["school": school.uuidString], file: ("twice.csv", file)))
                let batch = try #require(
                    try await StudentImportBatch.query(on: app.db).filter(\.$fileName == "twice.csv").first())
                let batchID = try batch.requireID()
                // act: the same batch committed by two callers at once
                @Sendable func commit() async -> Result<StudentImportService.Outcome, any Error> {
                    do {
                        return .success(
                            try await StudentImportService.commit(
                                batchID: batchID, skipLines: [], canSee: { _ in true }, app: app, req: nil))
                    } catch { return .failure(error) }
                }
                async let first = commit()
                async let second = commit()
                let outcomes = await [first, second]
                // check
                let created = outcomes.compactMap { try? $0.get().created }
                #expect(created == [2])
                let refusals = outcomes.compactMap { outcome -> String? in
                    guard case .failure(let error) = outcome else { return nil }
                    return (error as? AppError)?.reason
                }
                #expect(refusals == [StudentImportWords.Service.batchGone])
                #expect(try await Student.query(on: app.db).count() == before + 2)
                #expect(try await Guardian.query(on: app.db).filter(\.$fullName == "Ольхова Нина").count() == 1)
                #expect(try await browser.get(url).body.string.contains("twice.csv"))
            }
        }

        @Test func aRegistryChangedSincePreviewRefusesTheCommitAndKeepsThePreview() async throws {
            try await withApp { app in
                var (browser, ids) = try await StudentImportTests.setUp(app)
                let school = ids.school
                let before = try await Student.query(on: app.db).count()
                let file = StudentImportTests.csv([
                    "Кедров;Тимур;;12.12.2009;м;11;;;;;", "Берестова;Алина;;05.04.2010;ж;10;;;;;",
                ])
                let url = try StudentImportTests.batchURL(
                    try await browser.upload("/students/import", ["school": school.uuidString], file: ("c.csv", file)))
                #expect(try await browser.get(url).body.string.contains("Новые обучающиеся (2)"))
                // Meanwhile another school journals the same Кедров.
                let other = ids.other
                let student = Student()
                student.$municipality.id = ids.world.municipalityID
                student.$school.id = other
                student.surname = "Кедров"
                student.givenName = "Тимур"
                student.birthDate = RuDate.parse("12.12.2009", timeZone: TimeZone(identifier: "Europe/Moscow")!)!
                student.grade = 11
                student.specialNeeds = false
                student.status = RecordStatus.active.rawValue
                student.version = 1
                student.identityKey = StudentIdentity.key(
                    surname: "Кедров", givenName: "Тимур", patronymic: nil, birthDate: student.birthDate,
                    timeZone: TimeZone(identifier: "Europe/Moscow")!)
                student.searchKey = TextKey.search("Кедров", "Тимур")
                student.sortKey = TextKey.sort("Кедров Тимур")
                try await student.create(on: app.db)
                let refused = try await browser.post(url + "/commit", [:])
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("реестр изменился"))
                #expect(try await Student.query(on: app.db).count() == before + 1, "only the other school's child")
                let batch = try #require(
                    try await StudentImportBatch.query(on: app.db).filter(\.$fileName == "c.csv").first())
                #expect(
                    batch.state == StudentImportBatch.State.preview.rawValue && batch.content != nil,
                    "the claim was rolled back with the rest")
            }
        }
    }
}

extension AppTests.StudentImportBulkTests {
    /// The commit after a preview reuses the preview's checked rows only for the same bytes, name, zone and day.
    @Test func checkedFilesAreReusedOnlyForTheSameFileAndDay() throws {
        let cache = ImportPlanCache(capacity: 2, lifetime: 600)
        let zone = TimeZone(identifier: "Europe/Moscow")!
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let file = Data(
            StudentImport.header.joined(separator: ";").appending("\nКедров;Тимур;;12.12.2009;м;11;;;;;\n").utf8)
        var made = 0
        func make() -> StudentImport.Plan {
            made += 1
            return StudentImport.plan(try! TableReader.read(file, fileName: "a.csv").rows, timeZone: zone, today: now)
        }
        let first = cache.plan(file, fileName: "a.csv", zone: zone, now: now, make: make)
        #expect(first.rows.count == 1 && first.isValid && made == 1)
        _ = cache.plan(file, fileName: "a.csv", zone: zone, now: now.addingTimeInterval(60), make: make)
        #expect(made == 1, "the same file a minute later")
        _ = cache.plan(file + Data(" ".utf8), fileName: "a.csv", zone: zone, now: now, make: make)
        _ = cache.plan(file, fileName: "a.xlsx", zone: zone, now: now, make: make)
        #expect(made == 3, "other bytes, another name")
        #expect(cache.count == 2, "the oldest went")
        _ = cache.plan(file, fileName: "a.csv", zone: zone, now: now.addingTimeInterval(86_400), make: make)
        #expect(made == 4, "the next day is checked again")
        _ = cache.plan(file, fileName: "a.xlsx", zone: zone, now: now.addingTimeInterval(86_400 + 700), make: make)
        #expect(made == 5, "after its lifetime")
    }
}
