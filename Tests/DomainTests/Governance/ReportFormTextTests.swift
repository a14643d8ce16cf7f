import Foundation
import Testing

@testable import Domain

/// Issue 22, item 5: a report form of the administrator's own written as text — typed indicators with units, required
/// ones, hints, where Setka counts a number from — read back the same, its problems named by line.
@Suite struct ReportFormTextTests {
    func read(_ text: String) -> ([ReportIndicator]?, String?) {
        var errors = FieldErrors()
        let indicators = ReportForm.indicators(text, field: "body", errors: &errors)
        return (indicators, errors["body"])
    }

    @Test func indicatorsAreTypedAndWrittenBackTheSame() throws {
        let text = """
            Обучающихся в центре; число; чел.; да; обучающиеся
            Доля родителей, довольных занятиями; доля, %; %
            > По анкете в конце квартала.

            Мероприятия для родителей; таблица: Мероприятие, Дата, Участников; ; да
            Дата совещания; дата
            Трудности;  текст ; ; нет
            """
        let (indicators, error) = read(text)
        #expect(error == nil)
        let read = try #require(indicators)
        #expect(read.map(\.key) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(
            read[0]
                == ReportIndicator(
                    "p1", "Обучающихся в центре", .number, unit: "чел.", required: true, source: .studentsCovered))
        #expect(read[1].kind == .share && read[1].hint == "По анкете в конце квартала." && !read[1].required)
        #expect(read[2].kind == .table(["Мероприятие", "Дата", "Участников"]) && read[2].required)
        #expect(read[3].kind == .date && read[4].kind == .text && !read[4].required)
        #expect(self.read(ReportForm.text(read)).0 == read)
        // The answers of such a form are checked as the built-in one's.
        var errors = FieldErrors()
        let form = ReportForm(id: "own", title: "Своя форма", indicators: read)
        let answers = ReportAnswers.check(
            form, { ["p1": "12", "p2": "101", "p3": "Собрание; 01.03.2027"][$0] }, submitting: true, errors: &errors)
        #expect(answers == ["p1": "12"])
        #expect(errors["p2"] != nil && errors["p3"]?.contains("3 поля") == true && errors["p4"] == nil)
    }

    @Test func eachProblemIsNamedByItsLine() {
        let cases: [(String, String)] = [
            ("", "хотя бы один"),
            ("Показатель", "Строка 1: «название; тип"),
            ("Показатель; цифра", "Строка 1: тип"),
            ("Итоги\n\nИтоги; число", "Строка 1: «название"),
            ("Охват; число\nохват; текст", "Строка 2: показатель «охват» уже есть"),
            ("Охват; число; ; может быть", "Строка 1: обязательный"),
            ("Охват; текст; ; да; обучающиеся", "Строка 1: Setka считает только показатели-числа"),
            ("Охват; число; ; да; ученики", "Строка 1: откуда — одно из"),
            ("> подсказка\nОхват; число", "Строка 1: подсказка"),
            ("Охват; таблица:", "Строка 1: тип"),
            ("Охват; таблица: a, b, c, d, e, f, g, h, i", "Строка 1: тип"),
            (String(repeating: "x", count: 301) + "; число", "Строка 1: укажите название"),
            ("Охват; число; " + String(repeating: "ч", count: 21), "Строка 1: единица"),
        ]
        for (text, expected) in cases {
            let (indicators, error) = read(text)
            #expect(indicators == nil, "\(text)")
            #expect(error?.contains(expected) == true, "\(text): \(error ?? "no error")")
        }
        let many = (1...101).map { "Показатель \($0); число" }.joined(separator: "\n")
        #expect(read(many).1 == "Не больше 100 показателей в форме.")
    }

    @Test func everySourceHasAWordTheTextReads() {
        for source in ReportSource.allCases {
            let (indicators, error) = read("Показатель; число; ; ; \(source.word.uppercased())")
            #expect(error == nil && indicators?.first?.source == source)
        }
        #expect(Set(ReportSource.allCases.map(\.word)).count == ReportSource.allCases.count)
    }
}
