import Documents
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests.TimetableTests {
    @Test func theMonthlyScheduleXLSXHasDateAndTimeCells() async throws {
        try await withApp { app in
            // setup: «Математика-10» on Mondays 15:00–16:40
            let m10 = try await Self.setUp(app).m10
            let first = CivilDay(number: try await Self.lessons(app, m10)[0].day)
            var anonymous = Browser(app)
            // act
            let xlsx = try await anonymous.get("/schedule.xlsx?month=\(first.iso.prefix(7))")
            // check: the first lesson's row has its day as a date cell and its times as time cells
            #expect(xlsx.status == .ok)
            let data = Data(buffer: xlsx.body)
            let probe = try XLSXProbe(data)
            #expect(probe.cells["A1"]?.value == "Дата")
            let (year, month, day) = first.ymd
            // Excel's serial day counts from 30.12.1899.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let epoch = try #require(calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)))
            let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
            let serial = try #require(calendar.dateComponents([.day], from: epoch, to: date).day)
            let row = try #require(
                (2...probe.cells.count).first { probe.cells["G\($0)"]?.value == "Математика-10" })
            #expect(probe.cells["A\(row)"] == .init(type: nil, value: String(serial), format: "dd.mm.yyyy"))
            #expect(probe.cells["C\(row)"]?.format == "hh:mm")
            #expect(probe.cells["C\(row)"]?.type == nil)
            let start = try #require(probe.cells["C\(row)"]?.value.flatMap(Double.init))
            #expect(abs(start - 15.0 / 24) < 1e-9)
            // Read back, the cells show as the page does.
            let table = try XLSXReader.read(data)
            #expect(table.rows.contains { $0.starts(with: [first.formatted, "пн", "15:00", "16:40"]) })
        }
    }
}
