import Foundation
import Testing

@testable import Domain

/// Issue 22, item 3: an activity programme's work plan rows and their days in the academic year, its working group,
/// and what a submission needs (`003_256a4293e3c370c5.txt` §3.5, §4.2).
@Suite struct ActivityProgramTests {
    func day(_ text: String) -> CivilDay { CivilDay.parse(text)! }

    @Test func theDatesOfARowMakeDaysInTheAcademicYear() {
        func days(_ text: String) -> (CivilDay?, CivilDay?, Bool) {
            let made = ActivityPlanRow.days(text, startYear: 2026)
            return (made.due, made.start, made.outside)
        }
        #expect(days("октябрь") == (day("31.10.2026"), nil, false))
        #expect(days("февраль") == (day("28.02.2027"), nil, false))
        #expect(days("до 15.11") == (day("15.11.2026"), nil, false))
        #expect(days("до 15.03") == (day("15.03.2027"), nil, false))
        #expect(days("апрель-июнь") == (day("30.06.2027"), day("01.04.2027"), false))
        // Across the new year, which a calendar year's roadmap does not have.
        #expect(days("сентябрь – май") == (day("31.05.2027"), day("01.09.2026"), false))
        #expect(days("ноябрь—февраль") == (day("28.02.2027"), day("01.11.2026"), false))
        #expect(days("с января") == (nil, day("01.01.2027"), false))
        #expect(days("20.03.2027") == (day("20.03.2027"), nil, false))
        #expect(days("в течение года") == (nil, nil, false))
        #expect(days("ежеквартально") == (nil, nil, false))
        #expect(days("сентябрь 2026 – май 2027") == (day("31.05.2027"), day("01.09.2026"), false))
        #expect(days("декабрь 2026") == (day("31.12.2026"), nil, false))
        #expect(days("сентябрь 2026 – май") == (day("31.05.2027"), day("01.09.2026"), false))
        #expect(days("октябрь, приказ № 1234") == (day("31.10.2026"), nil, false) || !days("октябрь, приказ № 1234").2)
        // Outside the year: a year written that is not the day's or the year's, a run across its end.
        #expect(days("декабрь 2027").2)
        #expect(days("до 20.03.2031").2)
        #expect(days("май – сентябрь").2)
        #expect(days("август – октябрь").2)
        #expect(days("01.09.2027").2)
        #expect(days("31.08.2026").2)
        #expect(!days("31.08.2027").2)
    }

    @Test func rowsAreReadLineByLineWithTheLineNamedInErrors() {
        var errors = FieldErrors()
        let rows = ActivityPlanRow.parse(
            "Семинар для учителей; октябрь; Методистова А. А.; Колледж № 1\n\n"
                + "Олимпиадная школа; сентябрь – май; Руководова И. И.",
            startYear: 2026, field: "workPlan", errors: &errors)
        #expect(errors.isEmpty)
        #expect(rows.count == 2)
        #expect(rows[0].partners == "Колледж № 1" && rows[0].dueOn == day("31.10.2026"))
        #expect(rows[1].partners == nil && rows[1].startsOn == day("01.09.2026"))
        #expect(rows[0].line == "Семинар для учителей; октябрь; Методистова А. А.; Колледж № 1")
        var short = FieldErrors()
        _ = ActivityPlanRow.parse("Семинар; октябрь", startYear: 2026, field: "workPlan", errors: &short)
        #expect(short["workPlan"]?.hasPrefix("Строка 1: «мероприятие; сроки; ответственный; партнёры»") == true)
        var outside = FieldErrors()
        _ = ActivityPlanRow.parse(
            "Семинар; октябрь; А.\nКонференция; 15.09.2027; Б.", startYear: 2026, field: "workPlan",
            errors: &outside)
        #expect(outside["workPlan"] == "Строка 2: сроки «15.09.2027» выходят за учебный год 01.09.2026 — 31.08.2027.")
    }

    @Test func theWorkingGroupIsNameAndPositionPerLine() {
        var errors = FieldErrors()
        let group = WorkingGroupMember.parse(
            "Руководова Анна Ивановна; директор МБОУ «Лицей № 2»\nМетодистова Ольга; руководитель ГМО",
            field: "group", errors: &errors)
        #expect(errors.isEmpty && group.count == 2 && group[1].position == "руководитель ГМО")
        var bad = FieldErrors()
        _ = WorkingGroupMember.parse("Руководова Анна Ивановна", field: "group", errors: &bad)
        #expect(bad["group"]?.hasPrefix("Строка 1: «ФИО; должность, место работы»") == true)
    }

    @Test func aDraftKeepsWhatIsWrittenAndASubmissionNeedsEverySection() {
        let written: [String: String] = [
            "rationale": "Слабые результаты олимпиад.", "workPlan": "Семинар; октябрь; Методистова А. А.",
        ]
        var draftErrors = FieldErrors()
        let draft = ActivityProgramContent.check(
            { written[$0] }, startYear: 2026, submitting: false, errors: &draftErrors)
        #expect(draftErrors.isEmpty)
        #expect(draft.text(.rationale) == "Слабые результаты олимпиад." && draft.rows.count == 1)
        var submitErrors = FieldErrors()
        _ = ActivityProgramContent.check({ written[$0] }, startYear: 2026, submitting: true, errors: &submitErrors)
        #expect(submitErrors["rationale"] == nil)
        #expect(submitErrors["goals"] == "Заполните раздел «Цель и задачи деятельности РЦ».")
        #expect(submitErrors["prospects"] == "Заполните раздел «Перспективы программы».")
        #expect(submitErrors["group"] == "Укажите состав рабочей группы РЦ.")
        #expect(submitErrors["workPlan"] == nil)
        var complete = written
        for section in ActivityProgramSection.texts { complete[section.rawValue] = section.title }
        complete["group"] = "Руководова Анна Ивановна; директор"
        var none = FieldErrors()
        let content = ActivityProgramContent.check({ complete[$0] }, startYear: 2026, submitting: true, errors: &none)
        #expect(none.isEmpty)
        // The form's fields give back what was read.
        var again = FieldErrors()
        let reread = ActivityProgramContent.check(
            { content.fields[$0] }, startYear: 2026, submitting: true, errors: &again)
        #expect(again.isEmpty && reread == content)
        #expect(ActivityProgramSection.allCases.count == 7)
    }
}
