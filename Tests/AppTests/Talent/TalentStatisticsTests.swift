import Documents
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 8: the statistics page and its workbook count what the reader may see.
    @Suite struct TalentStatisticsPageTests {
        @Test func theMunicipalityCountsConsentingStudentsAndTheSchoolItsOwn() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .school1])
                let other = try await world.school("Школа № 7")
                let olympiad = try await world.contest("Всероссийская олимпиада школьников")
                let municipal = try await world.edition(of: olympiad, level: .municipal)
                let math = try await world.olympiadSubject("математика")
                let shared = try await world.student(at: cast.school, "Лебедева", "Ольга").requireID()
                let own = try await world.student(at: cast.school, "Соколов", "Антон", consentBy: nil).requireID()
                let away = try await world.student(at: other, "Павлов", "Никита").requireID()
                let sharedResult = try await world.achievement(
                    of: shared, in: municipal, subject: math, result: .winner, grade: 9)
                let ownResult = try await world.achievement(
                    of: own, in: municipal, subject: math, result: .prizeWinner, grade: 11)
                // The preparers' table: a result without consent names its teacher to the school only.
                let teacher = try await world.staff("Учителева", "Анна", "Петровна", at: [cast.school])
                let hidden = try await world.staff("Скрытова", "Ирина", "Львовна", at: [cast.school])
                try await AchievementPreparers.replace(
                    sharedResult.requireID(), with: [teacher.requireID()], on: app.db)
                try await AchievementPreparers.replace(ownResult.requireID(), with: [hidden.requireID()], on: app.db)
                try await world.achievement(of: away, in: municipal, subject: math, result: .participant, grade: 9)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                // Without a year the page counts the current one; «Все годы» is an empty `year`.
                let page = try await kmc.get("/talent-statistics").body.string
                #expect(page.contains("По предметам и классам участия, \(world.year.title)"))
                #expect(
                    !(try await kmc.get("/talent-statistics?year=").body.string).contains(
                        "По предметам и классам участия, "))
                // Two consenting results in the 9th grade (a winner, a participant); the 11th-grader has no consent.
                #expect(page.contains("9 класс") && !page.contains("11 класс"))
                #expect(page.contains("2 / 0 / 1"))
                #expect(page.contains("Школа № 7"))
                #expect(page.contains("Учителева Анна Петровна") && !page.contains("Скрытова"))
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                let mine = try await school.get("/talent-statistics").body.string
                #expect(mine.contains("11 класс") && !mine.contains("Школа № 7"))
                #expect(mine.contains("1 / 1 / 0") && mine.contains("1 / 0 / 1"))
                #expect(mine.contains("Учителева Анна Петровна") && mine.contains("Скрытова Ирина Львовна"))
                let file = try await school.get("/talent-statistics.xlsx")
                #expect(file.status == .ok)
                let table = try XLSXReader.read(Data(buffer: file.body))
                #expect(table.rows.first == TalentStatisticsPage.xlsxColumns)
                #expect(
                    table.rows.contains {
                        $0.prefix(3) == ["По школам", "Всего", "Результатов / призёров / победителей"]
                    })
                #expect(!table.rows.contains { $0.contains("Школа № 7") })
                #expect(try await kmc.get("/talent-statistics?level=galactic").status == .badRequest)
                // The regional registry's workbooks: the databank and the achievements, the reader's rows only.
                func names(_ browser: inout Browser, _ path: String) async throws -> [[String]] {
                    let file = try await browser.get(path)
                    #expect(file.status == .ok)
                    return try XLSXReader.read(Data(buffer: file.body)).rows
                }
                let bank = try await names(&kmc, "/gifted.xlsx")
                #expect(bank.first == RegistryExportWords.giftedColumns)
                #expect(bank.count == 2 && bank[1][0] == "Лебедева" && bank[1][8].contains("победитель"))
                let schoolBank = try await names(&school, "/gifted.xlsx").map { $0.first ?? "" }
                #expect(schoolBank.contains("Соколов") && schoolBank.contains("Лебедева"))
                let results = try await names(&kmc, "/achievements.xlsx?result=winner")
                #expect(results.first == RegistryExportWords.achievementsColumns)
                #expect(results.count == 2 && results[1][0] == "Лебедева" && results[1][6] == "9")
            }
        }
    }
}
