import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 2: a school loads its results from a file — checked row by row, written all or nothing.
    @Suite struct AchievementImportTests {
        static let header =
            "Фамилия;Имя;Дата рождения;Олимпиада или конкурс;Учебный год;Этап;Предмет или номинация;"
            + "Результат;Балл;Место"

        static func csv(_ lines: [String]) -> Data { Data(([header] + lines).joined(separator: "\n").utf8) }

        @Test func theFilesPreparersAreLinkedToTheRegistryByName() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let teacher = try await s.world.staff("Учителева", "Анна", "Петровна", at: [s.cast.school])
                let born = RuDate.format(Date(timeIntervalSince1970: 1_200_000_000), timeZone: s.world.zone)
                let file = Data(
                    [
                        Self.header + ";Подготовили",
                        "Учеников0;Тест;\(born);Всероссийская олимпиада школьников;\(s.world.year.title);"
                            + "муниципальный этап;физика;призёр;71,5;3;учителева а.п., Гостев И. И.",
                    ].joined(separator: "\n").utf8)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get(AchievementImportPage.path)
                let checked = try await school.upload(AchievementImportPage.path, [:], file: ("итоги.csv", file))
                let payload = try #require(checked.body.string.firstMatch(of: /name="payload" value="([^"]+)"/)?.1)
                let saved = try await school.post(
                    AchievementImportPage.path + "/commit", ["fileName": "итоги.csv", "payload": String(payload)])
                #expect(saved.status == .seeOther)
                let record = try #require(try await Achievement.query(on: app.db).with(\.$preparers).first())
                #expect(record.preparers.map(\.id) == [teacher.id])
                #expect(record.preparedBy == "Гостев И. И.")
            }
        }

        @Test func aCleanFileIsCheckedThenWrittenWithItsNewEdition() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let born = RuDate.format(Date(timeIntervalSince1970: 1_200_000_000), timeZone: s.world.zone)
                let year = s.world.year.title
                let file = Self.csv([
                    "Учеников0;Тест;\(born);Всероссийская олимпиада школьников;\(year);муниципальный этап;физика;"
                        + "призёр;71,5;3",
                    "учеников1;ТЕСТ;\(born);всероссийская олимпиада школьников;;региональный;физика;участник;40;",
                ])
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/achievements").body.string.contains(AchievementImportPage.path))
                // The XLSX template carries the layout's header and its example row.
                let template = try await school.get(AchievementImportPage.path + "/template.xlsx")
                #expect(template.status == .ok)
                let sheet = try XLSXReader.read(Data(buffer: template.body)).rows
                #expect(sheet.first == AchievementImport.header && sheet.count == 2)
                _ = try await school.get(AchievementImportPage.path)
                let checked = try await school.upload(AchievementImportPage.path, [:], file: ("итоги.csv", file))
                #expect(checked.status == .ok)
                let page = checked.body.string
                #expect(page.contains("Ошибок нет. Будет загружено: 2 достижения."))
                #expect(page.contains("региональный этап, \(year)"))
                #expect(try await Achievement.query(on: app.db).count() == 0)
                let payload = try #require(page.firstMatch(of: /name="payload" value="([^"]+)"/)?.1)
                let saved = try await school.post(
                    AchievementImportPage.path + "/commit", ["fileName": "итоги.csv", "payload": String(payload)])
                #expect(saved.status == .seeOther)
                let records = try await Achievement.query(on: app.db).with(\.$edition).all()
                #expect(records.count == 2)
                #expect(Set(records.map(\.edition.level)) == ["municipal", "regional"])
                #expect(records.first { $0.score == 71.5 }?.place == 3)
                #expect(try await ContestEdition.query(on: app.db).count() == 2)
                #expect(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "achievement").count() == 3)
                // The same file again: every row is a repeat now, and nothing more is written.
                let again = try await school.post(
                    AchievementImportPage.path + "/commit", ["fileName": "итоги.csv", "payload": String(payload)])
                #expect(again.status == .unprocessableEntity)
                #expect(again.body.string.contains(TalentWords.Check.duplicateAchievement))
                #expect(try await Achievement.query(on: app.db).count() == 2)
            }
        }

        @Test func aFileWithAnyBadRowWritesNothingAndNamesEachProblem() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let born = RuDate.format(Date(timeIntervalSince1970: 1_200_000_000), timeZone: s.world.zone)
                let file = Self.csv([
                    "Учеников0;Тест;\(born);Всероссийская олимпиада школьников;;муниципальный;физика;призёр;71;",
                    "Учеников3;Тест;\(born);Всероссийская олимпиада школьников;;муниципальный;физика;призёр;71;",
                    "Учеников1;Тест;\(born);Кубок мира;;муниципальный;физика;призёр;71;",
                    "Учеников1;Тест;\(born);Всероссийская олимпиада школьников;;муниципальный;пение;чемпион;много;",
                    "Учеников0;Тест;\(born);Всероссийская олимпиада школьников;;муниципальный;физика;призёр;71;",
                ])
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                _ = try await school.get(AchievementImportPage.path)
                let res = try await school.upload(AchievementImportPage.path, [:], file: ("итоги.csv", file))
                #expect(res.status == .unprocessableEntity)
                let page = res.body.string
                #expect(page.contains(TalentWords.Import.studentNotFound))  // another school's student (line 3)
                #expect(page.contains(TalentWords.Import.contestNotFound("Кубок мира")))
                #expect(page.contains("Результат: победитель, призёр или участник."))
                #expect(page.contains("Балл — число от 0 до 1000"))
                #expect(page.contains(TalentWords.Import.repeated(2)))
                #expect(!page.contains("name=\"payload\""))
                #expect(try await Achievement.query(on: app.db).count() == 0)
                // Not a table at all, and a forged commit, change nothing either.
                _ = try await school.get(AchievementImportPage.path)
                let junk = try await school.upload(
                    AchievementImportPage.path, [:], file: ("итоги.xlsx", Data("не таблица".utf8)))
                #expect(junk.status == .unprocessableEntity)
                let forged = try await school.post(
                    AchievementImportPage.path + "/commit",
                    ["fileName": "x.csv", "payload": file.base64EncodedString()])
                #expect(forged.status == .unprocessableEntity)
                #expect(try await Achievement.query(on: app.db).count() == 0)
                // Only a school's administrator loads results.
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(AchievementImportPage.path).status == .forbidden)
            }
        }
    }
}
