import Documents
import Domain
import Foundation

/// The words of analytic notes (issue 22, item 7): the draft Setka writes from a centre's figures, and the pages.
public enum AnalyticNoteWords {
    public static let title = "Аналитические справки"
    public static let intro =
        "Аналитическая справка о работе ресурсного центра за учебный год: Setka составляет черновик по своим данным — "
        + "группы, обучающиеся, часы по плану и проведённые, посещаемость, итоги, сертификаты, достижения, "
        + "выполнение планов и отчётность; автор дополняет текст и пишет выводы."
    public static let noun = "Аналитическая справка"
    public static let none = "Ресурсных центров в этом учебном году нет."
    public static let notWritten = "не составлена"
    public static let create = "Составить справку"
    public static let drafted = "Черновик справки составлен по данным Setka: дополните текст и напишите выводы."
    public static let saved = "Справка сохранена."
    public static let notSaved = "Справка не сохранена: исправьте отмеченные поля."
    public static let changed =
        "Справку уже изменил другой пользователь. Ниже — текущий текст; внесите изменения ещё раз."
    public static let conclusionsRequired = "Напишите выводы и предложения."
    public static let conclusionsHint = "Что получилось, что нет и почему; предложения по распространению опыта."
    public static let edit = "Изменить текст"
    public static let document = "Печать и DOCX"
    public static let figuresTitle = "Данные Setka"
    public static let versionRequired = "Укажите версию справки."
    public static let noSuchSection =
        "Такого раздела нет: general, teaching, results, plans, reporting или conclusions."
    public static let recount = "Пересчитать данные"
    public static let recountHint = "Текст справки не меняется — сверьте его с новыми цифрами."
    public static let recounted = "Данные Setka пересчитаны на сегодня; текст справки остался как был."
    /// The API's `year` is not an academic year of the municipality.
    public static let yearExpected = "Учебный год — как 2025/2026, из справочника."

    public static func heading(_ center: String, startYear: Int) -> String {
        "\(noun): \(center), \(ActivityProgramWords.year(startYear))"
    }
    /// «Данные Setka на 07.12.2026».
    public static func counted(_ day: String) -> String { "Данные Setka на \(day)" }

    static func share(_ percent: Int?) -> String { percent.map { "\($0)\u{00A0}%" } ?? "—" }

    /// The figures as label and value rows, for the page and the document.
    public static func rows(_ figures: AnalyticFigures) -> [(String, String)] {
        [
            ("Групп с занятиями", String(figures.groups)),
            ("Обучающихся на занятиях", String(figures.studentsCovered)),
            ("Часов по плану групп", String(figures.hoursPlanned)),
            ("Часов проведено (журнал)", "\(figures.hoursDelivered) (\(share(figures.hoursPercent)))"),
            ("Посещаемость", share(figures.attendancePercent)),
            ("Итоговая аттестация: прошли", "\(figures.resultsPassed) из \(figures.resultsTotal)"),
            ("Сертификатов выдано", String(figures.certificates)),
            ("Победителей и призёров", String(figures.achievements)),
            ("Пунктов планов выполнено", String(figures.planItemsDone)),
            ("Пунктов планов просрочено", String(figures.planItemsOverdue)),
            (
                "Отчётов сдано",
                "\(figures.reportsSubmitted) из \(figures.reportsTotal)"
                    + (figures.reportsLate > 0 ? ", с опозданием \(figures.reportsLate)" : "")
            ),
            (
                "Программа деятельности",
                figures.programStatus.flatMap(ActivityProgramStatus.init(rawValue:))?.title ?? "не составлена"
            ),
        ]
    }

    /// The draft: a paragraph per section from the figures, the conclusions left to the author.
    public static func draft(_ figures: AnalyticFigures, center: String, startYear: Int, asOf day: String)
        -> [String: String]
    {
        let program =
            figures.programStatus.flatMap(ActivityProgramStatus.init(rawValue:)).map {
                "Программа деятельности РЦ на \(ActivityProgramWords.year(startYear)): \($0.title.lowercased())."
            } ?? "Программа деятельности РЦ на \(ActivityProgramWords.year(startYear)) не составлена."
        return [
            AnalyticNoteSection.general.rawValue:
                "\(center) работает в качестве ресурсного центра в \(startYear)/\(startYear + 1) учебном году. "
                + "Справка составлена по данным Setka на \(day).",
            AnalyticNoteSection.teaching.rawValue:
                "Групп с занятиями: \(figures.groups); обучающихся, посетивших занятия: \(figures.studentsCovered). "
                + "Проведено часов: \(figures.hoursDelivered) из \(figures.hoursPlanned) по плану групп "
                + "(\(share(figures.hoursPercent))). Посещаемость занятий — \(share(figures.attendancePercent)).",
            AnalyticNoteSection.results.rawValue:
                (figures.resultsTotal == 0
                ? "Итоговой аттестации в группах этого учебного года ещё не было. "
                : "Итоговую аттестацию прошли: \(figures.resultsPassed) из \(figures.resultsTotal). ")
                + "Выдано сертификатов: \(figures.certificates). Победителей и призёров олимпиад и конкурсов среди "
                + "обучающихся: \(figures.achievements).",
            AnalyticNoteSection.plans.rawValue:
                program + " Пунктов планов выполнено: \(figures.planItemsDone), просрочено: "
                + "\(figures.planItemsOverdue).",
            AnalyticNoteSection.reporting.rawValue:
                "Сдано отчётов: \(figures.reportsSubmitted) из \(figures.reportsTotal)"
                + (figures.reportsLate > 0 ? ", из них с опозданием — \(figures.reportsLate)." : "."),
            AnalyticNoteSection.conclusions.rawValue: "",
        ]
    }

    /// The figures as the audit log keeps them.
    public static func auditFigures(_ figures: AnalyticFigures) -> [String: String] {
        Dictionary(rows(figures)) { first, _ in first }
    }

    /// The note's sections as the audit log keeps them.
    public static func audit(_ texts: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: AnalyticNoteSection.allCases.map { ($0.title, texts[$0.rawValue] ?? "") })
    }

    /// The note as a document: the sections, then the figures as a table.
    public static func document(
        center: String, headName: String?, startYear: Int, texts: [String: String], figures: AnalyticFigures,
        countedOn: String
    ) -> DocModel {
        var doc = DocModel(title: noun)
        doc.heading("Аналитическая справка")
        doc.paragraph("о работе ресурсного центра " + center, align: .center, bold: true)
        doc.paragraph("за " + ActivityProgramWords.year(startYear), align: .center)
        for (number, section) in AnalyticNoteSection.allCases.enumerated() {
            doc.heading("\(number + 1). \(section.title)", level: 2)
            let text = texts[section.rawValue].flatMap { $0.isEmpty ? nil : $0 } ?? "—"
            for paragraph in text.components(separatedBy: "\n")
            where !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                doc.paragraph(paragraph)
            }
        }
        doc.heading(counted(countedOn), level: 2)
        doc.table(["Показатель", "Значение"], rows(figures).map { [$0.0, $0.1] }, widths: [3, 2])
        doc.signatures([("Руководитель РЦ", headName ?? "")])
        return doc
    }
}
