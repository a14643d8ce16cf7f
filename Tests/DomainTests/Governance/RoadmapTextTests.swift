import Foundation
import Testing

@testable import Domain

/// Issue 22, item 1: a template of the municipality's own written as text — sections, measures with the roadmaps'
/// deadlines, evidence where the template says so — read back the same, its problems named by line.
@Suite struct RoadmapTextTests {
    func read(_ text: String) -> ([RoadmapTemplate.Section]?, String?) {
        var errors = FieldErrors()
        let sections = RoadmapTemplate.sections(text, field: "body", errors: &errors)
        return (sections, errors["body"])
    }

    @Test func sectionsAndMeasuresAreReadAndWrittenBackTheSame() throws {
        let text = """
            # Организационные мероприятия
            1; Заседание рабочей группы; сентябрь; Утверждение состава; до 15.09
            ; Семинар для учителей; апрель-июнь

            ## Отчётность
            2; ; ; Сводный отчёт МОУО; ежеквартально; нет
            3; Отчёт о работе за квартал; до 5 числа месяца, следующего за кварталом; ; ; да
            """
        let (sections, error) = read(text)
        #expect(error == nil)
        let read = try #require(sections)
        #expect(read.map(\.title) == ["Организационные мероприятия", "Отчётность"])
        #expect(read[0].measures[1].number == nil && read[0].measures[1].authority == nil)
        #expect(read[1].measures[0].center == nil && read[1].measures[0].evidence == false)
        let template = RoadmapTemplate(id: "own", title: "План", sections: read)
        #expect(self.read(template.text).0 == read)
        // The template's words make the plan: the quarterly report four times, needing evidence as written.
        let items = template.planItems(year: 2027)
        let reports = items.filter { $0.measure == "Отчёт о работе за квартал" }
        #expect(reports.count == 4 && reports.allSatisfy(\.evidenceRequired))
        #expect(reports.first?.dueOn == CivilDay(year: 2027, month: 4, day: 5))
        #expect(items.first { $0.measure == "Сводный отчёт МОУО" }?.evidenceRequired == false)
        #expect(
            items.first { $0.measure == "Заседание рабочей группы" }?.dueOn == CivilDay(year: 2027, month: 9, day: 30))
    }

    @Test func problemsAreNamedByTheirLine() {
        #expect(read("1; Мероприятие; май").1 == "Строка 1: сначала заголовок раздела — строка «# Название раздела».")
        #expect(read("# Раздел\n1; Мероприятие").1?.hasPrefix("Строка 2: «№; мероприятие центра; срок;") == true)
        #expect(read("# Раздел\n1; Мероприятие; ").1 == "Строка 2: укажите срок мероприятия центра.")
        #expect(read("# Раздел\n1; ; май; Сбор МОУО; июнь").1 == "Строка 2: срок центра без мероприятия.")
        #expect(read("# Раздел\n1; ; ; ; ").1 == "Строка 2: укажите мероприятие центра или МОУО.")
        #expect(
            read("# Раздел\n1; Отчёт; май; ; ; возможно").1 == "Строка 2: подтверждение — «да» или «нет» (или ничего).")
        #expect(read("# Пустой\n# Раздел\n1; Отчёт; май").1 == "В разделе «Пустой» нет ни одного мероприятия.")
        #expect(read("#   \n").1 == "Строка 1: после «#» укажите название раздела (до 300 символов).")
        #expect(read("").1 == "Напишите хотя бы один раздел с мероприятием.")
        let many = "# Раздел\n" + (1...401).map { "\($0); Мероприятие; май" }.joined(separator: "\n")
        #expect(read(many).1 == "Не больше 400 мероприятий в шаблоне.")
    }
}
