import Documents
import Foundation
import Testing

@Suite struct ICalendarTests {
    @Test func eventsAreEscapedFoldedAndInUTC() {
        let start = Date(timeIntervalSince1970: 1_788_782_400)  // 07.09.2026 12:00 UTC = 15:00 in Moscow
        let event = ICalendar.Event(
            uid: "l1@setka", start: start, end: start.addingTimeInterval(6000),
            summary: "Математика-10 — Олимпиадная математика, 10–11 классы; очно",
            location: "МБОУ «Гимназия № 2», Кабинет № 21", description: "Педагог: Орлов Д. А.\nЗамена", cancelled: true,
            sequence: 3)
        let text = ICalendar.render(name: "Расписание", events: [event], now: start)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("DTSTART:20260907T120000Z\r\n"))
        #expect(text.contains("DTEND:20260907T134000Z\r\n"))
        #expect(text.contains("STATUS:CANCELLED"))
        #expect(text.contains("SEQUENCE:3"))
        // Every physical line is at most 75 octets, and unfolding gives the escaped value back.
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Математика-10 — Олимпиадная математика\\, 10–11 классы\\; очно\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Педагог: Орлов Д. А.\\nЗамена\r\n"))
    }
}

@Suite struct DocModelStorageTests {
    @Test func aDocumentComesBackFromJSONAsItWas() throws {
        var model = DocModel(title: "Приказ № 1", landscape: true)
        model.heading("ПРИКАЗ")
        model.paragraph("от 01.09.2026 № 245", align: .center)
        model.paragraph([DocModel.Run("1. ", bold: true), DocModel.Run("Утвердить", italic: true)])
        model.table(["№", "ФИО"], [["1", "Орлов Д. А."]], widths: [1, 5])
        model.signatures([("Начальник", "Белова И. О.")])
        model.blocks.append(.pageBreak)
        let back = try JSONDecoder().decode(DocModel.self, from: JSONEncoder().encode(model))
        #expect(back == model)
        #expect(try DOCXWriter.data(back) == DOCXWriter.data(model))
    }
}
