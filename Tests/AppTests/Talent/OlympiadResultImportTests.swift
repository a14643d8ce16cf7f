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
    /// Issue 21, item 3: a stage's results from the jury's file — all or nothing, only the invited, scores within each
    /// task's maximum; a participant already entered is corrected.
    @Suite struct OlympiadResultImportTests {
        @Test func aFileWithOneBadRowChangesNothingAndAGoodOneWritesEveryResult() async throws {
            try await withApp { app in
                let s = try await MunicipalStageTests.setUp(app)
                let stage = try await s.world.olympiadStage(
                    s.math, olympiad: s.olympiad, grades: [8: ("10;10;20", 25), 9: ("10;10;20", nil)])
                let id = try stage.requireID()
                try await s.world.participant(of: s.passer, in: stage, code: "М-01", grade: 8, scores: [1, 1, 1])
                var metod = Browser(app)
                _ = try await metod.login("metod", password: World.password)
                let header = "Код участника;Фамилия;Имя;Дата рождения;Класс участия;Задание 1;Задание 2;Задание 3;Итого"
                let template = try await metod.get("/olympiad-stages/\(id)/import/template.xlsx")
                #expect(template.status == .ok)
                #expect(try XLSXReader.read(Data(buffer: template.body)).rows.first == OlympiadResultImport.header)
                func upload(_ lines: [String]) async throws -> TestingHTTPResponse {
                    _ = try await metod.get("/olympiad-stages/\(id)/import")
                    return try await metod.upload(
                        "/olympiad-stages/\(id)/import", [:],
                        file: ("протокол.csv", Data(([header] + lines).joined(separator: "\n").utf8)))
                }
                // The student not invited and a score above its task's maximum: nothing is written.
                let bad = try await upload([
                    "М-01;Лебедева;Ольга;14.03.2010;8;10;10;15;35", "М-02;Зуев;Глеб;14.03.2010;8;5;5;5;15",
                    "М-03;Павлов;Никита;14.03.2010;8;10;12;5;27",
                ])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains(OlympiadWords.Import.notInvited))
                #expect(bad.body.string.contains(OlympiadWords.Check.scores(.aboveMaximum(task: 2, maximum: 10))))
                #expect(try await OlympiadParticipant.query(on: app.db).count() == 1)
                // A clean file: one correction and two new results, written on confirmation.
                let good = try await upload([
                    "М-01;Лебедева;Ольга;14.03.2010;8;10;10;15;35", "М-03;Павлов;Никита;14.03.2010;8;10;5;5;20",
                    "М-04;Комаров;Илья;14.03.2010;9;2;2;2;6",
                ])
                #expect(good.status == .ok)
                let page = good.body.string
                #expect(page.contains("Будет добавлено: 2 результата; исправлено: 1."))
                let payload = try #require(
                    page.range(of: #"name="payload" value="[^"]+""#, options: .regularExpression).map {
                        String(page[$0].dropFirst(22).dropLast())
                    })
                let commit = try await metod.post(
                    "/olympiad-stages/\(id)/import/commit", ["fileName": "протокол.csv", "payload": payload])
                #expect(commit.status == .seeOther)
                let totals = try await OlympiadParticipant.query(on: app.db).all()
                    .reduce(into: [UUID: Double]()) { $0[$1.$student.id] = $1.total }
                #expect(totals == [s.passer: 35, s.other: 20, s.lastYear: 6])
                // A school does not load a stage's results.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/olympiad-stages/\(id)/import").status == .forbidden)
            }
        }
    }
}
