import Domain
import Foundation
import Testing

@testable import Views

@Suite struct ViewsTests {
    @Test func everyPageRendersFromItsMock() {
        let ctx = PageContext.mock
        let pages = [
            ErrorPage.mock.render(ctx), LoginPage.mock.render(PageContext()), SetupPage.mock.render(PageContext()),
            HomePage.mock.render(PageContext()), ProfilePage.mock.render(ctx), PasswordPage.mock.render(ctx),
            OrganizationListPage.mock.render(ctx), OrganizationCard.mock.render(ctx), OrganizationForm.mock.render(ctx),
            ConfirmPage.mock.render(ctx), AuditPage.mock.render(ctx),
        ]
        for html in pages {
            #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"ru\">"))
            #expect(html.contains("</html>"))
        }
        #expect(OrganizationListPage.mock.render(ctx).contains("Найдено 1 организация"))
    }

    @Test func textAndAttributesAreEscaped() {
        let evil = "\"><script>alert(1)</script>"
        var form = OrganizationForm.mock
        form.values["shortName"] = evil
        let html = form.render(PageContext.mock)
        #expect(!html.contains("<script>"))
        #expect(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
    }

    /// «№» keeps its number and a dash between numbers keeps the number after it on the same line; attribute values
    /// (form fields) are left as typed.
    @Test func textKeepsNumbersWithTheirSigns() {
        #expect(
            Node.escapeText("МБОУ «СОШ № 1», 15:00–16:40, 10–11 классы")
                == "МБОУ «СОШ №&nbsp;1», 15:00–&#8288;16:40, 10–&#8288;11 классы")
        #expect(Node.escapeText("№<b>") == "№&lt;b&gt;" && Node.escapeText("дети — взрослые") == "дети — взрослые")
        var form = OrganizationForm.mock
        form.values["shortName"] = "СОШ № 5"
        let html = form.render(PageContext.mock)
        #expect(html.contains("value=\"СОШ № 5\""))
    }

    @Test func fieldErrorsStandNextToTheirField() {
        var errors = FieldErrors()
        errors.add("shortName", "Заполните это поле.")
        let form = OrganizationForm(id: nil, values: [:], version: 0, errors: errors)
        let html = form.render(PageContext.mock)
        #expect(html.contains("aria-describedby=\"shortName-error\""))
        #expect(html.contains("<p class=\"error\" id=\"shortName-error\">Заполните это поле.</p>"))
    }

    @Test func menuShowsOnlyTheAreasGiven() {
        var ctx = PageContext.mock
        ctx.menu = [.profile]
        let html = ProfilePage.mock.render(ctx)
        #expect(!html.contains("Журнал изменений"))
        #expect(html.contains("Мой профиль"))
    }

    @Test func timetableViewsRenderWeeksAndTheMonth() {
        let week = WeekPage.mock.render(PageContext.mock)
        #expect(week.contains("понедельник, 07.09.2026"))
        #expect(week.contains("← предыдущая неделя"))
        // Saturday and Sunday are shown only when they have lessons.
        #expect(!week.contains("суббота"))
        var cancelled = WeekPage.mock
        cancelled.days[0].entries[0].cancelled = true
        #expect(cancelled.render(PageContext.mock).contains("lesson cancelled"))
        let month = MonthSchedulePage.mock.render(PageContext.mock)
        #expect(month.contains("Расписание сети на сентябрь 2026"))
        #expect(month.contains("Найдено 1 занятие"))
        #expect(month.contains("<option value=\"2026-09\" selected"))
    }
}

/// Issue 21: a result as the lists write it, with the Russian plural of «балл».
@Suite struct TalentWordsTests {
    @Test func aResultReadsAsAnOfficialWritesIt() {
        #expect(TalentWords.result(.prizeWinner, place: 2, score: 87.5) == "призёр, 2 место, 87,5 балла")
        #expect(TalentWords.result(.winner, place: nil, score: 91) == "победитель, 91 балл")
        #expect(TalentWords.result(.participant, place: nil, score: 44) == "участник, 44 балла")
        #expect(TalentWords.result(.participant, place: nil, score: 12) == "участник, 12 баллов")
        #expect(TalentWords.scoreText(70.25) == "70,25")
        #expect(
            OlympiadWords.sessionLine(
                date: "10.12.2026", hours: 1.5, trainer: "Орлов В. П.", outside: true, topic: "Графы")
                == "10.12.2026, 1,5 ч, Орлов В. П. (привлечённый): Графы")
        #expect(OlympiadWords.Gifted.courseState(enrolled: false) == "выбыл")
        #expect(OlympiadWords.yesNo(true) == "да")
        #expect(
            TalentWords.editionTitle(contest: "ВсОШ", kind: .allRussianOlympiad, level: .municipal, year: "2025/2026")
                == "ВсОШ — муниципальный этап, 2025/2026")
        #expect(
            TalentWords.editionTitle(contest: "Конкурс", kind: .contest, level: .regional, year: "2025/2026")
                == "Конкурс — региональный уровень, 2025/2026")
    }
}
